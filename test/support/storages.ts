import { openStorage, type Storage } from '../../server/storage/open-storage';
import { freshDatabase } from './postgres';

/** A data layer for one test and how to throw it away. */
export interface TestStorage {
  storage: Storage;
  /** Closes the storage and drops its database. */
  dispose: () => Promise<void>;
}

/**
 * The two implementations of the data layer, for `describe.each(STORAGES)`: SQLite in memory, and PostgreSQL on a
 * database of its own in the test run's cluster (test/support/postgres-server.js). Both through `openStorage`, as
 * the server opens them.
 */
export const STORAGES: ReadonlyArray<[string, () => Promise<TestStorage>]> = [
  [
    'SQLite',
    async () => {
      const storage = openStorage({ STORAGE_DATABASE_PATH: ':memory:' });
      return { storage, dispose: () => storage.close() };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const database = await freshDatabase();
      const storage = openStorage({ STORAGE_DATABASE_PATH: ':memory:', DATABASE_URL: database.url });
      await storage.ready;
      return {
        storage,
        dispose: async () => {
          await storage.close();
          await database.drop();
        },
      };
    },
  ],
];
