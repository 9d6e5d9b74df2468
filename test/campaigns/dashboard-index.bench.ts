// Not a test (no timing is asserted):
//   npx jest --testMatch '**/dashboard-index.bench.ts' test/campaigns/dashboard-index.bench.ts
// prints the dashboard's figures with 100,000 members, with and without the figures index (migration SQLite 4 /
// PostgreSQL campaigns 3), on SQLite and on PostgreSQL, in interleaved rounds (the order rotates every round).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { openStorage, type Storage } from '../../server/storage/open-storage';
import { interleavedRounds, median } from '../../tools/bench/interleaved';
import { testCampaign } from '../support/campaigns';
import { freshDatabase } from '../support/postgres';

const N = 100_000;
const ROUNDS = 9;
const TODAY = '2026-12-10';
const STATUSES = ['letter-ready', 'sent', 'delivered', 'reminded', 'paid', 'refused', 'not-produced'];
const COLUMNS =
  'id, campaign_id, list_number, list_row, name, tax_code, mailbox, claimed_cents, deadline_days, created_at, ' +
  'status, status_at, letter_sha256, letter_date, delivered_on, deadline, outcome_cents, last_event_at';
const row = (campaignId: string, i: number) => {
  const status = STATUSES[i % STATUSES.length]!;
  const day = (n: number) => String(n).padStart(2, '0');
  return [
    randomUUID(), campaignId, 1, i + 2, `Socio ${i}`, 'RSSMRA79B11C566R', `s${i}@libero.it`, 10_000 + (i % 7), 15, 1,
    status, 1, i.toString(16).padStart(64, '0'), `2026-11-${day((i % 28) + 1)}`,
    status === 'delivered' ? `2026-11-${day((i % 20) + 1)}` : null, `2026-12-${day((i % 28) + 1)}`,
    status === 'paid' ? 5_000 : null, Date.now(),
  ]; // prettier-ignore
};

/** The dashboard's reads (Campaigns.dashboard): counts and sums by status and action, the timeline, the lists. */
const dashboard = (storage: Storage, id: string) =>
  Promise.all([storage.campaigns.figures(id, TODAY), storage.campaigns.timeline(id), storage.campaigns.lists(id)]);

async function fill(storage: Storage, sqliteFile: string | null, url: string | null): Promise<string> {
  const campaign = testCampaign();
  await storage.campaigns.create(campaign);
  if (sqliteFile) {
    const db = new Database(sqliteFile);
    const insert = db.prepare(
      `INSERT INTO campaign_members (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?')})`,
    );
    db.transaction(() => {
      for (let i = 0; i < N; i += 1) insert.run(...row(campaign.id, i));
    })();
    db.exec('ANALYZE');
    db.close();
  } else {
    const client = new Client({ connectionString: url! });
    await client.connect();
    for (let start = 0; start < N; start += 1000) {
      const chunk = Array.from({ length: 1000 }, (_, k) => row(campaign.id, start + k));
      const values = chunk.map((r, j) => `(${r.map((_, k) => `$${j * r.length + k + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO campaign_members (${COLUMNS}) VALUES ${values}`, chunk.flat());
    }
    await client.query('ANALYZE campaign_members');
    await client.end();
  }
  return campaign.id;
}

async function dropFiguresIndex(sqliteFile: string | null, url: string | null): Promise<void> {
  if (sqliteFile) {
    const db = new Database(sqliteFile);
    db.exec('DROP INDEX campaign_members_figures; ANALYZE');
    db.close();
    return;
  }
  const client = new Client({ connectionString: url! });
  await client.connect();
  await client.query('DROP INDEX campaign_members_figures');
  await client.query('ANALYZE campaign_members');
  await client.end();
}

test.each(['SQLite', 'PostgreSQL'])(
  'the dashboard with 100,000 members on %s, with and without the index',
  async (kind) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-dash-index-'));
    const arms: Array<{ storage: Storage; id: string; drop: () => Promise<void> }> = [];
    for (const withIndex of [true, false]) {
      const file = path.join(dir, `${withIndex ? 'with' : 'without'}.sqlite`);
      const database = kind === 'PostgreSQL' ? await freshDatabase() : null;
      const storage = openStorage({ STORAGE_DATABASE_PATH: file, ...(database ? { DATABASE_URL: database.url } : {}) });
      await storage.ready;
      const id = await fill(storage, database ? null : file, database?.url ?? null);
      if (!withIndex) await dropFiguresIndex(database ? null : file, database?.url ?? null);
      arms.push({ storage, id, drop: async () => database?.drop() });
    }
    const [after, before] = arms as [(typeof arms)[0], (typeof arms)[0]];
    // Both give the same figures.
    expect(await dashboard(after.storage, after.id).then(([figures]) => figures)).toEqual(
      await dashboard(before.storage, before.id).then(([figures]) => figures),
    );
    const results = await interleavedRounds(ROUNDS, {
      withIndex: async () => void (await dashboard(after.storage, after.id)),
      withoutIndex: async () => void (await dashboard(before.storage, before.id)),
    });
    const ms = (arm: keyof typeof results) => (median(results[arm].map((timing) => timing.wall)) * 1000).toFixed(0);
    process.stdout.write(
      `${kind}, ${N} members, dashboard reads, median of ${ROUNDS} interleaved rounds: without the figures index ` +
        `${ms('withoutIndex')} ms, with it ${ms('withIndex')} ms (load ${os.loadavg()[0]!.toFixed(1)})\n`,
    );
    for (const arm of arms) {
      await arm.storage.close();
      await arm.drop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  },
  600_000,
);
