import { createServer, type Server } from 'node:http';
import type { AppConfig } from '../config/app-config';
import type { Logger } from '../observability/logger';
import { createApp } from '../web/app';
import { composeServer, stopAll } from './compose';
import { shutDown } from './graceful-shutdown';

export interface RunningServer {
  server: Server;
  port: number;
  /** Graceful stop: stop accepting, finish what is in flight (bounded), stop background work. */
  stop: () => Promise<void>;
}

/**
 * Slow clients cannot hold connections open for Node's defaults (60 s for the headers, 300 s per request): headers
 * within HTTP_HEADERS_TIMEOUT_MS, the whole request within HTTP_REQUEST_TIMEOUT_MS, checked every second.
 */
export function httpServerOptions(config: Pick<AppConfig, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS'>) {
  const requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  return {
    requestTimeout,
    headersTimeout: Math.min(config.HTTP_HEADERS_TIMEOUT_MS, requestTimeout),
    connectionsCheckingInterval: Math.min(1000, config.HTTP_HEADERS_TIMEOUT_MS),
  };
}

/** Starts one web process: the composed services, the app, and its graceful shutdown. */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const { deps, stopTasks, storageReady } = composeServer(config, logger);
  try {
    await storageReady;
  } catch (error) {
    await stopAll(stopTasks).catch(() => undefined);
    throw error;
  }
  const { app } = createApp(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = createServer(httpServerOptions(config), app);
    listening.once('error', reject);
    listening.listen(config.PORT, config.HOST, () => resolve(listening));
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
