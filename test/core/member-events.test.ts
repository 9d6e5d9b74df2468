import fc from 'fast-check';
import {
  actionOf,
  applyEvent,
  EMPTY_MEMBER_STATE,
  foldEvents,
  type MemberEvent,
} from '../../server/core/campaign/member-events';

const at = (n: number) => 1_700_000_000_000 + n;
const produced: MemberEvent = {
  at: at(0),
  operatorId: null,
  data: { kind: 'letter-produced', sha256: 'a'.repeat(64), letterDate: '2026-11-02', deadline: '2026-11-17' },
};

test('a letter, its delivery, a follow-up and a payment: each event moves the status, the fold gives the same', () => {
  const events: MemberEvent[] = [
    produced,
    { at: at(1), operatorId: 'op', data: { kind: 'sent', channel: 'pec', reference: null } },
    {
      at: at(2),
      operatorId: 'op',
      data: {
        kind: 'delivered',
        proof: 'pec-receipt',
        reference: 'x',
        deliveredOn: '2026-11-03',
        deadline: '2026-11-18',
      },
    },
    {
      at: at(3),
      operatorId: 'op',
      data: { kind: 'follow-up-produced', document: 'sollecito', deadline: '2026-12-10' },
    },
    { at: at(4), operatorId: 'op', data: { kind: 'outcome', outcome: 'paid', amountCents: 4_000, note: null } },
  ];
  const statuses: unknown[] = [];
  let state = EMPTY_MEMBER_STATE;
  for (const event of events) {
    const next = applyEvent(state, event);
    if (!next.ok) throw new Error(next.refusal);
    state = next.state;
    statuses.push([state.status, actionOf(state, '2026-11-25')]);
  }
  expect(statuses).toEqual([
    ['letter-ready', 'to-send'],
    ['sent', 'deadline-passed'],
    ['delivered', 'deadline-passed'],
    ['reminded', null],
    ['paid', null],
  ]);
  expect(foldEvents(events)).toEqual(state);
  expect(state).toMatchObject({ followUps: 1, outcomeCents: 4_000, deliveredOn: '2026-11-03', lastEventAt: at(4) });
});

test('events that make no sense from the current status are refused with a reason', () => {
  const outcome = { kind: 'outcome', outcome: 'paid', amountCents: 1, note: null } as const;
  expect(applyEvent(EMPTY_MEMBER_STATE, { at: 0, operatorId: 'op', data: outcome })).toEqual({
    ok: false,
    refusal: 'no-letter',
  });
  const notProduced = foldEvents([
    { at: 0, operatorId: null, data: { kind: 'letter-not-produced', reason: 'invalid' } },
  ]);
  expect(applyEvent(notProduced, { at: 1, operatorId: 'op', data: outcome })).toMatchObject({ refusal: 'no-letter' });
  const ready = foldEvents([produced]);
  expect(applyEvent(ready, produced)).toMatchObject({ refusal: 'already-produced' });
  expect(
    applyEvent(ready, {
      at: 1,
      operatorId: 'op',
      data: { kind: 'reply-received', receivedOn: '2026-11-04', note: null },
    }),
  ).toMatchObject({ ok: false });
});

test('whatever events are tried, the status is the one of the last accepted event and time never goes back', () => {
  const kinds = fc.constantFrom<MemberEvent['data']>(
    { kind: 'sent', channel: 'raccomandata', reference: 'RR1' },
    {
      kind: 'delivered',
      proof: 'raccomandata-receipt',
      reference: 'RR1',
      deliveredOn: '2026-11-04',
      deadline: '2026-11-19',
    },
    { kind: 'reply-received', receivedOn: '2026-11-06', note: null },
    { kind: 'follow-up-produced', document: 'sollecito', deadline: '2026-12-01' },
    { kind: 'outcome', outcome: 'refused', amountCents: null, note: null },
    { kind: 'outcome', outcome: 'partially-paid', amountCents: 100, note: null },
  );
  fc.assert(
    fc.property(fc.array(kinds, { maxLength: 12 }), (tried) => {
      let state = foldEvents([produced]);
      tried.forEach((data, index) => {
        const next = applyEvent(state, { at: at(index + 1), operatorId: 'op', data });
        if (next.ok) {
          expect(next.state.lastEventAt).toBe(at(index + 1));
          state = next.state;
        }
      });
      expect(state.status).not.toBeNull();
    }),
  );
});
