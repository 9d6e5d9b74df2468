import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Campaign } from '../../server/core/campaign/campaign-schema';
import type { MemberEvent } from '../../server/core/campaign/member-events';
import type { CampaignStore, MemberIdentity, MemberRecord } from '../../server/use-cases/campaigns/campaign-store';

export const TEST_ASSOCIATION = {
  name: 'Associazione Consumatori Test',
  taxCode: '97000000000',
  street: 'Via Roma 1',
  postalCode: '00100',
  city: 'Roma',
  province: 'RM',
  pec: 'associazione@pec.example.it',
  representative: 'Maria Bianchi',
};

/** A campaign record as the create use case stores it. */
export function testCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: randomUUID(),
    name: 'Libero gennaio 2023',
    association: TEST_ASSOCIATION as Campaign['association'],
    letter: {},
    retentionMonths: 24,
    createdAt: 1_700_000_000_000,
    createdBy: 'operator-1',
    ...overrides,
  };
}

/** `count` members with a letter each (row 2…, SHA-256 derived from the row), straight into the store. */
export async function seedMembers(
  store: CampaignStore,
  campaignId: string,
  count: number,
  options: { listNumber?: number; at?: number; letterDate?: string; deadline?: string } = {},
): Promise<MemberRecord[]> {
  const members: MemberRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const row = index + 2;
    const identity: MemberIdentity = {
      listNumber: options.listNumber ?? 1,
      row,
      name: `Socio ${row}`,
      taxCode: `TSTSCO80A01H501${String.fromCharCode(65 + (row % 26))}`,
      mailbox: `socio${row}@libero.it`,
      email: `socio${row}@example.org`,
      claimedCents: 10_000,
      deadlineDays: 15,
    };
    const first: MemberEvent = {
      at: options.at ?? 1_700_000_000_000,
      operatorId: null,
      data: {
        kind: 'letter-produced',
        sha256: sha256ForRow(row, options.listNumber ?? 1),
        letterDate: options.letterDate ?? '2026-11-02',
        deadline: options.deadline ?? '2026-11-17',
      },
    };
    members.push(await store.addMember({ ...identity, id: randomUUID(), campaignId, createdAt: first.at }, first));
  }
  return members;
}

export function sha256ForRow(row: number, listNumber = 1): string {
  return `${listNumber.toString(16).padStart(4, '0')}${row.toString(16).padStart(60, '0')}`;
}

/** Columns of campaign_members a seeded member fills (the bench and the 100,000-member page test). */
export const SEEDED_MEMBER_COLUMNS =
  'id, campaign_id, list_number, list_row, name, tax_code, mailbox, claimed_cents, deadline_days, created_at, ' +
  'status, status_at, letter_sha256, letter_date, delivered_on, deadline, last_event_at';
const SEEDED_STATUSES = ['letter-ready', 'sent', 'delivered', 'paid', 'refused', 'not-produced'];

/** Member `i` of a seeded campaign: statuses in turn, letters through November 2026, deliveries of the delivered. */
export function seededMemberRow(campaignId: string, i: number): unknown[] {
  const status = SEEDED_STATUSES[i % SEEDED_STATUSES.length]!;
  const day = (n: number) => String(n).padStart(2, '0');
  return [
    randomUUID(), campaignId, 1, i + 2, `Socio ${i}`, 'RSSMRA79B11C566R', `s${i}@libero.it`, 10_000, 15, 1, status, 1,
    i.toString(16).padStart(64, '0'), `2026-11-${day((i % 28) + 1)}`,
    status === 'delivered' ? `2026-11-${day((i % 20) + 1)}` : null, `2026-12-${day((i % 28) + 1)}`, Date.now(),
  ]; // prettier-ignore
}

/** `count` members written straight into a SQLite storage file in one transaction (no event log: a load test). */
export function seedSqliteMembers(file: string, campaignId: string, count: number): void {
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO campaign_members (${SEEDED_MEMBER_COLUMNS}) VALUES (${SEEDED_MEMBER_COLUMNS.split(',')
      .map(() => '?')
      .join(', ')})`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) insert.run(...seededMemberRow(campaignId, i));
  })();
  db.exec('ANALYZE');
  db.close();
}
