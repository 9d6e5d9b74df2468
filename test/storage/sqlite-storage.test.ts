import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate, SchemaTooNewError } from '../../server/storage/sqlite/migrations';
import { openStorage } from '../../server/storage/open-storage';
import { OperatorAuth } from '../../server/use-cases/operators/operator-auth';
import { OperatorAccounts } from '../../server/use-cases/operators/operator-accounts';
import { tempDir } from '../support/mail-fixtures';

const PASSWORD = 'correct horse battery staple';

test('a new database gets every migration once, with secure_delete on and a file only its owner reads', async () => {
  const file = path.join(tempDir('storage'), 'data', 'storage.sqlite');
  const storage = openStorage({ STORAGE_DATABASE_PATH: file });
  await storage.close();
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const db = new Database(file);
  expect(db.pragma('secure_delete', { simple: true })).toBe(0); // a per-connection setting: this one is not ours
  const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
  expect(versions).toEqual(MIGRATIONS.map((migration) => migration.version));
  // Opening again applies nothing; a second process starting at the same time would find the steps done.
  expect(migrate(db)).toEqual([]);
  db.close();
  const again = openStorage({ STORAGE_DATABASE_PATH: file });
  await again.operators.check();
  await again.close();
});

test('the store’s own connection has secure_delete and foreign keys on', async () => {
  const file = path.join(tempDir('storage-pragmas'), 'storage.sqlite');
  const { openSqlite } = await import('../../server/storage/sqlite/open-sqlite');
  const db = openSqlite(file);
  expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
});

test('a database written by a newer Reclamo is refused rather than used', () => {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('from the future');
  expect(() => migrate(db)).toThrow(SchemaTooNewError);
});

test('a later migration is applied to a database at an earlier version, and only that one', () => {
  const db = new Database(':memory:');
  expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
  const latest = MIGRATIONS.length + 1;
  const next = [...MIGRATIONS, { version: latest, name: 'test step', sql: 'CREATE TABLE later (x INTEGER);' }];
  expect(migrate(db, next)).toEqual([...MIGRATIONS.slice(1).map((step) => step.version), latest]);
  expect(migrate(db, next)).toEqual([]);
});

test('no secret is stored in clear: the password as argon2id, sessions and tokens as SHA-256 digests', async () => {
  const file = path.join(tempDir('storage-secrets'), 'storage.sqlite');
  const storage = openStorage({ STORAGE_DATABASE_PATH: file });
  const accounts = new OperatorAccounts(storage.operators);
  await accounts.add({ email: 'Ops@Association.Example', name: 'Ops', password: PASSWORD });
  const issued = await accounts.issueToken('ops@association.example');
  if (!issued.ok) throw new Error(issued.problem);
  const auth = new OperatorAuth(storage.operators, { idleMs: 60_000, maxMs: 3_600_000 });
  const signedIn = await auth.signIn({ email: 'OPS@association.example', password: PASSWORD, client: '192.0.2.1' });
  if (!signedIn.ok) throw new Error('sign-in failed');
  await storage.close();

  const db = new Database(file, { readonly: true });
  const operator = db.prepare('SELECT email, password_hash FROM operators').get() as Record<string, string>;
  expect(operator.email).toBe('ops@association.example');
  expect(operator.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  db.close();
  const bytes = Buffer.concat(
    [file, `${file}-wal`].filter((name) => fs.existsSync(name)).map((name) => fs.readFileSync(name)),
  );
  for (const secret of [PASSWORD, issued.token, signedIn.sessionId, '192.0.2.1'])
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
});

test('a deleted session leaves no trace of its row in the file (secure_delete)', async () => {
  const file = path.join(tempDir('storage-delete'), 'storage.sqlite');
  const storage = openStorage({ STORAGE_DATABASE_PATH: file });
  const marker = 'f'.repeat(64);
  await storage.operators.accounts.add({
    id: 'op-1',
    email: 'ops@association.example',
    name: null,
    passwordHash: 'x',
    createdAt: 0,
    disabledAt: null,
  });
  await storage.operators.sessions.create({ idHash: marker, operatorId: 'op-1', createdAt: 0, lastSeenAt: 0 });
  await storage.operators.sessions.remove(marker);
  await storage.close(); // closing checkpoints the WAL into the file
  expect(fs.readFileSync(file).includes(Buffer.from(marker))).toBe(false);
});
