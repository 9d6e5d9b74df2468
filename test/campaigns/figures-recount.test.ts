import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  ACTIONS,
  actionOf,
  foldEvents,
  MEMBER_STATUSES,
  type MemberEvent,
  type MemberEventData,
} from '../../server/core/campaign/member-events';
import type { CampaignFigures, DayCount } from '../../server/use-cases/campaigns/campaign-store';
import { testCampaign } from '../support/campaigns';
import { STORAGES, type TestStorage } from '../support/storages';

const day = fc.integer({ min: 1, max: 9 }).map((n) => `2026-11-0${n}`);
const cents = fc.integer({ min: 0, max: 50_000 });

const firstEvent: fc.Arbitrary<MemberEventData> = fc.oneof(
  fc.record({
    kind: fc.constant('letter-produced' as const),
    sha256: fc.constant('a'.repeat(64)),
    letterDate: day,
    deadline: day,
  }),
  fc.record({
    kind: fc.constant('letter-not-produced' as const),
    reason: fc.constantFrom('not-eligible' as const, 'invalid' as const, 'duplicate' as const),
  }),
);

/** Any later event, sensible or not from where the member stands: the store refuses what the core refuses. */
const laterEvent: fc.Arbitrary<MemberEventData> = fc.oneof(
  fc.record({
    kind: fc.constant('sent' as const),
    channel: fc.constantFrom('email' as const, 'pec' as const, 'raccomandata' as const),
    reference: fc.constantFrom(null, 'RR1', '<m@x>'),
  }),
  fc.record({
    kind: fc.constant('delivered' as const),
    proof: fc.constantFrom('pec-receipt' as const, 'raccomandata-receipt' as const),
    reference: fc.constant('ref'),
    deliveredOn: day,
    deadline: day,
  }),
  fc.record({ kind: fc.constant('reply-received' as const), receivedOn: day, note: fc.constant(null) }),
  fc.record({ kind: fc.constant('follow-up-produced' as const), document: fc.constant('sollecito'), deadline: day }),
  fc.record({
    kind: fc.constant('outcome' as const),
    outcome: fc.constantFrom('paid' as const, 'partially-paid' as const, 'refused' as const),
    amountCents: fc.option(cents, { nil: null }),
    note: fc.constant(null),
  }),
);

const memberHistory = fc.record({
  claimedCents: fc.option(cents, { nil: null }),
  first: firstEvent,
  later: fc.array(laterEvent, { maxLength: 6 }),
});

/** The dashboard's figures counted again from each member's events alone (the core's fold), not from the store. */
function recount(histories: MemberEvent[][], claimed: Array<number | null>, today: string) {
  const figures: CampaignFigures = {
    members: histories.length,
    byStatus: Object.fromEntries(MEMBER_STATUSES.map((status) => [status, 0])) as CampaignFigures['byStatus'],
    byAction: Object.fromEntries(ACTIONS.map((action) => [action, 0])) as CampaignFigures['byAction'],
    claimedCents: claimed.reduce<number>((sum, value) => sum + (value ?? 0), 0),
    recoveredCents: 0,
  };
  const days = new Map<string, DayCount>();
  const at = (on: string) => days.get(on) ?? days.set(on, { day: on, letters: 0, deliveries: 0 }).get(on)!;
  for (const events of histories) {
    const state = foldEvents(events);
    if (state.status) figures.byStatus[state.status] += 1;
    const action = actionOf(state, today);
    if (action) figures.byAction[action] += 1;
    figures.recoveredCents += state.outcomeCents ?? 0;
    if (state.letterDate) at(state.letterDate).letters += 1;
    if (state.deliveredOn) at(state.deliveredOn).deliveries += 1;
  }
  return { figures, timeline: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}

describe.each(STORAGES)('the dashboard’s figures on %s', (kind, open) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened.dispose());

  test('equal a full recount of the members’ events, whatever the events (refused ones included)', async () => {
    const store = opened.storage.campaigns;
    await fc.assert(
      fc.asyncProperty(fc.array(memberHistory, { minLength: 1, maxLength: 6 }), day, async (members, today) => {
        const campaign = testCampaign();
        await store.create(campaign);
        const histories: MemberEvent[][] = [];
        for (const [index, history] of members.entries()) {
          const events = [history.first, ...history.later].map((data, step): MemberEvent => ({
            at: 1_700_000_000_000 + step,
            operatorId: null,
            data,
          }));
          const id = randomUUID();
          const identity = {
            id,
            campaignId: campaign.id,
            createdAt: events[0]!.at,
            listNumber: 1,
            row: index + 2,
            name: `Socio ${index}`,
            taxCode: null,
            mailbox: null,
            email: null,
            claimedCents: history.claimedCents,
            deadlineDays: 15,
          };
          await store.addMember(identity, events[0]!);
          // One event per call and several in one call: both paths refuse what the core refuses.
          const [second, ...rest] = events.slice(1);
          if (second) await store.record(campaign.id, [{ memberId: id, event: second }]);
          if (rest.length > 0)
            await store.record(
              campaign.id,
              rest.map((event) => ({ memberId: id, event })),
            );
          histories.push(events);
        }
        const expected = recount(
          histories,
          members.map((member) => member.claimedCents),
          today,
        );
        expect(await store.figures(campaign.id, today)).toEqual(expected.figures);
        expect(await store.timeline(campaign.id)).toEqual(expected.timeline);
      }),
      { numRuns: kind === 'SQLite' ? 60 : 20 },
    );
  }, 120_000);
});
