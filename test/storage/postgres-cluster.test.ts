import { Client } from 'pg';
import { freshDatabase } from '../support/postgres';

test('the test run has a real PostgreSQL server on loopback, and each test file can have its own database', async () => {
  const database = await freshDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; address: string }>(
      'SELECT version() AS version, inet_server_addr()::text AS address',
    );
    expect(rows[0]!.version).toMatch(/^PostgreSQL \d+/);
    expect(rows[0]!.address).toBe('127.0.0.1/32');
  } finally {
    await client.end();
    await database.drop();
  }
});
