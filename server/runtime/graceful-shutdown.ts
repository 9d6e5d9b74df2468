import type { Server } from 'node:http';
import type { Logger } from '../observability/logger';

/** Work that must finish (or be put away) before the process exits: batches in flight, the mail worker… */
export interface ShutdownTask {
  name: string;
  stop: () => Promise<void>;
  /** Run when `stop` did not finish in time: put away what would otherwise be left half done (briefly). */
  abandon?: () => Promise<void>;
}

/**
 * Stops accepting connections, lets requests in flight finish, then stops the registered tasks, all within
 * `timeoutMs`; whatever is still open after that is closed. Resolves when the process may exit.
 */
export async function shutDown(
  server: Server,
  tasks: ShutdownTask[],
  options: { timeoutMs: number; logger: Logger },
): Promise<void> {
  const { logger } = options;
  const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), options.timeoutMs).unref());
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const requests = await Promise.race([closed.then(() => 'done' as const), deadline]);
  if (requests === 'timeout') {
    logger.warn('shutdown: requests still in flight after the timeout; closing their connections');
    server.closeAllConnections();
  }
  for (const task of tasks) {
    const outcome = await Promise.race([
      task.stop().then(
        () => 'done' as const,
        () => 'failed' as const,
      ),
      deadline,
    ]);
    if (outcome === 'done') continue;
    logger.warn({ task: task.name, outcome }, 'shutdown: task did not stop cleanly');
    await task.abandon?.().catch(() => undefined);
  }
}
