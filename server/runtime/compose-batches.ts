import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { BatchRunner, type BatchRunnerDeps } from '../batch/batch-runner';
import { BatchStore } from '../batch/batch-store';
import { PostgresBatchStore, postgresBatchQueue } from '../batch/postgres-batch-store';
import type { SharedDatabase } from './compose-shared-database';
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
  options: Pick<BatchRunnerDeps, 'onError' | 'onRow' | 'mailHook' | 'campaignHook'> & {
    database?: SharedDatabase | null;
  },
): { batches: BatchServices; stopTask: ShutdownTask } {
  const dir = config.BATCH_DIR ?? path.join(PROJECT_ROOT, 'data/batches');
  const ttlMs = config.BATCH_TTL_MINUTES * 60_000;
  const heartbeatMs = config.BATCH_HEARTBEAT_SECONDS * 1000;
  const { database, ...hooks } = options;
  // With DATABASE_URL the queue and the statuses are shared by every machine; the files stay in BATCH_DIR.
  const shared = database
    ? new PostgresBatchStore(dir, ttlMs, database.db, { heartbeatMs, goneAfterMs: 6 * heartbeatMs, maxAttempts: 2 })
    : null;
  const store = shared ?? new BatchStore(dir, ttlMs, undefined, 6 * heartbeatMs);
  const runner = new BatchRunner({
    store,
    ...(shared ? { sharedQueue: postgresBatchQueue(shared) } : {}),
    service,
    workers: config.BATCH_WORKERS,
    providerPec: config.PROVIDER_PEC ?? null,
    maxRows: config.BATCH_MAX_ROWS,
    maxQueued: MAX_QUEUED_BATCHES,
    maxPerClient: config.BATCH_QUEUE_PER_OPERATOR,
    ...hooks,
  });
  // At start and then every minute: batches whose process died are failed and their files removed, expired ones go.
  const sweep = () =>
    void store
      .recoverInterrupted()
      .then(() => store.sweep())
      .catch(options.onError);
  const started = database ? database.ready : Promise.resolve();
  void started.then(sweep, () => undefined);
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref();
  // Shared: each beat also takes over the batches of processes gone quiet and looks for batches other machines queued.
  const beat = () =>
    void store
      .heartbeat()
      .then(() => (shared ? shared.recoverInterrupted() : undefined))
      .then(() => runner.poll())
      .catch(options.onError);
  void started.then(
    () => runner.poll(),
    () => undefined,
  );
  const heartbeat = setInterval(beat, heartbeatMs);
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
