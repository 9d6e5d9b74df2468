import { randomBytes } from 'node:crypto';
import type {
  FailureCount,
  OperatorRecord,
  OperatorStore,
  SessionRecord,
  StoredAuditEntry,
  TokenRecord,
} from '../../use-cases/operators/operator-store';
import type { PgQueryable, PostgresDatabase } from './open-postgres';

const OPERATOR_COLUMNS = `id, email, name, password_hash AS "passwordHash", created_at AS "createdAt",
  disabled_at AS "disabledAt"`;
const SESSION_COLUMNS = `id_hash AS "idHash", operator_id AS "operatorId", created_at AS "createdAt",
  last_seen_at AS "lastSeenAt"`;
const TOKEN_COLUMNS = `id, hash, operator_id AS "operatorId", label, created_at AS "createdAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;
const AUDIT_COLUMNS = `id, at, operator_id AS "operatorId", action, batch_id AS "batchId", token_id AS "tokenId"`;

async function one<T>(db: PgQueryable, sql: string, params: readonly unknown[]): Promise<T | null> {
  return ((await db.query(sql, params))[0] as T | undefined) ?? null;
}

async function readFailures(db: PgQueryable, key: string, forgetBefore: number): Promise<FailureCount> {
  const row = await one<FailureCount>(
    db,
    'SELECT failures, last_failure_at AS "lastFailureAt" FROM login_failures WHERE key = $1',
    [key],
  );
  return row && row.lastFailureAt >= forgetBefore ? row : { failures: 0, lastFailureAt: 0 };
}

/** The operator store on PostgreSQL: the same port and behaviour as the SQLite one, shared by every machine. */
export function postgresOperatorStore(db: PostgresDatabase): OperatorStore {
  const all = async <T>(sql: string, params: readonly unknown[] = []) => (await db.query(sql, params)) as T[];
  return {
    accounts: {
      add: async (operator: OperatorRecord) =>
        (await db.run(
          `INSERT INTO operators (id, email, name, password_hash, created_at, disabled_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING`,
          [operator.id, operator.email, operator.name, operator.passwordHash, operator.createdAt, operator.disabledAt],
        )) === 1,
      byEmail: (email) =>
        one<OperatorRecord>(db, `SELECT ${OPERATOR_COLUMNS} FROM operators WHERE email = $1`, [email]),
      byId: (id) => one<OperatorRecord>(db, `SELECT ${OPERATOR_COLUMNS} FROM operators WHERE id = $1`, [id]),
      list: () => all<OperatorRecord>(`SELECT ${OPERATOR_COLUMNS} FROM operators ORDER BY created_at, email`),
      setPassword: async (id, passwordHash) =>
        void (await db.run('UPDATE operators SET password_hash = $1 WHERE id = $2', [passwordHash, id])),
      disable: async (id, now) =>
        void (await db.run('UPDATE operators SET disabled_at = coalesce(disabled_at, $1) WHERE id = $2', [now, id])),
    },
    sessions: {
      create: async (session: SessionRecord) =>
        void (await db.run(
          'INSERT INTO operator_sessions (id_hash, operator_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)',
          [session.idHash, session.operatorId, session.createdAt, session.lastSeenAt],
        )),
      find: (idHash) =>
        one<SessionRecord>(db, `SELECT ${SESSION_COLUMNS} FROM operator_sessions WHERE id_hash = $1`, [idHash]),
      touch: async (idHash, now) =>
        void (await db.run(
          'UPDATE operator_sessions SET last_seen_at = greatest(last_seen_at, $1) WHERE id_hash = $2',
          [now, idHash],
        )),
      remove: async (idHash) => void (await db.run('DELETE FROM operator_sessions WHERE id_hash = $1', [idHash])),
      removeForOperator: (operatorId) => db.run('DELETE FROM operator_sessions WHERE operator_id = $1', [operatorId]),
      removeExpired: (idleBefore, createdBefore) =>
        db.run('DELETE FROM operator_sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore]),
    },
    tokens: {
      add: async (token: TokenRecord) =>
        void (await db.run(
          `INSERT INTO api_tokens (id, hash, operator_id, label, created_at, last_used_at, revoked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [token.id, token.hash, token.operatorId, token.label, token.createdAt, token.lastUsedAt, token.revokedAt],
        )),
      byHash: (hash) => one<TokenRecord>(db, `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE hash = $1`, [hash]),
      byId: (id) => one<TokenRecord>(db, `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, [id]),
      list: (operatorId) =>
        operatorId === undefined
          ? all<TokenRecord>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at, id`)
          : all<TokenRecord>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE operator_id = $1 ORDER BY created_at, id`, [
              operatorId,
            ]),
      touch: async (id, now) =>
        void (await db.run(
          'UPDATE api_tokens SET last_used_at = greatest(coalesce(last_used_at, 0), $1) WHERE id = $2',
          [now, id],
        )),
      revoke: async (id, now) =>
        (await db.run('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, id])) === 1,
      revokeForOperator: (operatorId, now) =>
        db.run('UPDATE api_tokens SET revoked_at = $1 WHERE operator_id = $2 AND revoked_at IS NULL', [
          now,
          operatorId,
        ]),
    },
    audit: {
      append: async (entry) =>
        void (await db.run(
          'INSERT INTO audit_log (at, operator_id, action, batch_id, token_id) VALUES ($1, $2, $3, $4, $5)',
          [entry.at, entry.operatorId, entry.action, entry.batchId ?? null, entry.tokenId ?? null],
        )),
      recent: (limit, operatorId) =>
        operatorId === undefined
          ? all<StoredAuditEntry>(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY id DESC LIMIT $1`, [limit])
          : all<StoredAuditEntry>(
              `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE operator_id = $1 ORDER BY id DESC LIMIT $2`,
              [operatorId, limit],
            ),
    },
    loginFailures: {
      // One statement: two machines counting the same key at once each add one.
      record: async (key, now, forgetBefore) => {
        const rows = await db.query<FailureCount>(
          `INSERT INTO login_failures (key, failures, last_failure_at) VALUES ($1, 1, $2)
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN login_failures.last_failure_at >= $3 THEN login_failures.failures + 1 ELSE 1 END,
             last_failure_at = excluded.last_failure_at
           RETURNING failures, last_failure_at AS "lastFailureAt"`,
          [key, now, forgetBefore],
        );
        return rows[0]!;
      },
      get: (key, forgetBefore) => readFailures(db, key, forgetBefore),
      clear: async (key) => void (await db.run('DELETE FROM login_failures WHERE key = $1', [key])),
      removeStale: (forgetBefore) => db.run('DELETE FROM login_failures WHERE last_failure_at < $1', [forgetBefore]),
    },
    instanceSecret: async (name) => {
      // Two machines asking first at once: one insert wins, both read the winner.
      await db.run('INSERT INTO instance_secrets (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
        name,
        randomBytes(32),
      ]);
      return (await one<{ secret: Buffer }>(db, 'SELECT secret FROM instance_secrets WHERE name = $1', [name]))!.secret;
    },
    check: async () => void (await db.query('SELECT 1')),
    close: () => db.close(),
  };
}
