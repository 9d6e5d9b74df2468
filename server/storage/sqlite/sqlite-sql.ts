import type Database from 'better-sqlite3';
import type { SqlDatabase, SqlExecutor } from '../sql/sql-database';

/**
 * better-sqlite3 behind the async SQL interface. A transaction's work is async, so statements are serialised on
 * this connection: nothing else runs on it between BEGIN IMMEDIATE and COMMIT.
 */
export function sqliteSql(db: Database.Database): SqlDatabase {
  const direct: SqlExecutor = {
    all: async <Row>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).all(...params) as Row[],
    run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    dialect: 'sqlite',
    forUpdate: '',
    all: (sql, params) => serialised(() => direct.all(sql, params)),
    run: (sql, params) => serialised(() => direct.run(sql, params)),
    transaction: (work) =>
      serialised(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
  };
}
