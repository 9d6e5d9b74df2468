import path from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { BatchRunner, type BatchRunnerDeps } from '../../batch/batch-runner';
import { BatchStore } from '../../batch/batch-store';
import type { BatchRowResult } from '../../batch/run-batch';
import { PROJECT_ROOT } from '../../project-paths';
import type { LetterService } from '../../services/letter-service';
import type { BatchesApiDeps } from '../api/batches-api';

const SWEEP_EVERY_MS = 60_000;

/** The batch store, its runner and the sweeper that deletes expired batches, wired from the configuration. */
export function createBatchServices(
  config: AppConfig,
  service: LetterService,
  options: {
    onError: (error: unknown) => void;
    onRow?: (result: BatchRowResult) => Promise<string | void> | string | void;
    mailHook?: BatchRunnerDeps['mailHook'];
  },
): BatchesApiDeps {
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
    maxQueued: 20,
    onError: options.onError,
    onRow: options.onRow,
    mailHook: options.mailHook,
  });
  const sweep = () => void store.sweep().catch(options.onError);
  sweep();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  return {
    store,
    runner,
    limits: { maxBytes: config.BATCH_MAX_UPLOAD_MB * 1024 * 1024, maxRows: config.BATCH_MAX_ROWS },
  };
}
