import type { Pool } from 'pg';

export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

export class PostgresSchemaTooNewError extends Error {}

/** Serialises the migrations of every process starting on the same database. */
const MIGRATION_LOCK = 72_656_363; // "reclamo", any fixed number every Reclamo uses

/**
 * Applies the steps of `component` this database has not had yet, each in its own transaction under an advisory
 * lock (so several machines starting together apply each step once), and refuses a database whose component is at a
 * version newer than this Reclamo knows. Each component (operators, campaigns, outbox…) numbers its own steps, so
 * adding one never renumbers another's. Returns the versions applied.
 */
export async function migratePostgres(
  pool: Pool,
  component: string,
  migrations: readonly PostgresMigration[],
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at BIGINT NOT NULL,
        PRIMARY KEY (component, version))`);
      const current = async () =>
        Number(
          (
            await client.query<{ version: number | null }>(
              'SELECT max(version) AS version FROM schema_migrations WHERE component = $1',
              [component],
            )
          ).rows[0]?.version ?? 0,
        );
      const latest = Math.max(0, ...migrations.map((migration) => migration.version));
      const at = await current();
      if (at > latest)
        throw new PostgresSchemaTooNewError(
          `the database's ${component} schema is at version ${at}, newer than this Reclamo knows (${latest}): ` +
            'upgrade Reclamo',
        );
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (migration.version <= at) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO schema_migrations (component, version, name, applied_at) VALUES ($1, $2, $3, $4)',
            [component, migration.version, migration.name, Date.now()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
