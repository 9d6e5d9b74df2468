import type { PostgresMigration } from './pg-migrations';

/** The operator accounts' schema on PostgreSQL (component `operators`): the same tables as SQLite's step 1. */
export const OPERATOR_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'operator accounts, sessions, API tokens, audit log, login failures',
    sql: `
      CREATE TABLE operators (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT,
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        disabled_at BIGINT
      );
      CREATE TABLE operator_sessions (
        id_hash TEXT PRIMARY KEY,
        operator_id TEXT NOT NULL REFERENCES operators (id),
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL
      );
      CREATE INDEX operator_sessions_by_operator ON operator_sessions (operator_id);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        operator_id TEXT NOT NULL REFERENCES operators (id),
        label TEXT,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT,
        revoked_at BIGINT
      );
      CREATE INDEX api_tokens_by_operator ON api_tokens (operator_id);
      CREATE TABLE audit_log (
        id BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL,
        operator_id TEXT REFERENCES operators (id),
        action TEXT NOT NULL,
        batch_id TEXT,
        token_id TEXT
      );
      CREATE INDEX audit_log_by_operator ON audit_log (operator_id, id);
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at BIGINT NOT NULL
      );
      CREATE TABLE instance_secrets (
        name TEXT PRIMARY KEY,
        secret BYTEA NOT NULL
      );
    `,
  },
];
