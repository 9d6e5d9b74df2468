import { Pool, types, type PoolClient, type QueryResultRow } from 'pg';
import { migratePostgres, type PostgresMigration } from './pg-migrations';

/** Times are milliseconds since the epoch in BIGINT columns: read them (and counts) back as numbers, not strings. */
const NUMERIC_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/** Runs SQL with `$1…` parameters: the pool, or one client inside a transaction. */
export interface PgQueryable {
  query<Row extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Rows changed by an INSERT / UPDATE / DELETE. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** One PostgreSQL database shared by every Reclamo process: a connection pool whose schema is migrated first. */
export interface PostgresDatabase extends PgQueryable {
  /** Resolves once every migration given at open has been applied; rejects when one failed. */
  readonly ready: Promise<void>;
  /** `work` on one connection in a transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  transaction<T>(work: (client: PgQueryable) => Promise<T>): Promise<T>;
  readonly pool: Pool;
  close(): Promise<void>;
}

export interface OpenPostgresOptions {
  /** Schema steps per component (each its own numbered sequence), applied at open. */
  migrations?: Readonly<Record<string, readonly PostgresMigration[]>>;
  /** Connections in this process's pool (default 10). */
  maxConnections?: number;
}

function queryable(target: Pool | PoolClient): PgQueryable {
  return {
    query: async (sql, params = []) => (await target.query(sql, params as unknown[])).rows,
    run: async (sql, params = []) => (await target.query(sql, params as unknown[])).rowCount ?? 0,
  };
}

/**
 * Opens a pool on DATABASE_URL and starts the migrations at once; every query waits for them, so a caller may use the
 * database straight away and a failed migration fails every query (and the readiness check) with its reason.
 */
export function openPostgres(url: string, options: OpenPostgresOptions = {}): PostgresDatabase {
  const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10, types: NUMERIC_TYPES });
  // An idle client that loses its server (a restart) must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  const direct = queryable(pool);
  const ready = (async () => {
    for (const [component, steps] of Object.entries(options.migrations ?? {}))
      await migratePostgres(pool, component, steps);
  })();
  ready.catch(() => undefined);
  const transaction = async <T>(work: (client: PgQueryable) => Promise<T>): Promise<T> => {
    await ready;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(queryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  let closing: Promise<void> | undefined;
  return {
    ready,
    pool,
    query: async (sql, params) => {
      await ready;
      return direct.query(sql, params);
    },
    run: async (sql, params) => {
      await ready;
      return direct.run(sql, params);
    },
    transaction,
    close: () => (closing ??= ready.catch(() => undefined).then(() => pool.end())),
  };
}
