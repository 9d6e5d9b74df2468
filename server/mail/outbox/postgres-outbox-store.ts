import type { QueryResultRow } from 'pg';
import type { MessageStatus } from './outbox-schema';
import type {
  Claim,
  DueMessage,
  EnqueueStatus,
  LeaseOutcome,
  LedgerCharge,
  LedgerSubject,
  MessageState,
  NewMessage,
  OutboxStore,
  SendLedger,
} from './outbox-port';

/**
 * The outbox on PostgreSQL, shared by every machine: the same columns as on SQLite, plus who claimed a message being
 * sent and until when. `recipient` and `raw` are set to NULL once sent; the table is vacuumed often, so the old row
 * versions that still hold them are reclaimed soon (their bytes stay in free space until overwritten: see README).
 */
export const OUTBOX_POSTGRES_MIGRATIONS = [
  {
    version: 1,
    name: 'outbox messages with per-message claims, send ledger',
    sql: `
        CREATE TABLE outbox_messages (
          id BIGSERIAL PRIMARY KEY,
          idempotency_key TEXT NOT NULL UNIQUE,
          letter_sha256 TEXT NOT NULL,
          recipient_kind TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at BIGINT NOT NULL,
          last_error TEXT,
          message_id TEXT NOT NULL,
          server_response TEXT,
          envelope_from TEXT NOT NULL,
          recipient TEXT,
          raw BYTEA,
          claimed_by TEXT,
          claimed_until BIGINT,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          sent_at BIGINT
        ) WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 50);
        ALTER TABLE outbox_messages ALTER COLUMN raw SET STORAGE EXTERNAL;
        CREATE INDEX outbox_due ON outbox_messages (status, next_attempt_at);
        CREATE INDEX outbox_claims ON outbox_messages (claimed_by) WHERE status = 'sending';
        CREATE TABLE send_ledger (
          id BIGSERIAL PRIMARY KEY,
          kind TEXT NOT NULL,
          dimension TEXT NOT NULL,
          subject TEXT NOT NULL,
          n INTEGER NOT NULL,
          at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL
        );
        CREATE INDEX send_ledger_count ON send_ledger (kind, dimension, subject, expires_at);
        CREATE INDEX send_ledger_expiry ON send_ledger (expires_at);
      `,
  },
] as const;

/** What the outbox needs of a PostgreSQL connection (server/storage/postgres/open-postgres.ts gives it). */
export interface PostgresQueries {
  query<Row extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** The shared database: queries on the pool, or several in one transaction on one connection. */
export interface PostgresConnection extends PostgresQueries {
  transaction<T>(work: (client: PostgresQueries) => Promise<T>): Promise<T>;
}

/** Every write that queues or charges a budget takes this lock first: budgets are checked and charged one at a time. */
const LEDGER_LOCK = 72_656_364;

const STATE_COLUMNS = `id, idempotency_key AS key, letter_sha256 AS "letterSha256", recipient_kind AS "recipientKind",
  status, attempts, last_error AS "lastError", message_id AS "messageId", server_response AS "serverResponse",
  recipient, created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt"`;

class PostgresSendLedger implements SendLedger {
  constructor(private readonly db: PostgresQueries) {}

  async used(subject: LedgerSubject, now: number): Promise<number> {
    const rows = await this.db.query<{ used: number }>(
      `SELECT COALESCE(SUM(n), 0)::int AS used FROM send_ledger
       WHERE kind = $1 AND dimension = $2 AND subject = $3 AND expires_at > $4`,
      [subject.kind, subject.dimension, subject.subject, now],
    );
    return rows[0]!.used;
  }

  async live(subject: LedgerSubject, now: number): Promise<LedgerCharge[]> {
    return this.db.query<LedgerCharge>(
      `SELECT n, expires_at AS "expiresAt" FROM send_ledger
       WHERE kind = $1 AND dimension = $2 AND subject = $3 AND expires_at > $4 ORDER BY expires_at, id`,
      [subject.kind, subject.dimension, subject.subject, now],
    );
  }

  async record(subject: LedgerSubject, n: number, at: number, expiresAt: number): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      `INSERT INTO send_ledger (kind, dimension, subject, n, at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [subject.kind, subject.dimension, subject.subject, n, at, expiresAt],
    );
    return rows[0]!.id;
  }

  async remove(ids: readonly number[]): Promise<void> {
    await this.db.query('DELETE FROM send_ledger WHERE id = ANY($1::bigint[])', [ids]);
  }

  async prune(now: number): Promise<number> {
    return this.db.run('DELETE FROM send_ledger WHERE expires_at <= $1', [now]);
  }
}

/**
 * The outbox on PostgreSQL: every process of every machine queues and drains. A message is claimed by one process
 * with `FOR UPDATE SKIP LOCKED` (two drainers never take the same row) and its claim runs out unless renewed, so the
 * messages of a machine that died are queued again by the others once their claim has passed. The pool belongs to
 * the caller: closing the store leaves it open.
 */
export class PostgresOutboxStore implements OutboxStore {
  readonly kind = 'postgres';
  private readonly connection: PostgresConnection;
  private readonly ready: Promise<unknown>;
  private readonly onClose: () => Promise<void>;

  /** Usable once `ready` (the schema is there) has resolved; `onClose` closes what the store was given to own. */
  constructor(source: { db: PostgresConnection; ready: Promise<unknown>; onClose?: () => Promise<void> }) {
    this.connection = source.db;
    this.ready = source.ready;
    this.onClose = source.onClose ?? (async () => {});
    // Awaited by every call (which then rejects with it); not an unhandled rejection before the first call.
    this.ready.catch(() => undefined);
  }

  /** The connection, once the schema is there. */
  private async db(): Promise<PostgresConnection> {
    await this.ready;
    return this.connection;
  }

  private async query<Row extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.db()).query<Row>(sql, params);
  }

  private async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.db()).run(sql, params);
  }

  private async inLedgerTransaction<T>(work: (client: PostgresQueries) => Promise<T>): Promise<T> {
    return (await this.db()).transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
      return work(client);
    });
  }

  enqueue(message: NewMessage, now: number): Promise<{ id: number; status: EnqueueStatus }> {
    return this.inLedgerTransaction((client) => insertOrRequeue(client, message, now));
  }

  enqueueAll<Refusal>(
    messages: readonly NewMessage[],
    now: number,
    admit: (fresh: number, ledger: SendLedger) => Promise<Refusal | null>,
  ): Promise<{ ok: true; results: { id: number; status: EnqueueStatus }[] } | { ok: false; refusal: Refusal }> {
    return this.inLedgerTransaction(async (client) => {
      const rows = await client.query<{ key: string; status: MessageStatus }>(
        'SELECT idempotency_key AS key, status FROM outbox_messages WHERE idempotency_key = ANY($1::text[])',
        [messages.map((message) => message.key)],
      );
      const known = new Map(rows.map((row) => [row.key, row.status]));
      const fresh = messages.filter((message) => (known.get(message.key) ?? 'failed') === 'failed').length;
      const refusal = fresh > 0 ? await admit(fresh, new PostgresSendLedger(client)) : null;
      if (refusal !== null) return { ok: false as const, refusal };
      const results: { id: number; status: EnqueueStatus }[] = [];
      for (const message of messages) results.push(await insertOrRequeue(client, message, now));
      return { ok: true as const, results };
    });
  }

  withLedger<T>(work: (ledger: SendLedger) => Promise<T>): Promise<T> {
    return this.inLedgerTransaction((client) => work(new PostgresSendLedger(client)));
  }

  async claimDue(now: number, limit: number, claim: Claim): Promise<DueMessage[]> {
    if (limit <= 0) return [];
    const rows = await this.query<DueMessage>(
      `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, claimed_by = $3, claimed_until = $4,
         updated_at = $1
       WHERE id IN (
         SELECT id FROM outbox_messages WHERE status = 'queued' AND next_attempt_at <= $1
         ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, idempotency_key AS key, attempts, envelope_from AS "envelopeFrom", recipient, raw`,
      [now, limit, claim.owner, claim.until],
    );
    return rows.sort((a, b) => a.id - b.id);
  }

  async renewClaims(claim: Claim): Promise<void> {
    await this.run(`UPDATE outbox_messages SET claimed_until = $2 WHERE status = 'sending' AND claimed_by = $1`, [
      claim.owner,
      claim.until,
    ]);
  }

  async markSent(id: number, serverResponse: string, now: number): Promise<void> {
    await this.run(
      `UPDATE outbox_messages SET status = 'sent', server_response = $2, last_error = NULL, recipient = NULL,
         raw = NULL, claimed_until = NULL, sent_at = $3, updated_at = $3 WHERE id = $1`,
      [id, serverResponse, now],
    );
  }

  async markRetry(id: number, error: string, nextAttemptAt: number, now: number): Promise<void> {
    await this.run(
      `UPDATE outbox_messages SET status = 'queued', last_error = $2, next_attempt_at = $3, claimed_by = NULL,
         claimed_until = NULL, updated_at = $4 WHERE id = $1`,
      [id, error, nextAttemptAt, now],
    );
  }

  async markFailed(id: number, error: string, now: number): Promise<void> {
    await this.run(
      `UPDATE outbox_messages SET status = 'failed', last_error = $2, claimed_by = NULL, claimed_until = NULL,
         updated_at = $3 WHERE id = $1`,
      [id, error, now],
    );
  }

  async requeueInFlight(now: number): Promise<number> {
    return this.run(
      `UPDATE outbox_messages SET status = 'queued', next_attempt_at = $1, claimed_by = NULL, claimed_until = NULL,
         updated_at = $1 WHERE status = 'sending' AND (claimed_until IS NULL OR claimed_until < $1)`,
      [now],
    );
  }

  async retryFailed(now: number): Promise<number> {
    return this.run(
      `UPDATE outbox_messages SET status = 'queued', attempts = 0, next_attempt_at = $1, updated_at = $1
       WHERE status = 'failed'`,
      [now],
    );
  }

  async counts(): Promise<Record<MessageStatus, number>> {
    const counts: Record<MessageStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
    const rows = await this.query<{ status: MessageStatus; n: number }>(
      'SELECT status, COUNT(*)::int AS n FROM outbox_messages GROUP BY status',
    );
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async failures(limit = 1000): Promise<MessageState[]> {
    const rows = await this.query<MessageState>(
      `SELECT ${STATE_COLUMNS} FROM outbox_messages WHERE status = 'failed' ORDER BY updated_at, id LIMIT $1`,
      [limit],
    );
    return rows;
  }

  async byKeys(keys: readonly string[]): Promise<Map<string, MessageState>> {
    const rows = await this.query<MessageState>(
      `SELECT ${STATE_COLUMNS} FROM outbox_messages WHERE idempotency_key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row]));
  }

  async all(): Promise<MessageState[]> {
    return this.query<MessageState>(`SELECT ${STATE_COLUMNS} FROM outbox_messages ORDER BY id`);
  }

  async nextDueAt(): Promise<number | null> {
    const rows = await this.query<{ at: number | null }>(
      `SELECT MIN(next_attempt_at) AS at FROM outbox_messages WHERE status = 'queued'`,
    );
    return rows[0]?.at ?? null;
  }

  /** No single drainer here: every process drains, each message claimed by one (see claimDue). */
  async takeLease(): Promise<LeaseOutcome> {
    return 'shared';
  }

  async releaseLease(): Promise<void> {}

  /** Autovacuum reclaims the old row versions (the table asks for it after 1 % of its rows changed). */
  async reclaim(): Promise<void> {}

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

async function insertOrRequeue(
  client: PostgresQueries,
  message: NewMessage,
  now: number,
): Promise<{ id: number; status: EnqueueStatus }> {
  const rows = await client.query<{ id: number; status: MessageStatus }>(
    'SELECT id, status FROM outbox_messages WHERE idempotency_key = $1',
    [message.key],
  );
  const existing = rows[0];
  if (!existing) {
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO outbox_messages (idempotency_key, letter_sha256, recipient_kind, status, next_attempt_at,
         message_id, envelope_from, recipient, raw, created_at, updated_at)
       VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $8, $4, $4) RETURNING id`,
      [
        message.key,
        message.letterSha256,
        message.recipientKind,
        now,
        message.messageId,
        message.envelopeFrom,
        message.recipient,
        message.raw,
      ],
    );
    return { id: inserted[0]!.id, status: 'queued' };
  }
  if (existing.status === 'sent') return { id: existing.id, status: 'already-sent' };
  if (existing.status !== 'failed') return { id: existing.id, status: 'already-queued' };
  await client.query(
    `UPDATE outbox_messages SET status = 'queued', attempts = 0, next_attempt_at = $2, envelope_from = $3,
       recipient = $4, raw = $5, updated_at = $2 WHERE id = $1`,
    [existing.id, now, message.envelopeFrom, message.recipient, message.raw],
  );
  return { id: existing.id, status: 'requeued' };
}
