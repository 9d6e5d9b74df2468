import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The cluster global-setup.js started for this test run. */
export function testClusterUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL cluster of test/support/global-setup.js');
  return url;
}

/** A new, empty database in the test cluster for one test file (or one test); `drop` removes it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `reclamo_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: testClusterUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testClusterUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: testClusterUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

type OpenDatabase = () => Promise<{ overrides: { DATABASE_URL?: string }; drop: () => Promise<void> }>;

/** The databases a suite runs on, for `describe.each`: SQLite (nothing to set) and a fresh PostgreSQL database. */
export const BOTH_DATABASES: [string, OpenDatabase][] = [
  ['SQLite', async () => ({ overrides: {}, drop: async () => undefined })],
  [
    'PostgreSQL',
    async () => {
      const database = await freshDatabase();
      return { overrides: { DATABASE_URL: database.url }, drop: database.drop };
    },
  ],
];
