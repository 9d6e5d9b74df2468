import type { SqlDatabase, SqlExecutor } from '../sql/sql-database';
import type { PgQueryable, PostgresDatabase } from './open-postgres';

/** `?` → `$1`, `$2`… (the store's SQL never holds a literal question mark). */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
}

function executor(target: PgQueryable): SqlExecutor {
  return {
    all: async <Row>(sql: string, params: readonly unknown[] = []) =>
      (await target.query(numbered(sql), params)) as Row[],
    run: (sql, params = []) => target.run(numbered(sql), params),
  };
}

/** The PostgreSQL pool behind the SQL interface of the shared stores. */
export function postgresSql(db: PostgresDatabase): SqlDatabase {
  return {
    dialect: 'postgres',
    forUpdate: ' FOR UPDATE',
    ...executor(db),
    transaction: (work) => db.transaction((client) => work(executor(client))),
  };
}
