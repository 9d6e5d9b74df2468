import fs from 'node:fs';
import path from 'node:path';
import { retentionMs } from '../../server/core/campaign/campaign-schema';
import { openStorage, type Storage } from '../../server/storage/open-storage';
import { sqlCampaignStore } from '../../server/storage/sql/sql-campaign-store';
import { MIGRATIONS, migrate } from '../../server/storage/sqlite/migrations';
import { openSqlite } from '../../server/storage/sqlite/open-sqlite';
import { sqliteSql } from '../../server/storage/sqlite/sqlite-sql';
import { Campaigns } from '../../server/use-cases/campaigns/campaigns';
import { workedExampleClaim } from '../fixtures/claims';
import { FIRST_LETTERS_AT, recordLetterMember } from '../support/campaign-letters';
import { seedMembers, testCampaign } from '../support/campaigns';
import { tempDir } from '../support/mail-fixtures';
import { addTestOperator } from '../support/operators';
import { STORAGES, type TestStorage } from '../support/storages';
import { freshDatabase } from '../support/postgres';
import { RULESET } from '../../server/core/rules/ruleset';

/** A street no other fixture has: where it appears, the member's claim is still there. */
const MARKER = 'Via Zefiro Segreto 4217';
const markedClaim = () => {
  const claim = workedExampleClaim();
  return { ...claim, claimant: { ...claim.claimant, address: { ...claim.claimant.address, street: MARKER } } };
};

const campaignsOf = (storage: Storage, now: number) =>
  new Campaigns(storage.campaigns, { ruleset: RULESET, audit: storage.operators.audit, clock: () => now });

describe.each(STORAGES)('members keep their claim on %s', (_kind, open) => {
  let opened: TestStorage;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(() => opened.dispose());

  test('the batch row records the validated claim with the letter’s date; the member’s export carries it', async () => {
    const { campaigns: store } = opened.storage;
    const campaign = testCampaign();
    await store.create(campaign);
    const { member } = await recordLetterMember(store, campaign.id, markedClaim(), 2);
    const claim = await store.memberClaim(campaign.id, member.id);
    expect(claim).toMatchObject({
      claimant: { taxCode: 'RSSMRA79B11C566R', address: { street: MARKER } },
      account: { mailbox: 'mario.rossi@libero.it' },
      letter: { date: '2026-10-20', place: 'Milano' },
    });
    // Not in another campaign; none for a member recorded without a letter (or before claims were kept).
    expect(await store.memberClaim(testCampaign().id, member.id)).toBeNull();
    const [old] = await seedMembers(store, campaign.id, 1, { listNumber: 2 });
    expect(await store.memberClaim(campaign.id, old!.id)).toBeNull();
    const operator = await addTestOperator(opened.storage);
    const exported = await campaignsOf(opened.storage, FIRST_LETTERS_AT).exportMember(campaign, member.id, operator.id);
    expect(exported?.claim).toEqual(claim);
    expect(JSON.stringify(exported)).toContain(MARKER);
  });
});

/** Every row of the campaign tables, as text: what a deleted member must not be found in. */
async function rawRowsOnPostgres(url: string): Promise<string> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = ['campaign_members', 'member_events', 'member_claims'];
    const rows = await Promise.all(tables.map((table) => client.query(`SELECT t::text AS row FROM ${table} t`)));
    return rows.flatMap((result) => result.rows.map((row: { row: string }) => row.row)).join('\n');
  } finally {
    await client.end();
  }
}

interface Seeded {
  campaign: ReturnType<typeof testCampaign>;
  deleted: string;
  swept: string;
}

/** Two members with a letter and the marked claim: one to delete, one for the retention sweep. */
async function seed(storage: Storage): Promise<Seeded> {
  const campaign = testCampaign({ retentionMonths: 1 });
  await storage.campaigns.create(campaign);
  const deleted = await recordLetterMember(storage.campaigns, campaign.id, markedClaim(), 2);
  const swept = await recordLetterMember(storage.campaigns, campaign.id, markedClaim(), 3);
  return { campaign, deleted: deleted.member.id, swept: swept.member.id };
}

async function deleteThenSweep(storage: Storage, { campaign, deleted, swept }: Seeded): Promise<void> {
  const store = storage.campaigns;
  const operator = await addTestOperator(storage);
  expect(await campaignsOf(storage, FIRST_LETTERS_AT).deleteMember(campaign, deleted, operator.id)).toBe(true);
  expect(await store.memberClaim(campaign.id, deleted)).toBeNull();
  expect(await store.memberClaim(campaign.id, swept)).not.toBeNull();
  const later = FIRST_LETTERS_AT + retentionMs(1) + 1;
  expect(await campaignsOf(storage, later).sweep()).toBe(1);
  expect(await store.memberClaim(campaign.id, swept)).toBeNull();
}

const fileBytes = (file: string) =>
  Buffer.concat([file, `${file}-wal`].filter((name) => fs.existsSync(name)).map((name) => fs.readFileSync(name)));

test('on SQLite a deleted and a swept member’s claim leave no byte in the file', async () => {
  const file = path.join(tempDir('member-claims'), 'storage.sqlite');
  const first = openStorage({ STORAGE_DATABASE_PATH: file });
  const seeded = await seed(first);
  await first.close(); // closing checkpoints the WAL into the file
  expect(fileBytes(file).includes(Buffer.from(MARKER))).toBe(true); // the test sees the claim while it is there
  const again = openStorage({ STORAGE_DATABASE_PATH: file });
  await deleteThenSweep(again, seeded);
  await again.close();
  const bytes = fileBytes(file);
  expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
  expect(bytes.includes(Buffer.from('RSSMRA79B11C566R'))).toBe(false);
});

test('on PostgreSQL a deleted and a swept member’s claim are in no row', async () => {
  const database = await freshDatabase();
  const storage = openStorage({ STORAGE_DATABASE_PATH: ':memory:', DATABASE_URL: database.url });
  try {
    await storage.ready;
    const seeded = await seed(storage);
    expect(await rawRowsOnPostgres(database.url)).toContain(MARKER);
    await deleteThenSweep(storage, seeded);
    const rows = await rawRowsOnPostgres(database.url);
    expect(rows).not.toContain(MARKER);
    expect(rows).not.toContain('RSSMRA79B11C566R');
  } finally {
    await storage.close();
    await database.drop();
  }
});

test('a member recorded before the claims migration has no claim after it; the migration touches nothing else', async () => {
  const file = path.join(tempDir('member-claims-migration'), 'storage.sqlite');
  const db = openSqlite(file);
  expect(
    migrate(
      db,
      MIGRATIONS.filter((step) => step.version < 3),
    ),
  ).toEqual([1, 2]);
  const store = sqlCampaignStore(sqliteSql(db));
  const campaign = testCampaign();
  await store.create(campaign);
  const [member] = await seedMembers(store, campaign.id, 1);
  db.close();
  const storage = openStorage({ STORAGE_DATABASE_PATH: file });
  try {
    expect(await storage.campaigns.member(campaign.id, member!.id)).toEqual(member);
    expect(await storage.campaigns.memberClaim(campaign.id, member!.id)).toBeNull();
  } finally {
    await storage.close();
  }
});
