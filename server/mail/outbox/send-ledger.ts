import type Database from 'better-sqlite3';
import type { LedgerCharge, LedgerSubject, SendLedger } from './outbox-port';

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

/** The ledger on SQLite: synchronous statements behind the async interface, run inside the store's transaction. */
export class SqliteSendLedger implements SendLedger {
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

  /** Summed in the index, however many charges. */
  async used(subject: LedgerSubject, now: number): Promise<number> {
    return (this.statements.used.get(subject.kind, subject.dimension, subject.subject, now) as { used: number }).used;
  }

  async live(subject: LedgerSubject, now: number): Promise<LedgerCharge[]> {
    return this.statements.live.all(subject.kind, subject.dimension, subject.subject, now) as LedgerCharge[];
  }

  async record(subject: LedgerSubject, n: number, at: number, expiresAt: number): Promise<number> {
    const inserted = this.statements.record.run(subject.kind, subject.dimension, subject.subject, n, at, expiresAt);
    return Number(inserted.lastInsertRowid);
  }

  async remove(ids: readonly number[]): Promise<void> {
    for (const id of ids) this.statements.remove.run(id);
  }

  async prune(now: number): Promise<number> {
    return this.statements.prune.run(now).changes;
  }
}
