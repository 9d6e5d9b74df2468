import { Client } from 'pg';
import { openStorage, POSTGRES_MIGRATIONS } from '../../server/storage/open-storage';
import { openPostgres } from '../../server/storage/postgres/open-postgres';
import { migratePostgres, PostgresSchemaTooNewError } from '../../server/storage/postgres/pg-migrations';
import { OperatorAccounts } from '../../server/use-cases/operators/operator-accounts';
import { freshDatabase } from '../support/postgres';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(() => database.drop());

async function appliedVersions(url: string): Promise<Array<{ component: string; version: number }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT component, version FROM schema_migrations ORDER BY component, version')).rows;
  } finally {
    await client.end();
  }
}

test('DATABASE_URL opens the data layer on PostgreSQL, every component migrated once at start', async () => {
  const storage = openStorage({ STORAGE_DATABASE_PATH: ':memory:', DATABASE_URL: database.url });
  expect(storage.kind).toBe('postgres');
  await storage.ready;
  await storage.operators.check();
  await storage.close();
  const expected = Object.entries(POSTGRES_MIGRATIONS).flatMap(([component, steps]) =>
    steps.map((step) => ({ component, version: step.version })),
  );
  expect(await appliedVersions(database.url)).toEqual(
    expected.sort((a, b) => a.component.localeCompare(b.component) || a.version - b.version),
  );
});

test('four processes starting together on one database apply each step once and all work', async () => {
  const storages = Array.from({ length: 4 }, () =>
    openStorage({ STORAGE_DATABASE_PATH: ':memory:', DATABASE_URL: database.url }),
  );
  await Promise.all(storages.map((storage) => storage.ready));
  const accounts = new OperatorAccounts(storages[0]!.operators);
  await accounts.add({ email: 'ops@association.example', password: 'correct horse battery staple' });
  for (const storage of storages)
    expect(await storage.operators.accounts.byEmail('ops@association.example')).not.toBeNull();
  // The per-database secret is the same whichever machine asked first.
  const secrets = await Promise.all(storages.map((storage) => storage.operators.instanceSecret('login-failures')));
  expect(new Set(secrets.map((secret) => secret.toString('hex'))).size).toBe(1);
  await Promise.all(storages.map((storage) => storage.close()));
  const versions = await appliedVersions(database.url);
  expect(versions.length).toBe(new Set(versions.map((row) => `${row.component}/${row.version}`)).size);
});

test('a later step is applied once; a database migrated by a newer Reclamo is refused, and the reason is kept', async () => {
  const db = openPostgres(database.url);
  const steps = [{ version: 1, name: 'first', sql: 'CREATE TABLE later_one (x INTEGER)' }];
  expect(await migratePostgres(db.pool, 'test', steps)).toEqual([1]);
  const next = [...steps, { version: 2, name: 'second', sql: 'CREATE TABLE later_two (x INTEGER)' }];
  expect(await migratePostgres(db.pool, 'test', next)).toEqual([2]);
  expect(await migratePostgres(db.pool, 'test', next)).toEqual([]);
  await expect(migratePostgres(db.pool, 'test', steps)).rejects.toThrow(PostgresSchemaTooNewError);
  await db.close();
  const refused = openPostgres(database.url, { migrations: { test: steps } });
  await expect(refused.ready).rejects.toThrow(/newer than this Reclamo knows/);
  await expect(refused.query('SELECT 1')).rejects.toThrow(/newer than this Reclamo knows/);
  await refused.close();
});

test('a failing step leaves nothing half done: its tables are rolled back and it is not recorded', async () => {
  const db = openPostgres(database.url);
  const broken = [{ version: 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM missing_table' }];
  await expect(migratePostgres(db.pool, 'test', broken)).rejects.toThrow(/missing_table/);
  expect(await db.query("SELECT to_regclass('half') AS t")).toEqual([{ t: null }]);
  expect(await db.query("SELECT * FROM schema_migrations WHERE component = 'test'")).toEqual([]);
  await db.close();
});

test('times are read back as numbers, not strings', async () => {
  const storage = openStorage({ STORAGE_DATABASE_PATH: ':memory:', DATABASE_URL: database.url });
  const accounts = new OperatorAccounts(storage.operators, () => 1_700_000_000_123);
  await accounts.add({ email: 'ops@association.example', password: 'correct horse battery staple' });
  expect((await storage.operators.accounts.byEmail('ops@association.example'))!.createdAt).toBe(1_700_000_000_123);
  await storage.close();
});
