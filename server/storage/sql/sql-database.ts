/** SQL with `?` placeholders, run the same way on SQLite and PostgreSQL (the campaign store is written once on it). */
export interface SqlExecutor {
  all<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlDatabase extends SqlExecutor {
  dialect: 'sqlite' | 'postgres';
  /** `work` in one transaction; on PostgreSQL rows read with `forUpdate` stay locked until it ends. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** ` FOR UPDATE` on PostgreSQL; nothing on SQLite, whose write transaction already holds the whole database. */
  forUpdate: string;
}
