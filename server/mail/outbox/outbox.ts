import { createMailTransport } from '../mail-transport';
import type { MailSettings } from '../mail-settings';
import type { Logger } from '../../observability/logger';
import { SendBudget, type BudgetClaim, type BudgetRefusal } from '../send-budget';
import type { EnqueueStatus, NewMessage, OutboxStore } from './outbox-port';
import { SqliteOutboxStore } from './outbox-store';
import { OutboxWorker } from './outbox-worker';

export type EnqueueAllOutcome = { ok: true; statuses: EnqueueStatus[] } | { ok: false; refusal: BudgetRefusal };

/** A charge that can be taken back (a confirmation attempt that turned out to be right). */
export type AttemptOutcome = { ok: true; release: () => Promise<void> } | { ok: false; refusal: BudgetRefusal };

const PRUNE_EVERY_MS = 60_000;

/** The durable outbox of one process: queue messages within the send budgets, and (when this process drains) send. */
export interface Outbox {
  readonly settings: MailSettings;
  readonly store: OutboxStore;
  /**
   * Queues the messages of one request together, or none of them: each new one is charged to `claim` on every
   * budget that applies (the only way into the queue, whichever route asks).
   */
  enqueueAll(messages: readonly NewMessage[], claim: BudgetClaim): Promise<EnqueueAllOutcome>;
  /** Charges one unit to `claim` with no message (a confirmation code being checked); refused over budget. */
  attempt(claim: BudgetClaim): Promise<AttemptOutcome>;
  /** Whether this process holds the lease and so does the sending. */
  isDrainer(): boolean;
  /** For /readyz: the queue's database answers. */
  check(): Promise<void>;
  /** For the graceful shutdown: stop sending, wait for messages in flight, close the file. */
  close(): Promise<void>;
}

export function openOutbox(
  settings: MailSettings,
  options: {
    drain: boolean;
    logger?: Logger;
    leaseMs?: number;
    now?: () => number;
    /** Defaults to the SQLite file of the settings; a given store (PostgreSQL) is closed with the outbox. */
    store?: OutboxStore;
  },
): Outbox {
  const now = options.now ?? Date.now;
  if (settings.databaseUrl && !options.store)
    throw new Error('DATABASE_URL is set: the caller opens the PostgreSQL outbox store (see cli/open-cli-outbox.ts)');
  const store = options.store ?? new SqliteOutboxStore(settings.databasePath);
  const budget = new SendBudget(settings.confirmation.secret, settings.budgets);
  const transport = options.drain ? createMailTransport(settings) : null;
  const worker = transport
    ? new OutboxWorker(store, transport, {
        poolSize: settings.poolSize,
        ratePerSecond: settings.ratePerSecond,
        maxAttempts: settings.maxAttempts,
        retryBaseMs: settings.retryBaseMs,
        retryMaxMs: settings.retryMaxMs,
        pollMs: settings.pollMs,
        leaseMs: options.leaseMs,
        logger: options.logger,
      })
    : null;
  worker?.start();
  // Budget counts are deleted once their window has passed, also while nothing is being sent.
  const prune = () =>
    void store
      .withLedger((ledger) => ledger.prune(now()))
      .catch((error: unknown) =>
        options.logger?.error({ err: error }, 'outbox: could not prune the send budgets; trying again'),
      );
  prune();
  const pruner = setInterval(prune, PRUNE_EVERY_MS);
  pruner.unref();
  let closing: Promise<void> | undefined;
  return {
    settings,
    store,
    async enqueueAll(messages, claim) {
      const at = now();
      const outcome = await store.enqueueAll(messages, at, async (fresh, ledger) => {
        const charged = await budget.charge(ledger, claim, fresh, at);
        return charged.ok ? null : charged.refusal;
      });
      if (!outcome.ok) return outcome;
      worker?.notify();
      return { ok: true, statuses: outcome.results.map((result) => result.status) };
    },
    async attempt(claim) {
      const charged = await store.withLedger((ledger) => budget.charge(ledger, claim, 1, now()));
      if (!charged.ok) return charged;
      return { ok: true, release: () => store.withLedger((ledger) => ledger.remove(charged.ids)) };
    },
    // On PostgreSQL every draining process drains (each message claimed by one); on SQLite the lease holder only.
    isDrainer: () => (worker ? store.kind === 'postgres' || worker.isDrainer() : false),
    check: () => store.ping(),
    close() {
      closing ??= (async () => {
        clearInterval(pruner);
        await worker?.close();
        transport?.close();
        await store.close();
      })();
      return closing;
    },
  };
}
