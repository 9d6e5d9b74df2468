import type Database from 'better-sqlite3';
import { campaignTables, figuresIndex, memberClaimsTable } from '../sql/campaign-tables';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, one numbered step at a time: a step once released is never edited, a change is a new step. Times are
 * milliseconds since the epoch (UTC); secrets are stored only as hashes.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'operator accounts, sessions, API tokens, audit log, login failures',
    sql: `
      CREATE TABLE operators (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        disabled_at INTEGER
      );
      CREATE TABLE operator_sessions (
        id_hash TEXT PRIMARY KEY,
        operator_id TEXT NOT NULL REFERENCES operators (id),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE INDEX operator_sessions_by_operator ON operator_sessions (operator_id);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        operator_id TEXT NOT NULL REFERENCES operators (id),
        label TEXT,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX api_tokens_by_operator ON api_tokens (operator_id);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        operator_id TEXT REFERENCES operators (id),
        action TEXT NOT NULL,
        batch_id TEXT,
        token_id TEXT
      );
      CREATE INDEX audit_log_by_operator ON audit_log (operator_id, id);
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at INTEGER NOT NULL
      );
      CREATE TABLE instance_secrets (
        name TEXT PRIMARY KEY,
        secret BLOB NOT NULL
      );
    `,
  },
  { version: 2, name: 'campaigns, their member lists, members and their event logs', sql: campaignTables('sqlite') },
  { version: 3, name: "each campaign member's claim, for the follow-up documents", sql: memberClaimsTable() },
  { version: 4, name: "the dashboard's counts by status from an index", sql: figuresIndex() },
];

export class SchemaTooNewError extends Error {}

/**
 * Applies the steps this database has not had yet, each in its own IMMEDIATE transaction (so two processes starting
 * together apply each step once), and refuses a database written by a newer Reclamo. Returns the versions applied.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const latest = Math.max(0, ...migrations.map((migration) => migration.version));
  const current = () =>
    (db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as { version: number | null }).version ??
    0;
  if (current() > latest)
    throw new SchemaTooNewError(
      `the database is at schema version ${current()}, newer than this Reclamo knows (${latest}): upgrade Reclamo`,
    );
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const step = db.transaction(() => {
      if (current() >= migration.version) return false;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
      return true;
    });
    if (step.immediate()) applied.push(migration.version);
  }
  return applied;
}
