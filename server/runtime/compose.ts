import type { AppConfig } from '../config/app-config';
import type { SendTarget } from '../core/member-list/send-target';
import { batchMailHook, UNNAMED_BATCH_REQUESTER } from '../mail/batch-mail';
import type { Requester } from '../mail/send-budget';
import { mailSettings } from '../mail/mail-settings';
import { openOutbox, type Outbox } from '../mail/outbox/outbox';
import type { Logger } from '../observability/logger';
import { createDefaultFollowupService } from '../use-cases/default-followup-service';
import { createDefaultLetterService } from '../use-cases/default-letter-service';
import type { FollowupService } from '../use-cases/followup-service';
import type { LetterService } from '../use-cases/letter-service';
import type { AppDeps } from '../web/app';
import type { FollowUpDocuments } from '../use-cases/campaigns/follow-ups';
import { campaignFollowUpDocuments } from '../use-cases/campaigns/follow-up-documents';
import type { Readiness } from '../web/health-routes';
import { queuedLetterService } from '../web/queued-letter-service';
import { RenderQueue } from '../web/render-queue';
import { openStorage, type Storage } from '../storage/open-storage';
import { OperatorAuth } from '../use-cases/operators/operator-auth';
import { PostgresOutboxStore } from '../mail/outbox/postgres-outbox-store';
import { describeDatabase } from '../config/database-label';
import { createBatchServices } from './compose-batches';
import { sharedDatabase, type SharedDatabase } from './compose-shared-database';
import { PostgresRateLimitStore } from '../web/http/postgres-rate-limit-store';
import type { RateLimitStores } from '../web/http/rate-limits';
import { composeCampaigns } from './compose-campaigns';
import { CANARY_CLAIM } from './canary-claim';
import type { ShutdownTask } from './graceful-shutdown';

/** The app's dependencies and the tasks that stop them, in the order they must stop. */
export interface Composition {
  deps: AppDeps;
  stopTasks: ShutdownTask[];
  /** Resolves once the data layer is migrated; rejects with the reason it cannot be (start-up then fails). */
  storageReady: Promise<void>;
}

export interface ComposeOptions {
  /** Defaults to the letter service of the ruleset in force, the templates on disk and the embedded fonts. */
  letterService?: LetterService;
  /** Defaults to the follow-up service of the ruleset in force ("Continue your claim"). */
  followupService?: FollowupService;
  /** Defaults to the outbox of the configuration (SQLite + SMTP_URL or .eml files); `null`: no e-mail at all. */
  outbox?: Outbox | null;
  /** Defaults to logging the error (never a request body). */
  reportError?: (error: unknown) => void;
  /** Defaults to the data layer of the configuration (DATABASE_URL, else STORAGE_DATABASE_PATH); given: caller's. */
  storage?: Storage;
  /** The clock of sessions and the audit log (tests move it forward). */
  clock?: () => number;
  /** Defaults to the reminders (sollecito) made by the follow-up service from each member's kept claim. */
  followUps?: FollowUpDocuments | null;
}

const OPERATOR_SWEEP_EVERY_MS = 10 * 60_000;

/** Operator sign-in and sessions on the data layer, with the sweep that deletes expired sessions. */
function composeOperators(
  config: AppConfig,
  storage: Storage,
  options: { clock?: () => number; reportError: (error: unknown) => void },
): { operators: OperatorAuth; stopTask: ShutdownTask } {
  const operators = new OperatorAuth(
    storage.operators,
    { idleMs: config.OPERATOR_SESSION_IDLE_MINUTES * 60_000, maxMs: config.OPERATOR_SESSION_MAX_HOURS * 3_600_000 },
    options.clock,
  );
  const sweep = () => void operators.sweep().catch(options.reportError);
  sweep();
  const sweeper = setInterval(sweep, OPERATOR_SWEEP_EVERY_MS);
  sweeper.unref();
  return { operators, stopTask: { name: 'operators', stop: async () => clearInterval(sweeper) } };
}

/** The rate-limit counters of every family in the shared database, keyed by a secret every machine reads there. */
function sharedRateLimits(database: SharedDatabase, storage: Storage): RateLimitStores {
  const secret = database.ready.then(() => storage.operators.instanceSecret('rate-limit-keys'));
  secret.catch(() => undefined);
  return (family) => new PostgresRateLimitStore(database.db, `${family}:`, secret);
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
  const storage = options.storage ?? openStorage(config);
  // PostgreSQL (DATABASE_URL): the outbox, the batches and the rate limits share the data layer's database.
  const database = sharedDatabase(storage);
  if (database) {
    readiness.checks.push({ name: 'database', check: () => database.ready });
    logger.info(`shared database: ${describeDatabase(config.DATABASE_URL!)} (outbox, batches, rate limits)`);
  }

  let outbox: Outbox | null;
  if (options.outbox !== undefined) outbox = options.outbox;
  else {
    // SQLite: every web process may queue, the one holding the outbox lease drains; PostgreSQL: every process of
    // every machine drains, each message claimed by one (see mail/outbox/outbox-worker.ts).
    const settings = mailSettings(config);
    const store = database ? new PostgresOutboxStore({ db: database.db, ready: database.ready }) : undefined;
    outbox = openOutbox(settings, { drain: true, logger, ...(store ? { store } : {}) });
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

  const campaigns = composeCampaigns(storage, outbox, {
    ruleset: letterService.ruleset,
    clock: options.clock,
    reportError,
  });
  stopTasks.push(campaigns.stopTask);

  // A batch's messages are charged to the operator who submitted it (its id comes with the job), else to one budget
  // shared by every batch without one.
  const batchRequester = (operatorId?: string): Requester =>
    operatorId ? { kind: 'operator', id: operatorId } : UNNAMED_BATCH_REQUESTER;
  // Batch letters render on their own worker threads, not through the render queue of the event loop.
  const { batches, stopTask } = createBatchServices(config, letterService, {
    onError: reportError,
    database,
    campaignHook: (job) => campaigns.rowHook(job, batchRequester(job.operatorId)),
    ...(outbox
      ? {
          mailHook: (target: SendTarget, operatorId?: string) =>
            batchMailHook(outbox, target, { ruleset: letterService.ruleset, requester: batchRequester(operatorId) }),
        }
      : {}),
  });
  stopTasks.push(stopTask);
  if (outbox && options.outbox === undefined) {
    const owned = outbox;
    stopTasks.push({ name: 'outbox', stop: () => owned.close() });
  }

  readiness.checks.push({
    name: 'storage',
    check: async () => {
      await storage.ready;
      await storage.operators.check();
    },
  });
  const { operators, stopTask: operatorsStop } = composeOperators(config, storage, {
    clock: options.clock,
    reportError,
  });
  stopTasks.push(operatorsStop);
  if (!options.storage) stopTasks.push({ name: 'storage', stop: () => storage.close() });

  const renderQueue = new RenderQueue({
    maxWaiting: config.RENDER_QUEUE_LIMIT,
    maxWaitMs: config.RENDER_QUEUE_MAX_WAIT_MS,
  });
  const webLetterService = queuedLetterService(letterService, renderQueue);
  const followups = options.followupService ?? createDefaultFollowupService(config);
  // The follow-up's documents are PDFs too: they wait in the same render queue as the letters.
  const followupService: FollowupService = {
    ...followups,
    followUp: (...args) => renderQueue.run(() => followups.followUp(...args)),
  };
  return {
    deps: {
      config,
      letterService: webLetterService,
      followupService,
      batches,
      outbox,
      operators,
      campaigns: campaigns.campaigns,
      followUps:
        options.followUps !== undefined
          ? options.followUps
          : campaignFollowUpDocuments(storage.campaigns, followupService),
      logger,
      readiness,
      reportError,
      ...(database ? { rateLimitStores: sharedRateLimits(database, storage) } : {}),
    },
    stopTasks,
    storageReady: database?.ready ?? storage.ready,
  };
}

/** Runs the stop tasks in order (tests and the CLI; the web process uses the graceful shutdown). */
export async function stopAll(tasks: readonly ShutdownTask[]): Promise<void> {
  for (const task of tasks) await task.stop();
}
