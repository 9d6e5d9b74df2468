import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { PROJECT_ROOT } from '../config/project-paths';
import type { CampaignStore } from '../use-cases/campaigns/campaign-store';
import type { OperatorStore } from '../use-cases/operators/operator-store';
import { campaignTables, figuresIndex, memberClaimsTable } from './sql/campaign-tables';
import { sqlCampaignStore } from './sql/sql-campaign-store';
import { postgresSql } from './postgres/postgres-sql';
import { sqliteSql } from './sqlite/sqlite-sql';
import { openPostgres, type PostgresDatabase } from './postgres/open-postgres';
import { OPERATOR_MIGRATIONS } from './postgres/operator-migrations';
import { postgresOperatorStore } from './postgres/postgres-operator-store';
import { openSqlite } from './sqlite/open-sqlite';
import { migrate } from './sqlite/migrations';
import { sqliteOperatorStore } from './sqlite/sqlite-operator-store';

/** The application's data layer: the operator accounts and the campaigns, on SQLite or PostgreSQL. */
export interface Storage {
  kind: 'sqlite' | 'postgres';
  operators: OperatorStore;
  campaigns: CampaignStore;
  /** Resolves once the schema is migrated (at once on SQLite); rejects with the reason when it could not be. */
  ready: Promise<void>;
  /** The PostgreSQL database when DATABASE_URL is set (other components may keep their tables in it too). */
  postgres: PostgresDatabase | null;
  close(): Promise<void>;
}

export type StorageConfig = Pick<AppConfig, 'STORAGE_DATABASE_PATH'> & Partial<Pick<AppConfig, 'DATABASE_URL'>>;

export function storageFile(config: Pick<AppConfig, 'STORAGE_DATABASE_PATH'>): string {
  const file = config.STORAGE_DATABASE_PATH;
  return file === ':memory:' ? file : path.resolve(PROJECT_ROOT, file);
}

/** Every component's schema steps on PostgreSQL, each numbered on its own (see postgres/pg-migrations.ts). */
export const POSTGRES_MIGRATIONS = {
  operators: OPERATOR_MIGRATIONS,
  campaigns: [
    {
      version: 1,
      name: 'campaigns, their member lists, members and their event logs',
      sql: campaignTables('postgres'),
    },
    { version: 2, name: "each campaign member's claim, for the follow-up documents", sql: memberClaimsTable() },
    { version: 3, name: "the dashboard's counts by status from an index", sql: figuresIndex() },
  ],
};

/**
 * Opens the data layer of the configuration, running its migrations: PostgreSQL when DATABASE_URL is set (shared by
 * every machine), else a SQLite file (STORAGE_DATABASE_PATH, by default data/storage.sqlite), or `:memory:` for a
 * store that lives as long as the process.
 */
export function openStorage(config: StorageConfig): Storage {
  if (config.DATABASE_URL) {
    const db = openPostgres(config.DATABASE_URL, { migrations: POSTGRES_MIGRATIONS });
    return {
      kind: 'postgres',
      operators: postgresOperatorStore(db),
      campaigns: sqlCampaignStore(postgresSql(db)),
      ready: db.ready,
      postgres: db,
      close: db.close,
    };
  }
  const db = openSqlite(storageFile(config));
  migrate(db);
  const operators = sqliteOperatorStore(db);
  return {
    kind: 'sqlite',
    operators,
    campaigns: sqlCampaignStore(sqliteSql(db)),
    ready: Promise.resolve(),
    postgres: null,
    close: async () => {
      if (db.open) db.close();
    },
  };
}
