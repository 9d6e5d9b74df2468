import type { Cents } from '../money/money';
import type { IsoDate } from '../time/rome-time';

/**
 * Where a member's claim stands. It is never written directly: it is what the member's events, in order, lead to
 * (`applyEvent`), and an event that makes no sense from where the claim stands is refused with its reason.
 */
export const MEMBER_STATUSES = [
  'not-produced',
  'letter-ready',
  'sent',
  'delivered',
  'reminded',
  'replied',
  'paid',
  'partially-paid',
  'refused',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const SEND_CHANNELS = ['email', 'pec', 'raccomandata'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

export const DELIVERY_PROOFS = ['pec-receipt', 'raccomandata-receipt'] as const;
export type DeliveryProof = (typeof DELIVERY_PROOFS)[number];

export const OUTCOMES = ['paid', 'partially-paid', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What happened to one member's claim; each is kept, with who recorded it and when, and never rewritten. */
export type MemberEventData =
  | { kind: 'letter-produced'; sha256: string; letterDate: IsoDate; deadline: IsoDate }
  | { kind: 'letter-not-produced'; reason: 'not-eligible' | 'invalid' | 'duplicate' }
  | { kind: 'sent'; channel: SendChannel; reference: string | null; mailStatus?: string }
  /** `deadline`: the term runs from receipt, so delivery gives the claim its real deadline. */
  | { kind: 'delivered'; proof: DeliveryProof; reference: string; deliveredOn: IsoDate; deadline: IsoDate }
  | { kind: 'reply-received'; receivedOn: IsoDate; note: string | null }
  | { kind: 'follow-up-produced'; document: string; deadline: IsoDate }
  | { kind: 'outcome'; outcome: Outcome; amountCents: Cents | null; note: string | null };
export type MemberEventKind = MemberEventData['kind'];

export interface MemberEvent {
  at: number;
  /** The operator who recorded it (null: the system, e.g. a batch row). */
  operatorId: string | null;
  data: MemberEventData;
}

/** What the events of one member add up to: the columns the register, the filters and the dashboard read. */
export interface MemberState {
  status: MemberStatus | null;
  statusAt: number | null;
  letterSha256: string | null;
  letterDate: IsoDate | null;
  sentVia: SendChannel | null;
  sentReference: string | null;
  mailStatus: string | null;
  deliveredOn: IsoDate | null;
  deliveryProof: DeliveryProof | null;
  deliveryReference: string | null;
  /** The day the provider must have answered by: the letter's, then the follow-up's. */
  deadline: IsoDate | null;
  repliedOn: IsoDate | null;
  outcome: Outcome | null;
  outcomeCents: Cents | null;
  followUps: number;
  lastEventAt: number | null;
}

export const EMPTY_MEMBER_STATE: MemberState = {
  status: null,
  statusAt: null,
  letterSha256: null,
  letterDate: null,
  sentVia: null,
  sentReference: null,
  mailStatus: null,
  deliveredOn: null,
  deliveryProof: null,
  deliveryReference: null,
  deadline: null,
  repliedOn: null,
  outcome: null,
  outcomeCents: null,
  followUps: 0,
  lastEventAt: null,
};

export type EventRefusal = 'no-letter' | 'already-produced' | 'closed';

/** From which statuses each kind of event may be recorded (null: the member's first event). */
const ALLOWED_FROM: Record<MemberEventKind, ReadonlyArray<MemberStatus | null>> = {
  'letter-produced': [null],
  'letter-not-produced': [null],
  sent: ['letter-ready', 'sent'],
  // A PEC receipt of the letter proves it was sent as well as delivered.
  delivered: ['letter-ready', 'sent', 'delivered', 'reminded'],
  'reply-received': ['sent', 'delivered', 'reminded', 'replied'],
  'follow-up-produced': ['sent', 'delivered', 'reminded', 'replied'],
  // An outcome may be corrected by a later one (a partial payment completed, a refusal reconsidered).
  outcome: ['letter-ready', 'sent', 'delivered', 'reminded', 'replied', 'paid', 'partially-paid', 'refused'],
};

function refusalFor(state: MemberState, kind: MemberEventKind): EventRefusal {
  if (state.status === null || state.status === 'not-produced') return 'no-letter';
  if (kind === 'letter-produced' || kind === 'letter-not-produced') return 'already-produced';
  return 'closed';
}

export type ApplyOutcome = { ok: true; state: MemberState } | { ok: false; refusal: EventRefusal };

/** The state after one more event, or why the event cannot be recorded from the state the member is in. */
export function applyEvent(state: MemberState, event: MemberEvent): ApplyOutcome {
  const { data } = event;
  if (!ALLOWED_FROM[data.kind].includes(state.status)) return { ok: false, refusal: refusalFor(state, data.kind) };
  const base = { ...state, statusAt: event.at, lastEventAt: event.at };
  switch (data.kind) {
    case 'letter-produced':
      return {
        ok: true,
        state: {
          ...base,
          status: 'letter-ready',
          letterSha256: data.sha256,
          letterDate: data.letterDate,
          deadline: data.deadline,
        },
      };
    case 'letter-not-produced':
      return { ok: true, state: { ...base, status: 'not-produced' } };
    case 'sent':
      return {
        ok: true,
        state: {
          ...base,
          status: 'sent',
          sentVia: data.channel,
          sentReference: data.reference,
          mailStatus: data.mailStatus ?? null,
        },
      };
    case 'delivered':
      return {
        ok: true,
        state: {
          ...base,
          status: state.status === 'reminded' ? 'reminded' : 'delivered',
          sentVia: state.sentVia ?? (data.proof === 'pec-receipt' ? 'pec' : 'raccomandata'),
          deliveredOn: data.deliveredOn,
          deliveryProof: data.proof,
          deliveryReference: data.reference,
          deadline: state.status === 'reminded' ? state.deadline : data.deadline,
        },
      };
    case 'reply-received':
      return { ok: true, state: { ...base, status: 'replied', repliedOn: data.receivedOn } };
    case 'follow-up-produced':
      return {
        ok: true,
        state: { ...base, status: 'reminded', followUps: state.followUps + 1, deadline: data.deadline },
      };
    case 'outcome':
      return {
        ok: true,
        state: { ...base, status: data.outcome, outcome: data.outcome, outcomeCents: data.amountCents },
      };
  }
}

/** The state a member's whole event log leads to (events that were refused never reach the log). */
export function foldEvents(events: readonly MemberEvent[]): MemberState {
  let state = EMPTY_MEMBER_STATE;
  for (const event of events) {
    const next = applyEvent(state, event);
    if (next.ok) state = next.state;
  }
  return state;
}

/** What an operator has to do next for a member, on `today` (a Rome date). */
export const ACTIONS = ['to-send', 'awaiting-proof', 'deadline-passed', 'reply-to-review'] as const;
export type MemberAction = (typeof ACTIONS)[number];

/** The statuses each action covers; "deadline passed" also needs the deadline to be before today. */
export const ACTION_STATUSES: Record<MemberAction, readonly MemberStatus[]> = {
  'to-send': ['letter-ready'],
  'awaiting-proof': ['sent'],
  'deadline-passed': ['sent', 'delivered', 'reminded'],
  'reply-to-review': ['replied'],
};

export function actionOf(state: Pick<MemberState, 'status' | 'deadline'>, today: IsoDate): MemberAction | null {
  const { status, deadline } = state;
  if (status === null) return null;
  if (ACTION_STATUSES['deadline-passed'].includes(status) && deadline !== null && deadline < today)
    return 'deadline-passed';
  for (const action of ['to-send', 'awaiting-proof', 'reply-to-review'] as const)
    if (ACTION_STATUSES[action].includes(status)) return action;
  return null;
}
