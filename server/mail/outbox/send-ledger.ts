import type Database from 'better-sqlite3';

/**
 * What the send budgets count, in the outbox's own database so every web process, the CLI and every route count
 * together. A row says "n messages of this kind were charged to this subject at this time, and stop counting at
 * expires_at"; the subject is a keyed hash (never an address, a network address or a name), and the row is deleted
 * once its window has passed.
 */
export const SEND_LEDGER_SCHEMA = `
CREATE TABLE IF NOT EXISTS send_ledger (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  dimension TEXT NOT NULL,
  subject TEXT NOT NULL,
  n INTEGER NOT NULL,
  at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS send_ledger_count ON send_ledger (kind, dimension, subject, expires_at);
CREATE INDEX IF NOT EXISTS send_ledger_expiry ON send_ledger (expires_at);
`;

export interface LedgerSubject {
  kind: string;
  dimension: string;
  subject: string;
}

export interface LedgerCharge {
  n: number;
  expiresAt: number;
}

export class SendLedger {
  private readonly statements;

  constructor(db: Database.Database) {
    db.exec(SEND_LEDGER_SCHEMA);
    const live = 'FROM send_ledger WHERE kind = ? AND dimension = ? AND subject = ? AND expires_at > ?';
    this.statements = {
      used: db.prepare(`SELECT COALESCE(SUM(n), 0) AS used ${live}`),
      live: db.prepare(`SELECT n, expires_at AS expiresAt ${live} ORDER BY expires_at, id`),
      record: db.prepare(
        'INSERT INTO send_ledger (kind, dimension, subject, n, at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      remove: db.prepare('DELETE FROM send_ledger WHERE id = ?'),
      prune: db.prepare('DELETE FROM send_ledger WHERE expires_at <= ?'),
    };
  }

  /** How much is still counting for a subject at `now` (summed in the index, however many charges). */
  used(subject: LedgerSubject, now: number): number {
    return (this.statements.used.get(subject.kind, subject.dimension, subject.subject, now) as { used: number }).used;
  }

  /** The charges still counting for a subject at `now`, the first to expire first (to say when room frees up). */
  live(subject: LedgerSubject, now: number): LedgerCharge[] {
    return this.statements.live.all(subject.kind, subject.dimension, subject.subject, now) as LedgerCharge[];
  }

  record(subject: LedgerSubject, n: number, at: number, expiresAt: number): number {
    const inserted = this.statements.record.run(subject.kind, subject.dimension, subject.subject, n, at, expiresAt);
    return Number(inserted.lastInsertRowid);
  }

  remove(ids: readonly number[]): void {
    for (const id of ids) this.statements.remove.run(id);
  }

  /** Deletes every charge whose window has passed. */
  prune(now: number): number {
    return this.statements.prune.run(now).changes;
  }
}
