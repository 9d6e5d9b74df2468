import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { PROJECT_ROOT } from '../config/project-paths';
import type { OperatorStore } from '../use-cases/operators/operator-store';
import { sqliteOperatorStore } from './sqlite/sqlite-operator-store';

/** The application's data layer: today the operator accounts (the campaigns of a later issue join here). */
export interface Storage {
  operators: OperatorStore;
  close(): Promise<void>;
}

export function storageFile(config: Pick<AppConfig, 'STORAGE_DATABASE_PATH'>): string {
  const file = config.STORAGE_DATABASE_PATH;
  return file === ':memory:' ? file : path.resolve(PROJECT_ROOT, file);
}

/**
 * Opens the data layer of the configuration, running its migrations: a SQLite file (STORAGE_DATABASE_PATH, by
 * default data/storage.sqlite), or `:memory:` for a store that lives as long as the process.
 */
export function openStorage(config: Pick<AppConfig, 'STORAGE_DATABASE_PATH'>): Storage {
  const operators = sqliteOperatorStore(storageFile(config));
  return { operators, close: () => operators.close() };
}
