import { randomUUID } from 'node:crypto';
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
