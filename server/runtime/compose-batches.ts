import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { BatchRunner, type BatchRunnerDeps } from '../batch/batch-runner';
import { BatchStore, HEARTBEAT_MS } from '../batch/batch-store';
import { PROJECT_ROOT } from '../config/project-paths';
import type { LetterService } from '../use-cases/letter-service';
import type { BatchServices } from '../batch/batch-services';
import type { ShutdownTask } from './graceful-shutdown';

const SWEEP_EVERY_MS = 60_000;
const MAX_QUEUED_BATCHES = 20;

/**
 * The batch store, its runner, the heartbeat that shows this process owns its batches, and the sweeper that fails
 * batches left by a dead process and deletes expired ones, wired from the configuration. The returned stop task fails
 * the batches still waiting, waits for the one in hand, stops the render workers and the timers; if the shutdown
 * cannot wait, `abandon` fails the running one.
 */
export function createBatchServices(
  config: AppConfig,
  service: LetterService,
  options: Pick<BatchRunnerDeps, 'onError' | 'onRow' | 'mailHook' | 'campaignHook'>,
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
    maxPerClient: config.BATCH_QUEUE_PER_OPERATOR,
    ...options,
  });
  // At start and then every minute: batches whose process died are failed and their files removed, expired ones go.
  const sweep = () =>
    void store
      .recoverInterrupted()
      .then(() => store.sweep())
      .catch(options.onError);
  sweep();
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref();
  const heartbeat = setInterval(() => void store.heartbeat().catch(options.onError), HEARTBEAT_MS);
  heartbeat.unref();
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
      clearInterval(heartbeat);
    },
    abandon: () => runner.abandon(),
  };
  return { batches, stopTask };
}
