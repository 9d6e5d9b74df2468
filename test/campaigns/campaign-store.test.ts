import type { MemberEvent } from '../../server/core/campaign/member-events';
import type { CampaignStore } from '../../server/use-cases/campaigns/campaign-store';
import { seedMembers, sha256ForRow, testCampaign } from '../support/campaigns';
import { STORAGES, type TestStorage } from '../support/storages';

const DAY = 24 * 60 * 60 * 1000;
const event = (data: MemberEvent['data'], at = 1_700_000_100_000, operatorId: string | null = 'op'): MemberEvent => ({
  at,
  operatorId,
  data,
});

describe.each(STORAGES)('the campaign store on %s', (_kind, open) => {
  let opened: TestStorage;
  let store: CampaignStore;
  beforeEach(async () => {
    opened = await open();
    store = opened.storage.campaigns;
  });
  afterEach(() => opened.dispose());

  test('a campaign keeps its settings; lists are numbered in order', async () => {
    const campaign = testCampaign({ letter: { deadlineDays: 20 }, send: 'member' });
    await store.create(campaign);
    expect(await store.byId(campaign.id)).toEqual(campaign);
    expect(await store.list()).toEqual([campaign]);
    const lists = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        store.addList({
          id: `${campaign.id}-${name}`,
          campaignId: campaign.id,
          batchId: null,
          addedAt: 1,
          addedBy: 'op',
        }),
      ),
    );
    expect(lists.map((list) => list.number).sort()).toEqual([1, 2, 3]);
    expect((await store.lists(campaign.id)).map((list) => list.number)).toEqual([1, 2, 3]);
  });

  test('statuses move only by events, each kept with who and when; a senseless event is refused', async () => {
    const campaign = testCampaign();
    await store.create(campaign);
    const [member] = await seedMembers(store, campaign.id, 1);
    expect(member).toMatchObject({ status: 'letter-ready', letterSha256: sha256ForRow(2), deadline: '2026-11-17' });
    const delivered = event({
      kind: 'delivered',
      proof: 'raccomandata-receipt',
      reference: 'RR123456789IT',
      deliveredOn: '2026-11-05',
      deadline: '2026-11-20',
    });
    const [recorded] = await store.record(campaign.id, [{ memberId: member!.id, event: delivered }]);
    expect(recorded).toMatchObject({
      ok: true,
      member: { status: 'delivered', sentVia: 'raccomandata', deadline: '2026-11-20' },
    });
    const refused = await store.record(campaign.id, [
      { memberId: member!.id, event: event({ kind: 'letter-not-produced', reason: 'invalid' }) },
      { memberId: 'nobody', event: delivered },
    ]);
    expect(refused).toEqual([
      { ok: false, refusal: 'already-produced' },
      { ok: false, refusal: 'unknown-member' },
    ]);
    const paid = event({ kind: 'outcome', outcome: 'paid', amountCents: 12_345, note: null }, 1_700_000_200_000, 'op2');
    await store.record(campaign.id, [{ memberId: member!.id, event: paid }]);
    expect(await store.member(campaign.id, member!.id)).toMatchObject({ status: 'paid', outcomeCents: 12_345 });
    const log = await store.events(member!.id);
    expect(log.map((entry) => [entry.data.kind, entry.operatorId, entry.at])).toEqual([
      ['letter-produced', null, 1_700_000_000_000],
      ['delivered', 'op', 1_700_000_100_000],
      ['outcome', 'op2', 1_700_000_200_000],
    ]);
  });

  test('members are found by row, codice fiscale, letter SHA-256 and message id; in another campaign, not', async () => {
    const campaign = testCampaign();
    const other = testCampaign();
    await store.create(campaign);
    await store.create(other);
    const members = await seedMembers(store, campaign.id, 3);
    await seedMembers(store, campaign.id, 1, { listNumber: 2 });
    await seedMembers(store, other.id, 3);
    await store.record(campaign.id, [
      {
        memberId: members[1]!.id,
        event: event({ kind: 'sent', channel: 'email', reference: '<m1@reclamo>', mailStatus: 'queued' }),
      },
    ]);
    const ids = (found: { id: string }[]) => found.map((member) => member.id);
    expect(ids(await store.find(campaign.id, { by: 'row', listNumber: 1, row: 3 }))).toEqual([members[1]!.id]);
    expect((await store.find(campaign.id, { by: 'row', listNumber: null, row: 2 })).length).toBe(2);
    expect(ids(await store.find(campaign.id, { by: 'tax-code', taxCode: members[2]!.taxCode! }))).toEqual([
      members[2]!.id,
    ]);
    expect(ids(await store.find(campaign.id, { by: 'sha256', sha256: sha256ForRow(4) }))).toEqual([members[2]!.id]);
    expect(ids(await store.find(campaign.id, { by: 'message-id', messageId: '<m1@reclamo>' }))).toEqual([
      members[1]!.id,
    ]);
    expect(await store.find(other.id, { by: 'message-id', messageId: '<m1@reclamo>' })).toEqual([]);
  });

  test('filters, pages, figures and the timeline', async () => {
    const campaign = testCampaign();
    await store.create(campaign);
    const members = await seedMembers(store, campaign.id, 7);
    await store.record(campaign.id, [
      { memberId: members[0]!.id, event: event({ kind: 'sent', channel: 'pec', reference: null }) },
      {
        memberId: members[1]!.id,
        event: event({
          kind: 'delivered',
          proof: 'pec-receipt',
          reference: 'opec1',
          deliveredOn: '2026-11-03',
          deadline: '2026-11-18',
        }),
      },
      {
        memberId: members[2]!.id,
        event: event({ kind: 'outcome', outcome: 'refused', amountCents: null, note: null }),
      },
      {
        memberId: members[3]!.id,
        event: event({
          kind: 'delivered',
          proof: 'pec-receipt',
          reference: 'opec2',
          deliveredOn: '2026-11-03',
          deadline: '2026-12-30',
        }),
      },
      { memberId: members[4]!.id, event: event({ kind: 'reply-received', receivedOn: '2026-11-10', note: null }) },
    ]);
    await store.record(campaign.id, [
      { memberId: members[4]!.id, event: event({ kind: 'outcome', outcome: 'paid', amountCents: 5_000, note: null }) },
    ]);
    const today = '2026-11-25';
    const figures = await store.figures(campaign.id, today);
    expect(figures).toMatchObject({
      members: 7,
      byStatus: { 'letter-ready': 2, sent: 1, delivered: 2, refused: 1, paid: 1, replied: 0 },
      // The sent one and the first delivered one have a deadline (17th, 18th) before the 25th.
      byAction: { 'to-send': 2, 'awaiting-proof': 0, 'deadline-passed': 2, 'reply-to-review': 0 },
      claimedCents: 70_000,
      recoveredCents: 5_000,
    });
    const passed = await store.page(campaign.id, { action: 'deadline-passed', today }, 0, 10);
    expect(passed.members.map((member) => member.row)).toEqual([2, 3]);
    const page = await store.page(campaign.id, {}, 2, 3);
    expect([page.total, page.members.map((member) => member.row)]).toEqual([7, [4, 5, 6]]);
    expect((await store.page(campaign.id, { status: 'delivered' }, 0, 10)).total).toBe(2);
    expect(await store.timeline(campaign.id)).toEqual([
      { day: '2026-11-02', letters: 7, deliveries: 0 },
      { day: '2026-11-03', letters: 0, deliveries: 2 },
    ]);
    const all: number[] = [];
    for await (const member of store.all(campaign.id)) all.push(member.row);
    expect(all).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  test('deleting a member removes them and their log; the sweep removes members quiet past the retention', async () => {
    const campaign = testCampaign({ retentionMonths: 1 });
    await store.create(campaign);
    const start = 1_700_000_000_000;
    const members = await seedMembers(store, campaign.id, 3, { at: start });
    expect(await store.deleteMember(campaign.id, members[0]!.id)).toBe(true);
    expect(await store.deleteMember(campaign.id, members[0]!.id)).toBe(false);
    expect(await store.member(campaign.id, members[0]!.id)).toBeNull();
    expect(await store.events(members[0]!.id)).toEqual([]);
    // Something recorded for the second member later keeps it past the first's retention.
    await store.record(campaign.id, [
      { memberId: members[1]!.id, event: event({ kind: 'sent', channel: 'pec', reference: null }, start + 20 * DAY) },
    ]);
    expect(await store.sweep(start + 30 * DAY)).toBe(0);
    expect(await store.sweep(start + 32 * DAY)).toBe(1);
    expect((await store.page(campaign.id, {}, 0, 10)).members.map((member) => member.id)).toEqual([members[1]!.id]);
    expect(await store.events(members[2]!.id)).toEqual([]);
  });
});
