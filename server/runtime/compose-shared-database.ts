import { BATCH_POSTGRES_MIGRATIONS } from '../batch/postgres-batch-store';
import { OUTBOX_POSTGRES_MIGRATIONS } from '../mail/outbox/postgres-outbox-store';
import type { Storage } from '../storage/open-storage';
import type { PgQueryable } from '../storage/postgres/open-postgres';
import { RATE_LIMIT_POSTGRES_MIGRATIONS } from '../web/http/postgres-rate-limit-store';
import { migratePostgres, type PostgresMigration } from '../storage/postgres/pg-migrations';

/**
 * What else keeps its tables in the data layer's PostgreSQL database when DATABASE_URL is set, so that every machine
 * shares it: each component with its own numbered steps (see storage/postgres/pg-migrations.ts).
 */
export const SHARED_MIGRATIONS: Readonly<Record<string, readonly PostgresMigration[]>> = {
  outbox: OUTBOX_POSTGRES_MIGRATIONS,
  batches: BATCH_POSTGRES_MIGRATIONS,
  rate_limits: RATE_LIMIT_POSTGRES_MIGRATIONS,
};

/** The shared PostgreSQL database and the moment its schema (the data layer's and the components' above) is there. */
export interface SharedDatabase {
  /** The data layer's pool; every query and transaction waits for `ready`. */
  db: PgQueryable & { transaction<T>(work: (client: PgQueryable) => Promise<T>): Promise<T> };
  ready: Promise<void>;
}

/** null on SQLite: the outbox, batches and rate limits then stay on this machine. */
export function sharedDatabase(storage: Storage): SharedDatabase | null {
  const db = storage.postgres;
  if (!db) return null;
  const ready = (async () => {
    await storage.ready;
    for (const [component, steps] of Object.entries(SHARED_MIGRATIONS))
      await migratePostgres(db.pool, component, steps);
  })();
  ready.catch(() => undefined);
  return {
    db: {
      query: async (sql, params) => ready.then(() => db.query(sql, params)),
      run: async (sql, params) => ready.then(() => db.run(sql, params)),
      transaction: async (work) => ready.then(() => db.transaction(work)),
    },
    ready,
  };
}
