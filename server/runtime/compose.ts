import type { AppConfig } from '../config/app-config';
import type { SendTarget } from '../core/member-list/send-target';
import { batchMailHook } from '../mail/batch-mail';
import { mailSettings } from '../mail/mail-settings';
import { openOutbox, type Outbox } from '../mail/outbox/outbox';
import type { Logger } from '../observability/logger';
import { createDefaultLetterService } from '../use-cases/default-letter-service';
import type { LetterService } from '../use-cases/letter-service';
import type { AppDeps } from '../web/app';
import type { Readiness } from '../web/health-routes';
import { queuedLetterService } from '../web/queued-letter-service';
import { RenderQueue } from '../web/render-queue';
import { createBatchServices } from './compose-batches';
import { CANARY_CLAIM } from './canary-claim';
import type { ShutdownTask } from './graceful-shutdown';

/** The app's dependencies and the tasks that stop them, in the order they must stop. */
export interface Composition {
  deps: AppDeps;
  stopTasks: ShutdownTask[];
}

export interface ComposeOptions {
  /** Defaults to the letter service of the ruleset in force, the templates on disk and the embedded fonts. */
  letterService?: LetterService;
  /** Defaults to the outbox of the configuration (SQLite + SMTP_URL or .eml files); `null`: no e-mail at all. */
  outbox?: Outbox | null;
  /** Defaults to logging the error (never a request body). */
  reportError?: (error: unknown) => void;
}

async function renderCanary(service: LetterService): Promise<void> {
  const outcome = await service.letter(CANARY_CLAIM, 'it');
  if (!outcome.ok || !outcome.eligible || outcome.pdf.length === 0)
    throw new Error('the start-up letter did not render');
}

/**
 * The one composition root of a web process: the letter service, the outbox, the render queue, the batch store,
 * runner and sweeper, the batch mail hook and the readiness checks. Batches stop first (their rows may still queue
 * mail), then the outbox closes.
 */
export function composeServer(config: AppConfig, logger: Logger, options: ComposeOptions = {}): Composition {
  const reportError = options.reportError ?? ((error: unknown) => logger.error({ err: error }, 'internal error'));
  const letterService = options.letterService ?? createDefaultLetterService(config);
  const canary = renderCanary(letterService);
  canary.catch((error: unknown) => logger.error({ err: error }, 'start-up letter failed: not ready'));
  const readiness: Readiness = { draining: false, checks: [{ name: 'templates-fonts-pdf', check: () => canary }] };
  const stopTasks: ShutdownTask[] = [];

  let outbox: Outbox | null;
  if (options.outbox !== undefined) outbox = options.outbox;
  else {
    // Every web process may queue; the one holding the outbox lease drains (see mail/outbox/outbox-worker.ts).
    const settings = mailSettings(config);
    outbox = openOutbox(settings, { drain: true, logger });
    logger.info(
      settings.mode === 'smtp'
        ? 'mail: sending through SMTP_URL'
        : `mail: no SMTP_URL, messages are written as .eml files to ${settings.outboxDir} (see /outbox)`,
    );
  }
  if (outbox) {
    const opened = outbox;
    readiness.checks.push({ name: 'outbox', check: () => opened.check() });
  }

  // Batch letters render on their own worker threads, not through the render queue of the event loop.
  const { batches, stopTask } = createBatchServices(config, letterService, {
    onError: reportError,
    ...(outbox ? { mailHook: (target: SendTarget) => batchMailHook(outbox, target, letterService.ruleset) } : {}),
  });
  stopTasks.push(stopTask);
  if (outbox && options.outbox === undefined) {
    const owned = outbox;
    stopTasks.push({ name: 'outbox', stop: () => owned.close() });
  }

  const webLetterService = queuedLetterService(letterService, new RenderQueue(config.RENDER_QUEUE_LIMIT));
  return {
    deps: { config, letterService: webLetterService, batches, outbox, logger, readiness, reportError },
    stopTasks,
  };
}

/** Runs the stop tasks in order (tests and the CLI; the web process uses the graceful shutdown). */
export async function stopAll(tasks: readonly ShutdownTask[]): Promise<void> {
  for (const task of tasks) await task.stop();
}
