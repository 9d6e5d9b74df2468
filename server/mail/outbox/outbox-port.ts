import type { MessageStatus } from './outbox-schema';

export interface NewMessage {
  key: string;
  letterSha256: string;
  recipientKind: string;
  messageId: string;
  envelopeFrom: string;
  recipient: string;
  raw: Buffer;
}

/** What asking to queue a message did: a new message, or the one already there for the same letter and recipient. */
export const ENQUEUE_STATUSES = ['queued', 'already-queued', 'already-sent', 'requeued'] as const;
export type EnqueueStatus = (typeof ENQUEUE_STATUSES)[number];

export interface DueMessage {
  id: number;
  key: string;
  attempts: number;
  envelopeFrom: string;
  recipient: string;
  raw: Buffer;
}

export interface MessageState {
  id: number;
  key: string;
  letterSha256: string;
  recipientKind: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  messageId: string;
  serverResponse: string | null;
  recipient: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

/**
 * What taking the drainer lease said: this process alone drains (`acquired` now, `renewed` again), another does
 * (`held-elsewhere`), or every process drains together, each message claimed by one of them (`shared`: PostgreSQL).
 */
export type LeaseOutcome = 'acquired' | 'renewed' | 'held-elsewhere' | 'shared';

export interface LedgerSubject {
  kind: string;
  dimension: string;
  subject: string;
}

export interface LedgerCharge {
  n: number;
  expiresAt: number;
}

/**
 * What the send budgets count (see send-ledger.ts), inside one write transaction of the outbox's database: a row says
 * "n messages of this kind were charged to this subject at this time, and stop counting at expiresAt".
 */
export interface SendLedger {
  /** How much is still counting for a subject at `now`. */
  used(subject: LedgerSubject, now: number): Promise<number>;
  /** The charges still counting for a subject at `now`, the first to expire first (to say when room frees up). */
  live(subject: LedgerSubject, now: number): Promise<LedgerCharge[]>;
  record(subject: LedgerSubject, n: number, at: number, expiresAt: number): Promise<number>;
  remove(ids: readonly number[]): Promise<void>;
  /** Deletes every charge whose window has passed. */
  prune(now: number): Promise<number>;
}

/** Who holds a message being sent, and until when its claim stands without being renewed. */
export interface Claim {
  owner: string;
  until: number;
}

/**
 * The durable queue of messages, whichever database holds it (SQLite on one machine, PostgreSQL shared by several).
 * Every write that charges the send budgets runs in one transaction with the queueing, so parallel requests, processes
 * and machines cannot overspend.
 */
export interface OutboxStore {
  /** Which database: said in the logs and by the benchmarks. */
  readonly kind: 'sqlite' | 'postgres';
  enqueue(message: NewMessage, now: number): Promise<{ id: number; status: EnqueueStatus }>;
  /**
   * Queues several messages in one write transaction, once `admit` (given how many of them are new, i.e. not already
   * queued or sent, and the ledger of that transaction) has said yes. Messages already queued or sent need no
   * admission.
   */
  enqueueAll<Refusal>(
    messages: readonly NewMessage[],
    now: number,
    admit: (fresh: number, ledger: SendLedger) => Promise<Refusal | null>,
  ): Promise<{ ok: true; results: { id: number; status: EnqueueStatus }[] } | { ok: false; refusal: Refusal }>;
  /** Runs `work` on the ledger inside one write transaction (a budget charge with no message to queue). */
  withLedger<T>(work: (ledger: SendLedger) => Promise<T>): Promise<T>;
  /** Marks up to `limit` due messages as being sent by `claim.owner` and returns them; each claim is an attempt. */
  claimDue(now: number, limit: number, claim: Claim): Promise<DueMessage[]>;
  /** Extends the claims of the messages `owner` is still sending (a process that dies stops renewing them). */
  renewClaims(claim: Claim): Promise<void>;
  /** Delivered: the personal data goes, the proof (key, status, times, Message-ID, server answer) stays. */
  markSent(id: number, serverResponse: string, now: number): Promise<void>;
  markRetry(id: number, error: string, nextAttemptAt: number, now: number): Promise<void>;
  markFailed(id: number, error: string, now: number): Promise<void>;
  /**
   * Messages a stopped drainer left in flight go back to the queue (they may have been accepted: at-least-once): on
   * SQLite all of them (the new lease holder is the only drainer), on PostgreSQL those whose claim has run out.
   */
  requeueInFlight(now: number): Promise<number>;
  /** `reclamo outbox retry`: failed messages start again with a fresh attempt budget. */
  retryFailed(now: number): Promise<number>;
  counts(): Promise<Record<MessageStatus, number>>;
  failures(limit?: number): Promise<MessageState[]>;
  byKeys(keys: readonly string[]): Promise<Map<string, MessageState>>;
  all(): Promise<MessageState[]>;
  /** When the next queued message is due, or null when none is queued. */
  nextDueAt(): Promise<number | null>;
  /**
   * The drainer's lease. On SQLite only its holder sends (taken over when it expired or when its holder, on this
   * machine, is no longer running); on PostgreSQL every process drains ('shared'), claiming messages one by one.
   */
  takeLease(owner: string, now: number, ttlMs: number, holderGone: (holder: string) => boolean): Promise<LeaseOutcome>;
  releaseLease(owner: string): Promise<void>;
  /** After sends: gives back the space of sent messages (SQLite: incremental vacuum and WAL truncation). */
  reclaim(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
