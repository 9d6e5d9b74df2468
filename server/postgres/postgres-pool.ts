import pg from 'pg';

/** What the PostgreSQL adapters need of a connection: a query, or a transaction through `withTransaction`. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

const INT8 = 20;

/**
 * Times are milliseconds since the epoch in BIGINT columns: read back as numbers (exact below 2^53, that is until the
 * year 287396), not as the strings node-postgres gives by default.
 */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format as 'text')) as never,
};

/** One pool per process for every PostgreSQL adapter (outbox, batches, rate limits, storage). */
export function openPostgresPool(url: string, options: { max?: number; applicationName?: string } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'reclamo',
    types,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on one connection of the pool: committed when it resolves, rolled back on a throw. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A constant key for pg_advisory_xact_lock: the same name gives the same 64-bit key on every machine. */
export function lockKey(name: string): string {
  let hash = 0n;
  for (const char of name) hash = (hash * 31n + BigInt(char.codePointAt(0)!)) & 0xffff_ffff_ffff_ffffn;
  return BigInt.asIntN(64, hash).toString();
}

/** The server and database of a URL, for logs and the CLI: never its user name or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
