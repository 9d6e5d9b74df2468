import type { Assessment } from '../assessment/assess-claim';
import { isNaturalPerson } from '../assessment/compensation';
import { courtFor, type CourtChoice } from '../assessment/courts';
import { deadlineOf, type Deadline } from '../assessment/deadline';
import { lastDayOfPrescription } from '../assessment/eligibility';
import type { Claim } from '../claim/claim-schema';
import type { Cents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { addYears, type Instant, type IsoDate } from '../time/rome-time';
import { courtFeeFor, type CourtFee } from './court-fee';
import type { Followup } from './followup-schema';
import { legalInterest, type InterestFigure } from './legal-interest';

/**
 * What a PEC receipt proved about the first letter, in the core's words (server/pec reads the receipt; the use case
 * maps its verdict to this). `exactLetter`: the receipt carries the letter itself and its SHA-256 matched.
 */
export type DeliveryProof =
  | { kind: 'delivered'; at: Instant; on: IsoDate; to: string; id: string; exactLetter: boolean }
  | { kind: 'failed'; at: Instant; reason: string }
  | { kind: 'accepted-only'; at: Instant }
  | { kind: 'other-message' };

/** Where the date of receipt comes from: the receipt, the claimant, a delivery by hand, or nowhere yet. */
export type ReceiptDateSource = 'pec-receipt' | 'declared' | 'by-hand' | 'estimated-from-sending';

export const DOCUMENT_KINDS = [
  'sollecito',
  'garante',
  'agcm',
  'conciliaweb',
  'giudice-di-pace',
  'accettazione-parziale',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Why a document does not apply (or, for applies: true, which variant of it). */
export type DocumentReason =
  | 'applies'
  | 'paid'
  | 'not-delivered'
  | 'deadline-not-passed'
  | 'prescribed'
  | 'business'
  | 'no-data-loss'
  | 'not-partial'
  /** Giudice di Pace: the claimant may act alone (a draft ricorso). */
  | 'self-represented'
  /** Giudice di Pace document as a note: above the self-representation limit, or another court. */
  | 'lawyer-needed';

export interface DocumentChoice {
  kind: DocumentKind;
  applies: boolean;
  reason: DocumentReason;
}

export interface FollowupStatus {
  followupDate: IsoDate;
  receivedOn: IsoDate;
  receivedOnSource: ReceiptDateSource;
  delivered: boolean;
  /** The first letter's term counted from its receipt, moved off holidays. */
  firstDeadline: Deadline;
  deadlinePassed: boolean;
  prescription: { lastDay: IsoDate; prescribed: boolean };
  totalCents: Cents;
  offerCents: Cents;
  /** What is still owed if the offer is accepted and paid (the whole claim otherwise). */
  remainingAfterOfferCents: Cents;
  /** What the sollecito and a court claim demand. */
  dueCents: Cents;
  consumer: boolean;
  dataLoss: boolean;
  lostMail: boolean;
  court: CourtChoice;
  selfRepresentation: boolean;
  courtFee: CourtFee | null;
  /** Interest at the legal rate on the sum due from the receipt to the follow-up date, when every rate is known. */
  interest: InterestFigure | null;
  /** The sollecito's own term, from the follow-up's date (the day it is at the earliest received). */
  finalTerm: Deadline;
  documents: DocumentChoice[];
}

export interface FollowupCase {
  claim: Claim;
  /** The first letter's assessment, made on its own date (an old letter keeps its date). */
  assessment: Assessment;
  followup: Followup;
  proof: DeliveryProof | null;
  today: IsoDate;
  ruleset: Ruleset;
}

function receiptDate(input: FollowupCase): { on: IsoDate; source: ReceiptDateSource } {
  const { followup, proof } = input;
  if (proof?.kind === 'delivered') return { on: proof.on, source: 'pec-receipt' };
  if (followup.receivedOn !== undefined) return { on: followup.receivedOn, source: 'declared' };
  if (followup.sent.method === 'hand') return { on: followup.sent.on, source: 'by-hand' };
  return { on: followup.sent.on, source: 'estimated-from-sending' };
}

/**
 * A demand interrupts prescription when it reaches the debtor (art. 2943, 1334–1335 c.c.) and a new term starts
 * (art. 2945): a period whose term had run out before the letter arrived stays prescribed; otherwise the new term
 * runs from the receipt.
 */
function prescriptionOf(input: FollowupCase, receivedOn: IsoDate): { lastDay: IsoDate; prescribed: boolean } {
  const years = input.ruleset.prescriptionYears.value;
  const firstEnd = Math.min(...input.assessment.periods.map((period) => period.end));
  const original = lastDayOfPrescription(firstEnd, years);
  if (receivedOn > original) return { lastDay: original, prescribed: true };
  const lastDay = addYears(receivedOn, years);
  return { lastDay, prescribed: input.today > lastDay };
}

/** Where the claim stands after the first letter, and which documents apply, each with the reason. */
export function assessFollowup(input: FollowupCase): FollowupStatus {
  const { claim, assessment, followup, proof, ruleset, today } = input;
  const followupDate = followup.date ?? today;
  const received = receiptDate(input);
  const delivered = proof?.kind !== 'failed';
  const firstDeadline = deadlineOf(received.on, assessment.deadlineDays, ruleset);
  const deadlinePassed = followupDate > firstDeadline.date;
  const prescription = prescriptionOf(input, received.on);
  const totalCents = assessment.compensation.totalCents;
  const offerCents = followup.outcome === 'partial' ? (followup.offer?.amount ?? 0) : 0;
  const remainingAfterOfferCents = Math.max(0, totalCents - offerCents);
  const dueCents = followup.outcome === 'paid' ? 0 : totalCents;
  const consumer = isNaturalPerson(claim);
  const damages = claim.damages ?? [];
  const dataLoss = damages.some((damage) => damage.kind === 'data-loss');
  const lostMail = damages.some((damage) => damage.kind === 'lost-mail');
  const court = courtFor(dueCents, followupDate, ruleset);
  const selfRepresentation =
    court.kind === 'giudice-di-pace' && dueCents <= ruleset.courts.selfRepresentationCents.value;
  const status = {
    followupDate,
    receivedOn: received.on,
    receivedOnSource: received.source,
    delivered,
    firstDeadline,
    deadlinePassed,
    prescription,
    totalCents,
    offerCents,
    remainingAfterOfferCents,
    dueCents,
    consumer,
    dataLoss,
    lostMail,
    court,
    selfRepresentation,
    courtFee: dueCents > 0 ? courtFeeFor(dueCents, ruleset.followUp) : null,
    interest: dueCents > 0 ? legalInterest(dueCents, received.on, followupDate, ruleset) : null,
    finalTerm: deadlineOf(followupDate, ruleset.followUp.finalTermDays.value, ruleset),
  };
  return { ...status, documents: documentsFor(status, followup) };
}

type StatusFacts = Omit<FollowupStatus, 'documents'>;

/** The reason every document shares: nothing more can be asked, or not yet. */
function commonBar(status: StatusFacts, followup: Followup): DocumentReason | null {
  if (followup.outcome === 'paid') return 'paid';
  if (!status.delivered) return 'not-delivered';
  if (status.prescription.prescribed) return 'prescribed';
  // Without an answer, the provider still has its term; a refusal or an offer is an answer.
  if (followup.outcome === 'no-reply' && !status.deadlinePassed) return 'deadline-not-passed';
  return null;
}

function documentsFor(status: StatusFacts, followup: Followup): DocumentChoice[] {
  const bar = commonBar(status, followup);
  const choice = (kind: DocumentKind, reason: DocumentReason | null, variant: DocumentReason = 'applies') => {
    const why = bar ?? reason;
    return why === null ? { kind, applies: true, reason: variant } : { kind, applies: false, reason: why };
  };
  const garanteBar = !status.consumer ? 'business' : status.dataLoss || status.lostMail ? null : 'no-data-loss';
  const acceptanceBar = followup.outcome === 'paid' ? 'paid' : followup.outcome !== 'partial' ? 'not-partial' : null;
  return [
    choice('sollecito', null),
    choice('garante', garanteBar),
    choice('agcm', status.consumer ? null : 'business'),
    choice('conciliaweb', null),
    choice('giudice-di-pace', null, status.selfRepresentation ? 'self-represented' : 'lawyer-needed'),
    // Accepting an offer needs no expired term and no delivery check: the provider made it.
    acceptanceBar === null
      ? { kind: 'accettazione-parziale', applies: true, reason: 'applies' }
      : { kind: 'accettazione-parziale', applies: false, reason: acceptanceBar },
  ];
}
