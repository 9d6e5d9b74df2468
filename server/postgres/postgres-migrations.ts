import type pg from 'pg';
import { lockKey, withTransaction } from './postgres-pool';

export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/** The schema steps of one part of Reclamo (the outbox, the batches, the rate limits, …), numbered within that part. */
export interface PostgresSchema {
  part: string;
  migrations: readonly PostgresMigration[];
}

export class PostgresSchemaTooNewError extends Error {}

/**
 * Applies the steps of each part this database has not had yet, each step in its own transaction under an advisory
 * lock (so machines starting together apply each step once), and refuses a database a newer Reclamo has written.
 * A released step is never edited: a change is a new step. Returns the steps applied, as "part@version".
 */
export async function migratePostgres(pool: pg.Pool, schemas: readonly PostgresSchema[]): Promise<string[]> {
  const applied: string[] = [];
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey('reclamo/schema_versions')]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_versions (
      part TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at BIGINT NOT NULL,
      PRIMARY KEY (part, version))`);
  });
  for (const { part, migrations } of schemas) {
    const latest = Math.max(0, ...migrations.map((migration) => migration.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      const done = await withTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey('reclamo/schema_versions')]);
        const { rows } = await client.query<{ version: number | null }>(
          'SELECT max(version) AS version FROM schema_versions WHERE part = $1',
          [part],
        );
        const current = rows[0]?.version ?? 0;
        if (current > latest)
          throw new PostgresSchemaTooNewError(
            `the database's ${part} schema is at version ${current}, newer than this Reclamo knows (${latest}): ` +
              'upgrade Reclamo',
          );
        if (current >= migration.version) return false;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_versions (part, version, name, applied_at) VALUES ($1, $2, $3, $4)', [
          part,
          migration.version,
          migration.name,
          Date.now(),
        ]);
        return true;
      });
      if (done) applied.push(`${part}@${migration.version}`);
    }
  }
  return applied;
}
