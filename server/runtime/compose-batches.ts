import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { BatchRunner, type BatchRunnerDeps } from '../batch/batch-runner';
import { BatchStore } from '../batch/batch-store';
import { PROJECT_ROOT } from '../config/project-paths';
import type { LetterService } from '../use-cases/letter-service';
import type { BatchServices } from '../batch/batch-services';
import type { ShutdownTask } from './graceful-shutdown';

const SWEEP_EVERY_MS = 60_000;
const MAX_QUEUED_BATCHES = 20;

/**
 * The batch store, its runner and the sweeper that deletes expired batches, wired from the configuration. The
 * returned stop task waits for the batch in hand, stops the render workers and the sweeper.
 */
export function createBatchServices(
  config: AppConfig,
  service: LetterService,
  options: Pick<BatchRunnerDeps, 'onError' | 'onRow' | 'mailHook'>,
): { batches: BatchServices; stopTask: ShutdownTask } {
  const store = new BatchStore(
    config.BATCH_DIR ?? path.join(PROJECT_ROOT, 'data/batches'),
    config.BATCH_TTL_MINUTES * 60_000,
  );
  const runner = new BatchRunner({
    store,
    service,
    workers: config.BATCH_WORKERS,
    providerPec: config.PROVIDER_PEC ?? null,
    maxRows: config.BATCH_MAX_ROWS,
    maxQueued: MAX_QUEUED_BATCHES,
    ...options,
  });
  const sweep = () => void store.sweep().catch(options.onError);
  sweep();
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref();
  const batches = {
    store,
    runner,
    limits: { maxBytes: config.BATCH_MAX_UPLOAD_MB * 1024 * 1024, maxRows: config.BATCH_MAX_ROWS },
  };
  const stopTask: ShutdownTask = {
    name: 'batches',
    stop: async () => {
      clearInterval(sweeper);
      await runner.stop();
    },
  };
  return { batches, stopTask };
}
