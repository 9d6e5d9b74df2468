// Not a test (no timing is asserted): `npx jest --testMatch '**/*.bench.ts' test/campaigns/dashboard-100k.bench.ts`
// prints the dashboard API's response time with 100,000 members, on SQLite and on PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { addTestOperator } from '../support/operators';
import { SEEDED_MEMBER_COLUMNS as COLUMNS, seededMemberRow as row, seedSqliteMembers } from '../support/campaigns';
import { TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { freshDatabase } from '../support/postgres';
import { testApp, UNLIMITED_RATES } from '../support/test-app';

const N = 100_000;
test.each(['SQLite', 'PostgreSQL'])('dashboard with 100,000 members on %s', async (kind) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-dash-'));
  const file = path.join(dir, 'storage.sqlite');
  const database = kind === 'PostgreSQL' ? await freshDatabase() : null;
  const app = testApp({
    ...UNLIMITED_RATES,
    STORAGE_DATABASE_PATH: file,
    ...(database ? { DATABASE_URL: database.url } : {}),
    BATCH_DIR: dir,
  });
  await app.storage.ready;
  const operator = await addTestOperator(app.storage);
  const created = await request(app.app)
    .post('/api/v1/campaigns')
    .set(operator.bearer)
    .send({ name: 'Bench', association: TEST_ASSOCIATION_INPUT, retentionMonths: 24 })
    .expect(201);
  const id = created.body.id as string;
  if (database) {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    for (let start = 0; start < N; start += 1000) {
      const chunk = Array.from({ length: 1000 }, (_, k) => row(id, start + k));
      const values = chunk.map((r, j) => `(${r.map((_, k) => `$${j * r.length + k + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO campaign_members (${COLUMNS}) VALUES ${values}`, chunk.flat());
    }
    await client.query('ANALYZE campaign_members');
    await client.end();
  } else {
    seedSqliteMembers(file, id, N);
  }
  const timed = async (url: string) => {
    const rounds: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const start = process.hrtime.bigint();
      await request(app.app).get(url).set(operator.bearer).expect(200);
      rounds.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return rounds.sort((a, b) => a - b)[2]!.toFixed(0);
  };
  const dashboard = await timed(`/api/v1/campaigns/${id}`);
  const needing = await timed(`/api/v1/campaigns/${id}/members?action=deadline-passed&page=1`);
  const deep = await timed(`/api/v1/campaigns/${id}/members?page=2000&size=50`);
  process.stdout.write(
    `${kind}, ${N} members, median of 5 (ms): dashboard ${dashboard}, deadline-passed page ${needing}, ` +
      `page 2000 ${deep}\n`,
  );
  await app.stop();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});
