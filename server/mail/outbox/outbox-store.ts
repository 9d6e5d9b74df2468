import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OUTBOX_SCHEMA, type MessageStatus } from './outbox-schema';
import type {
  Claim,
  DueMessage,
  EnqueueStatus,
  LeaseOutcome,
  MessageState,
  NewMessage,
  OutboxStore,
  SendLedger,
} from './outbox-port';
import { SqliteSendLedger } from './send-ledger';

const STATE_COLUMNS = `id, idempotency_key AS key, letter_sha256 AS letterSha256, recipient_kind AS recipientKind,
  status, attempts, last_error AS lastError, message_id AS messageId, server_response AS serverResponse, recipient,
  created_at AS createdAt, updated_at AS updatedAt, sent_at AS sentAt`;

/**
 * One queue for every SQLite outbox of this process: a transaction awaits its ledger, and a second connection of the
 * same process that asked for the write lock meanwhile would wait for it synchronously, blocking the very event loop
 * that would release it.
 */
let turn: Promise<unknown> = Promise.resolve();

/**
 * The durable queue on one machine: a SQLite file in WAL mode that several processes may write (web processes queue,
 * one of them drains through the lease), each write a short transaction, waiting up to busy_timeout for the file lock.
 * better-sqlite3 is synchronous; behind the async interface every call of this process runs in turn, so a transaction
 * that awaits its ledger is never joined by another call's statements.
 */
export class SqliteOutboxStore implements OutboxStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  /** The send budgets' counts, in the same file (see send-ledger.ts). */
  private readonly ledger: SqliteSendLedger;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    // Deleted content is overwritten with zeros, and freed pages are given back to the file system (see reclaim).
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.useIncrementalVacuum();
    this.db.pragma('journal_mode = WAL');
    this.db.exec(OUTBOX_SCHEMA);
    this.ledger = new SqliteSendLedger(this.db);
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
  reclaim(): Promise<void> {
    return this.inTurn(() => {
      this.db.pragma('busy_timeout = 0');
      try {
        this.db.pragma('incremental_vacuum');
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // busy: later
      } finally {
        this.db.pragma('busy_timeout = 5000');
      }
    });
  }

  /** Runs `work` after every call queued before it in this process, whichever store of this process made it. */
  private inTurn<T>(work: () => T | Promise<T>): Promise<T> {
    const result = turn.then(work);
    turn = result.catch(() => undefined);
    return result;
  }

  /** One IMMEDIATE write transaction around `work`, which may await (no other call of this process runs meanwhile). */
  private transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  enqueue(message: NewMessage, now: number): Promise<{ id: number; status: EnqueueStatus }> {
    return this.transaction(async () => this.insertOrRequeue(message, now));
  }

  enqueueAll<Refusal>(
    messages: readonly NewMessage[],
    now: number,
    admit: (fresh: number, ledger: SendLedger) => Promise<Refusal | null>,
  ): Promise<{ ok: true; results: { id: number; status: EnqueueStatus }[] } | { ok: false; refusal: Refusal }> {
    return this.transaction(async () => {
      const status = this.db.prepare('SELECT status FROM outbox_messages WHERE idempotency_key = ?');
      const fresh = messages.filter((message) => {
        const existing = status.get(message.key) as { status: MessageStatus } | undefined;
        return !existing || existing.status === 'failed';
      }).length;
      const refusal = fresh > 0 ? await admit(fresh, this.ledger) : null;
      if (refusal !== null) return { ok: false as const, refusal };
      return { ok: true as const, results: messages.map((message) => this.insertOrRequeue(message, now)) };
    });
  }

  withLedger<T>(work: (ledger: SendLedger) => Promise<T>): Promise<T> {
    return this.transaction(() => work(this.ledger));
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

  /** Only the lease holder claims, so the claim's owner and time need no column here. */
  claimDue(now: number, limit: number, _claim: Claim): Promise<DueMessage[]> {
    if (limit <= 0) return Promise.resolve([]);
    return this.transaction(async () => {
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
    });
  }

  /** The lease covers every message in flight. */
  async renewClaims(_claim: Claim): Promise<void> {}

  markSent(id: number, serverResponse: string, now: number): Promise<void> {
    return this.run(
      `UPDATE outbox_messages SET status = 'sent', server_response = ?, ` +
        `last_error = NULL, recipient = NULL, raw = NULL, sent_at = ?, ` +
        `updated_at = ? WHERE id = ?`,
      serverResponse,
      now,
      now,
      id,
    ).then(() => undefined);
  }

  markRetry(id: number, error: string, nextAttemptAt: number, now: number): Promise<void> {
    return this.run(
      `UPDATE outbox_messages SET status = 'queued', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?`,
      error,
      nextAttemptAt,
      now,
      id,
    ).then(() => undefined);
  }

  markFailed(id: number, error: string, now: number): Promise<void> {
    return this.run(
      `UPDATE outbox_messages SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?`,
      error,
      now,
      id,
    ).then(() => undefined);
  }

  requeueInFlight(now: number): Promise<number> {
    return this.run(
      `UPDATE outbox_messages SET status = 'queued', next_attempt_at = ?, updated_at = ? WHERE status = 'sending'`,
      now,
      now,
    );
  }

  retryFailed(now: number): Promise<number> {
    return this.run(
      `UPDATE outbox_messages SET status = 'queued', attempts = 0, ` +
        `next_attempt_at = ?, updated_at = ? WHERE status = 'failed'`,
      now,
      now,
    );
  }

  private run(sql: string, ...params: unknown[]): Promise<number> {
    return this.inTurn(() => this.db.prepare(sql).run(...params).changes);
  }

  counts(): Promise<Record<MessageStatus, number>> {
    return this.inTurn(() => {
      const counts: Record<MessageStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
      const rows = this.db.prepare('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status').all() as {
        status: MessageStatus;
        n: number;
      }[];
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    });
  }

  failures(limit = 1000): Promise<MessageState[]> {
    return this.inTurn(
      () =>
        this.db
          .prepare(
            `SELECT ${STATE_COLUMNS} FROM outbox_messages WHERE status = 'failed' ORDER BY updated_at, id LIMIT ?`,
          )
          .all(limit) as MessageState[],
    );
  }

  byKeys(keys: readonly string[]): Promise<Map<string, MessageState>> {
    return this.inTurn(() => {
      const select = this.db.prepare(`SELECT ${STATE_COLUMNS} FROM outbox_messages WHERE idempotency_key = ?`);
      const found = new Map<string, MessageState>();
      for (const key of keys) {
        const row = select.get(key) as MessageState | undefined;
        if (row) found.set(key, row);
      }
      return found;
    });
  }

  all(): Promise<MessageState[]> {
    return this.inTurn(
      () => this.db.prepare(`SELECT ${STATE_COLUMNS} FROM outbox_messages ORDER BY id`).all() as MessageState[],
    );
  }

  nextDueAt(): Promise<number | null> {
    return this.inTurn(
      () =>
        (
          this.db.prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox_messages WHERE status = 'queued'`).get() as {
            at: number | null;
          }
        ).at,
    );
  }

  takeLease(owner: string, now: number, ttlMs: number, holderGone: (holder: string) => boolean): Promise<LeaseOutcome> {
    return this.transaction(async (): Promise<LeaseOutcome> => {
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
    });
  }

  releaseLease(owner: string): Promise<void> {
    return this.run('DELETE FROM outbox_lease WHERE owner = ?', owner).then(() => undefined);
  }

  ping(): Promise<void> {
    return this.inTurn(() => void this.db.prepare('SELECT 1').get());
  }

  close(): Promise<void> {
    return this.inTurn(() => {
      if (this.db.open) this.db.close();
    });
  }
}
