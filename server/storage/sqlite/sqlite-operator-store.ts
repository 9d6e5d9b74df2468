import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  AuditEntry,
  FailureCount,
  OperatorRecord,
  OperatorStore,
  SessionRecord,
  StoredAuditEntry,
  TokenRecord,
} from '../../use-cases/operators/operator-store';

const OPERATOR_COLUMNS = `id, email, name, password_hash AS passwordHash, created_at AS createdAt,
  disabled_at AS disabledAt`;
const SESSION_COLUMNS = `id_hash AS idHash, operator_id AS operatorId, created_at AS createdAt,
  last_seen_at AS lastSeenAt`;
const TOKEN_COLUMNS = `id, hash, operator_id AS operatorId, label, created_at AS createdAt,
  last_used_at AS lastUsedAt, revoked_at AS revokedAt`;
const AUDIT_COLUMNS = `id, at, operator_id AS operatorId, action, batch_id AS batchId, token_id AS tokenId`;

/**
 * The operator store on SQLite (better-sqlite3), on a migrated database (open-storage.ts opens it). The driver is
 * synchronous and each statement is a short transaction; the methods still answer Promises, the interface a
 * networked database needs. Closing it closes the database.
 */
export function sqliteOperatorStore(db: Database.Database): OperatorStore {
  const one = <T>(sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as T | undefined) ?? null;
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;

  const readFailures = (key: string, forgetBefore: number): FailureCount => {
    const row = one<FailureCount>(
      'SELECT failures, last_failure_at AS lastFailureAt FROM login_failures WHERE key = ?',
      key,
    );
    return row && row.lastFailureAt >= forgetBefore ? row : { failures: 0, lastFailureAt: 0 };
  };
  const recordFailure = db.transaction((key: string, now: number, forgetBefore: number): FailureCount => {
    const next = { failures: readFailures(key, forgetBefore).failures + 1, lastFailureAt: now };
    run(
      `INSERT INTO login_failures (key, failures, last_failure_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at`,
      key,
      next.failures,
      now,
    );
    return next;
  });
  const secret = db.transaction((name: string): Buffer => {
    const existing = one<{ secret: Buffer }>('SELECT secret FROM instance_secrets WHERE name = ?', name);
    if (existing) return existing.secret;
    const made = randomBytes(32);
    run('INSERT INTO instance_secrets (name, secret) VALUES (?, ?)', name, made);
    return made;
  });

  return {
    accounts: {
      add: async (operator: OperatorRecord) =>
        run(
          `INSERT INTO operators (id, email, name, password_hash, created_at, disabled_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`,
          operator.id,
          operator.email,
          operator.name,
          operator.passwordHash,
          operator.createdAt,
          operator.disabledAt,
        ) === 1,
      byEmail: async (email) => one<OperatorRecord>(`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE email = ?`, email),
      byId: async (id) => one<OperatorRecord>(`SELECT ${OPERATOR_COLUMNS} FROM operators WHERE id = ?`, id),
      list: async () => all<OperatorRecord>(`SELECT ${OPERATOR_COLUMNS} FROM operators ORDER BY created_at, email`),
      setPassword: async (id, passwordHash) =>
        void run('UPDATE operators SET password_hash = ? WHERE id = ?', passwordHash, id),
      disable: async (id, now) =>
        void run('UPDATE operators SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?', now, id),
    },
    sessions: {
      create: async (session: SessionRecord) =>
        void run(
          'INSERT INTO operator_sessions (id_hash, operator_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
          session.idHash,
          session.operatorId,
          session.createdAt,
          session.lastSeenAt,
        ),
      find: async (idHash) =>
        one<SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM operator_sessions WHERE id_hash = ?`, idHash),
      touch: async (idHash, now) =>
        void run('UPDATE operator_sessions SET last_seen_at = max(last_seen_at, ?) WHERE id_hash = ?', now, idHash),
      remove: async (idHash) => void run('DELETE FROM operator_sessions WHERE id_hash = ?', idHash),
      removeForOperator: async (operatorId) => run('DELETE FROM operator_sessions WHERE operator_id = ?', operatorId),
      removeExpired: async (idleBefore, createdBefore) =>
        run('DELETE FROM operator_sessions WHERE last_seen_at < ? OR created_at < ?', idleBefore, createdBefore),
    },
    tokens: {
      add: async (token: TokenRecord) =>
        void run(
          `INSERT INTO api_tokens (id, hash, operator_id, label, created_at, last_used_at, revoked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          token.id,
          token.hash,
          token.operatorId,
          token.label,
          token.createdAt,
          token.lastUsedAt,
          token.revokedAt,
        ),
      byHash: async (hash) => one<TokenRecord>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE hash = ?`, hash),
      byId: async (id) => one<TokenRecord>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`, id),
      list: async (operatorId) =>
        operatorId === undefined
          ? all<TokenRecord>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at, id`)
          : all<TokenRecord>(
              `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE operator_id = ? ORDER BY created_at, id`,
              operatorId,
            ),
      touch: async (id, now) =>
        void run('UPDATE api_tokens SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE id = ?', now, id),
      revoke: async (id, now) =>
        run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', now, id) === 1,
      revokeForOperator: async (operatorId, now) =>
        run('UPDATE api_tokens SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL', now, operatorId),
    },
    audit: {
      append: async (entry: AuditEntry) =>
        void run(
          'INSERT INTO audit_log (at, operator_id, action, batch_id, token_id) VALUES (?, ?, ?, ?, ?)',
          entry.at,
          entry.operatorId,
          entry.action,
          entry.batchId ?? null,
          entry.tokenId ?? null,
        ),
      recent: async (limit, operatorId) =>
        operatorId === undefined
          ? all<StoredAuditEntry>(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?`, limit)
          : all<StoredAuditEntry>(
              `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE operator_id = ? ORDER BY id DESC LIMIT ?`,
              operatorId,
              limit,
            ),
    },
    loginFailures: {
      record: async (key, now, forgetBefore) => recordFailure.immediate(key, now, forgetBefore),
      get: async (key, forgetBefore) => readFailures(key, forgetBefore),
      clear: async (key) => void run('DELETE FROM login_failures WHERE key = ?', key),
      removeStale: async (forgetBefore) => run('DELETE FROM login_failures WHERE last_failure_at < ?', forgetBefore),
    },
    instanceSecret: async (name) => secret.immediate(name),
    check: async () => void db.prepare('SELECT 1').get(),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
