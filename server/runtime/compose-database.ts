import type pg from 'pg';
import type { AppConfig } from '../config/app-config';
import { OUTBOX_POSTGRES_SCHEMA } from '../mail/outbox/postgres-outbox-store';
import { migratePostgres, type PostgresSchema } from '../postgres/postgres-migrations';
import { openPostgresPool } from '../postgres/postgres-pool';
import type { ShutdownTask } from './graceful-shutdown';

/** Every part of Reclamo that keeps its data on PostgreSQL when DATABASE_URL is set, with its schema steps. */
export const POSTGRES_SCHEMAS: readonly PostgresSchema[] = [OUTBOX_POSTGRES_SCHEMA];

/** The PostgreSQL database every machine shares: one pool for this process, and its migrations run once at start. */
export interface SharedDatabase {
  pool: pg.Pool;
  /** Resolves once the schema is up to date (every adapter waits for it); rejects when it cannot be. */
  ready: Promise<unknown>;
  /** Closes the pool: the last stop task, after everything that uses it. */
  stopTask: ShutdownTask;
}

/** null without DATABASE_URL: everything then stays on this machine (SQLite files and folders). */
export function openSharedDatabase(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
): SharedDatabase | null {
  if (!config.DATABASE_URL) return null;
  const pool = openPostgresPool(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE });
  const ready = migratePostgres(pool, POSTGRES_SCHEMAS);
  ready.catch(() => undefined);
  return { pool, ready, stopTask: { name: 'database', stop: () => pool.end() } };
}
