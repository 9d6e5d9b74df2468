import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from '../config/app-config';
import type { Logger } from '../observability/logger';

const RESTART_DELAY_MS = 1000;

/**
 * The primary of cluster mode: forks WEB_CONCURRENCY web processes sharing the port, replaces one that dies, and on
 * SIGTERM/SIGINT asks every worker to shut down gracefully and waits for them (bounded).
 */
export function runClusterPrimary(config: AppConfig, logger: Logger): void {
  let stopping = false;
  // Secrets picked at random for this start are shared, so every web process signs and checks the same way.
  const fork = (): Worker =>
    cluster.fork({
      RECLAMO_WORKER: '1',
      CSRF_SECRET: config.CSRF_SECRET,
      MAIL_CONFIRMATION_SECRET: config.MAIL_CONFIRMATION_SECRET,
    });

  for (let index = 0; index < config.WEB_CONCURRENCY; index += 1) fork();
  logger.info({ workers: config.WEB_CONCURRENCY }, 'cluster started');

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ worker: worker.id, code, signal }, 'web process exited; starting a new one');
    setTimeout(fork, RESTART_DELAY_MS).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'cluster shutting down');
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
    const exited = workers.map((worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve())));
    for (const worker of workers) worker.process.kill('SIGTERM');
    const hardStop = setTimeout(() => {
      logger.warn('cluster: workers did not stop in time; killing them');
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, config.SHUTDOWN_TIMEOUT_MS + 5000);
    void Promise.all(exited).then(() => {
      clearTimeout(hardStop);
      process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
