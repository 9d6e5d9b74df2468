import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { mailSettings } from '../mail/mail-settings';
import type { Logger } from '../observability/logger';
import { openOutbox } from '../outbox/outbox';
import type { BatchesApiDeps } from '../web/api/batches-api';
import { CANARY_CLAIM } from '../services/canary-claim';
import { createDefaultLetterService } from '../services/default-letter-service';
import type { LetterService } from '../services/letter-service';
import { createApp } from '../web/app';
import type { Readiness } from '../web/health-routes';
import { shutDown, type ShutdownTask } from './graceful-shutdown';

export interface RunningServer {
  server: Server;
  port: number;
  /** Graceful stop: stop accepting, finish what is in flight (bounded), stop background work. */
  stop: () => Promise<void>;
}

async function renderCanary(service: LetterService): Promise<void> {
  const outcome = await service.letter(CANARY_CLAIM, 'it');
  if (!outcome.ok || !outcome.eligible || outcome.pdf.length === 0)
    throw new Error('the start-up letter did not render');
}

/** Starts one web process: the app, its readiness checks and its graceful shutdown. */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const letterService = createDefaultLetterService(config);
  const canary = renderCanary(letterService);
  canary.catch((error: unknown) => logger.error({ err: error }, 'start-up letter failed: not ready'));
  const readiness: Readiness = {
    draining: false,
    checks: [{ name: 'templates-fonts-pdf', check: () => canary }],
  };
  // Every web process may queue; the one holding the outbox lease drains (see outbox-worker.ts).
  const settings = mailSettings(config);
  const outbox = openOutbox(settings, { drain: true, logger });
  readiness.checks.push({ name: 'outbox', check: () => outbox.check() });
  logger.info(
    settings.mode === 'smtp'
      ? 'mail: sending through SMTP_URL'
      : `mail: no SMTP_URL, messages are written as .eml files to ${settings.outboxDir} (see /outbox)`,
  );
  const app = createApp({ config, letterService, logger, readiness, outbox });
  // Batches first: their rows may still queue mail; then the outbox closes.
  const batches = app.locals.batches as BatchesApiDeps;
  const tasks: ShutdownTask[] = [
    { name: 'batches', stop: () => batches.runner.stop() },
    { name: 'outbox', stop: () => outbox.close() },
  ];
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.PORT, config.HOST, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      readiness.draining = true;
      logger.info('shutting down: no new connections, finishing requests in flight');
      await shutDown(server, tasks, { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
      logger.info('stopped');
    })();
    return stopping;
  };
  return { server, port, stop };
}
