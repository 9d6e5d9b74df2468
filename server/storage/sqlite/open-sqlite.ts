import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens (creating when missing) a SQLite file that several processes may share: WAL journal, a busy timeout instead
 * of "database is locked", foreign keys enforced, and secure_delete so that a deleted row's bytes are overwritten
 * rather than left readable in free pages. A new file is created readable by its owner only.
 */
export function openSqlite(file: string): Database.Database {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  // Only takes effect before the first table exists: freed pages can then be given back with incremental_vacuum.
  db.pragma('auto_vacuum = INCREMENTAL');
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  return db;
}
