import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config';
import type { Logger } from '../observability/logger';
import { createApp } from '../web/app';
import { composeServer } from './compose';
import { shutDown } from './graceful-shutdown';

export interface RunningServer {
  server: Server;
  port: number;
  /** Graceful stop: stop accepting, finish what is in flight (bounded), stop background work. */
  stop: () => Promise<void>;
}

/** Starts one web process: the composed services, the app, and its graceful shutdown. */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const { deps, stopTasks } = composeServer(config, logger);
  const { app } = createApp(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.PORT, config.HOST, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  if (!(await deps.operators.anyOperator()))
    logger.info('no operator yet: batches need one, made with `npx reclamo operator add <email>` (see README)');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      deps.readiness.draining = true;
      logger.info('shutting down: no new connections, finishing requests in flight');
      await shutDown(server, stopTasks, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
      logger.info('stopped');
    })();
    return stopping;
  };
  return { server, port, stop };
}
