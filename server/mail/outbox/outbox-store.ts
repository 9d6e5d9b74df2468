import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OUTBOX_SCHEMA, type MessageStatus } from './outbox-schema';
import { SendLedger } from './send-ledger';

export interface NewMessage {
  key: string;
  letterSha256: string;
  recipientKind: string;
  messageId: string;
  envelopeFrom: string;
  recipient: string;
  raw: Buffer;
}

/** What asking to send said: a new message, one already on its way or delivered, or a failed one queued again. */
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

const STATE_COLUMNS = `id, idempotency_key AS key, letter_sha256 AS letterSha256, recipient_kind AS recipientKind,
  status, attempts, last_error AS lastError, message_id AS messageId, server_response AS serverResponse, recipient,
  created_at AS createdAt, updated_at AS updatedAt, sent_at AS sentAt`;

export type LeaseOutcome = 'acquired' | 'renewed' | 'held-elsewhere';

/**
 * The durable queue: a SQLite file in WAL mode that several processes may write (web processes queue, one of
 * them drains), each write a short transaction, waiting up to busy_timeout for the file lock.
 */
export class OutboxStore {
  private readonly db: Database.Database;
  /** The send budgets' counts, in the same file (see send-ledger.ts). */
  readonly ledger: SendLedger;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    // Deleted content is overwritten with zeros, and freed pages are given back to the file system (see reclaim).
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.useIncrementalVacuum();
    this.db.pragma('journal_mode = WAL');
    this.db.exec(OUTBOX_SCHEMA);
    this.ledger = new SendLedger(this.db);
    if (file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) fs.chmodSync(file + suffix, 0o600);
  }

  /** A new file gets auto_vacuum = INCREMENTAL before its first table; a file made before that is converted once. */
  private useIncrementalVacuum(): void {
    const INCREMENTAL = 2;
    if (this.db.pragma('auto_vacuum', { simple: true }) === INCREMENTAL) return;
    this.db.pragma('auto_vacuum = INCREMENTAL');
    const tables = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
      n: number;
    };
    if (tables.n === 0) return;
    try {
      this.db.exec('VACUUM');
    } catch {
      // Another process holds the file: the next open converts it.
    }
  }

  /**
   * After messages are sent (their address and content set to NULL, the pages zeroed by secure_delete): free pages
   * are cut from the file and the WAL, which still holds the old page images, is checkpointed and truncated. Never
   * waits for a lock: if another process is writing, the next call does it.
   */
  reclaim(): void {
    this.db.pragma('busy_timeout = 0');
    try {
      this.db.pragma('incremental_vacuum');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // busy: later
    } finally {
      this.db.pragma('busy_timeout = 5000');
    }
  }

  enqueue(message: NewMessage, now: number): { id: number; status: EnqueueStatus } {
    return this.db.transaction(() => this.insertOrRequeue(message, now))();
  }

  /**
   * Queues several messages in one write transaction, once `admit` (given how many of them are new, i.e. not already
   * queued or sent) has said yes; `admit` runs inside that transaction, so what it counts cannot change meanwhile.
   * Messages already queued or sent need no admission.
   */
  enqueueAll<Refusal>(
    messages: readonly NewMessage[],
    now: number,
    admit: (fresh: number) => Refusal | null,
  ): { ok: true; results: { id: number; status: EnqueueStatus }[] } | { ok: false; refusal: Refusal } {
    return this.db
      .transaction(() => {
        const status = this.db.prepare('SELECT status FROM outbox_messages WHERE idempotency_key = ?');
        const fresh = messages.filter((message) => {
          const existing = status.get(message.key) as { status: MessageStatus } | undefined;
          return !existing || existing.status === 'failed';
        }).length;
        const refusal = fresh > 0 ? admit(fresh) : null;
        if (refusal !== null) return { ok: false as const, refusal };
        return { ok: true as const, results: messages.map((message) => this.insertOrRequeue(message, now)) };
      })
      .immediate();
  }

  /** Runs `work` on the ledger inside one write transaction (a budget charge with no message to queue). */
  withLedger<T>(work: (ledger: SendLedger) => T): T {
    return this.db.transaction(() => work(this.ledger)).immediate();
  }

  private insertOrRequeue(message: NewMessage, now: number): { id: number; status: EnqueueStatus } {
    const existing = this.db
      .prepare('SELECT id, status FROM outbox_messages WHERE idempotency_key = ?')
      .get(message.key) as { id: number; status: MessageStatus } | undefined;
    if (!existing) {
      const inserted = this.db
        .prepare(
          `INSERT INTO outbox_messages (idempotency_key, letter_sha256, recipient_kind, status, next_attempt_at,
             message_id, envelope_from, recipient, raw, created_at, updated_at)
           VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          message.key,
          message.letterSha256,
          message.recipientKind,
          now,
          message.messageId,
          message.envelopeFrom,
          message.recipient,
          message.raw,
          now,
          now,
        );
      return { id: Number(inserted.lastInsertRowid), status: 'queued' };
    }
    if (existing.status === 'sent') return { id: existing.id, status: 'already-sent' };
    if (existing.status !== 'failed') return { id: existing.id, status: 'already-queued' };
    this.db
      .prepare(
        `UPDATE outbox_messages SET status = 'queued', attempts = 0, ` +
          `next_attempt_at = ?, envelope_from = ?, recipient = ?, raw = ?, ` +
          `updated_at = ? WHERE id = ?`,
      )
      .run(now, message.envelopeFrom, message.recipient, message.raw, now, existing.id);
    return { id: existing.id, status: 'requeued' };
  }

  /** Marks up to `limit` due messages as being sent and returns them; each claim counts as an attempt. */
  claimDue(now: number, limit: number): DueMessage[] {
    if (limit <= 0) return [];
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT id, idempotency_key AS key, attempts, envelope_from AS envelopeFrom, recipient, raw
           FROM outbox_messages
           WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(now, limit) as DueMessage[];
      const claim = this.db.prepare(
        `UPDATE outbox_messages SET status = 'sending', attempts = attempts + ` + `1, updated_at = ? WHERE id = ?`,
      );
      for (const row of rows) {
        claim.run(now, row.id);
        row.attempts += 1;
      }
      return rows;
    })();
  }

  /** Delivered: the personal data goes, the proof (key, status, times, Message-ID, server answer) stays. */
  markSent(id: number, serverResponse: string, now: number): void {
    this.db
      .prepare(
        `UPDATE outbox_messages SET status = 'sent', server_response = ?, ` +
          `last_error = NULL, recipient = NULL, raw = NULL, sent_at = ?, ` +
          `updated_at = ? WHERE id = ?`,
      )
      .run(serverResponse, now, now, id);
  }

  markRetry(id: number, error: string, nextAttemptAt: number, now: number): void {
    this.db
      .prepare(
        `UPDATE outbox_messages SET status = 'queued', last_error = ?, ` +
          `next_attempt_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(error, nextAttemptAt, now, id);
  }

  markFailed(id: number, error: string, now: number): void {
    this.db
      .prepare(`UPDATE outbox_messages SET status = 'failed', last_error = ?, ` + `updated_at = ? WHERE id = ?`)
      .run(error, now, id);
  }

  /** Messages a stopped drainer left in flight go back to the queue (they may have been accepted: at-least-once). */
  requeueInFlight(now: number): number {
    return this.db
      .prepare(
        `UPDATE outbox_messages SET status = 'queued', next_attempt_at = ?, ` +
          `updated_at = ? WHERE status = 'sending'`,
      )
      .run(now, now).changes;
  }

  /** `reclamo outbox retry`: failed messages start again with a fresh attempt budget. */
  retryFailed(now: number): number {
    return this.db
      .prepare(
        `UPDATE outbox_messages SET status = 'queued', attempts = 0, ` +
          `next_attempt_at = ?, updated_at = ? WHERE status = 'failed'`,
      )
      .run(now, now).changes;
  }

  counts(): Record<MessageStatus, number> {
    const counts: Record<MessageStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of this.db.prepare('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status').all() as {
      status: MessageStatus;
      n: number;
    }[]) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  failures(limit = 1000): MessageState[] {
    return this.db
      .prepare(`SELECT ${STATE_COLUMNS} FROM outbox_messages WHERE status = 'failed' ORDER BY updated_at, id LIMIT ?`)
      .all(limit) as MessageState[];
  }

  byKeys(keys: readonly string[]): Map<string, MessageState> {
    const select = this.db.prepare(`SELECT ${STATE_COLUMNS} FROM outbox_messages WHERE idempotency_key = ?`);
    const found = new Map<string, MessageState>();
    for (const key of keys) {
      const row = select.get(key) as MessageState | undefined;
      if (row) found.set(key, row);
    }
    return found;
  }

  all(): MessageState[] {
    return this.db.prepare(`SELECT ${STATE_COLUMNS} FROM outbox_messages ORDER BY id`).all() as MessageState[];
  }

  /** When the next queued message is due, or null when none is queued. */
  nextDueAt(): number | null {
    const row = this.db
      .prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox_messages WHERE status = ` + `'queued'`)
      .get() as { at: number | null };
    return row.at;
  }

  /**
   * The drainer's lease: only its holder sends, so messages are never sent by two processes at once. A lease is
   * taken over when it expired or when its holder, on this machine, is no longer running.
   */
  takeLease(owner: string, now: number, ttlMs: number, holderGone: (holder: string) => boolean): LeaseOutcome {
    return this.db.transaction((): LeaseOutcome => {
      const lease = this.db.prepare('SELECT owner, expires_at AS expiresAt FROM outbox_lease WHERE id = 1').get() as
        { owner: string; expiresAt: number } | undefined;
      if (lease && lease.owner !== owner && lease.expiresAt > now && !holderGone(lease.owner)) return 'held-elsewhere';
      this.db
        .prepare(
          'INSERT INTO outbox_lease (id, owner, expires_at) VALUES (1, ?, ?) ON ' +
            'CONFLICT (id) DO UPDATE SET owner = excluded.owner, expires_at = ' +
            'excluded.expires_at',
        )
        .run(owner, now + ttlMs);
      return lease?.owner === owner ? 'renewed' : 'acquired';
    })();
  }

  releaseLease(owner: string): void {
    this.db.prepare('DELETE FROM outbox_lease WHERE owner = ?').run(owner);
  }

  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
