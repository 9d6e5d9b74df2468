import type { Association } from '../claim/association-schema';
import type { Claim, DeliveryMethod } from '../claim/claim-schema';
import type { Cents } from '../money/money';
import type { PlanRule, Ruleset } from '../rules/ruleset-types';
import { romeDateOf, type Instant, type IsoDate } from '../time/rome-time';
import { annualFeeOf, computeCompensation, isNaturalPerson, type Compensation } from './compensation';
import { courtFor, type CourtChoice } from './courts';
import { deadlineOf, type Deadline } from './deadline';
import { notEligibleReasons, warningsFor, type Finding, type ReasonCode, type WarningCode } from './eligibility';
import { mergePeriods, resolveOutages, type Period, type ResolvedOutage } from './outage-periods';

/** Everything Reclamo decides about a valid claim, in no particular language. */
export interface Assessment {
  eligible: boolean;
  reasons: Finding<ReasonCode>[];
  warnings: Finding<WarningCode>[];
  outages: ResolvedOutage[];
  periods: Period[];
  compensation: Compensation;
  annualFeeCents: Cents | null;
  plan: PlanRule | null;
  letterDate: IsoDate;
  deadlineDays: number;
  /** The date the term of `deadlineDays` from receipt means if the letter is received on its date. */
  deadline: IsoDate;
  /** The same, with the holiday it was moved off, if any. */
  deadlineDetail: Deadline;
  delivery: DeliveryMethod;
  /** The court a suit filed after the deadline would go to, by the thresholds in force on that date. */
  court: CourtChoice;
  /** A natural person claims for lost data: the GDPR applies. */
  gdpr: boolean;
  ruleset: { version: string; publishedOn: string };
}

/** What the claim alone does not say: who sends it, and what this server is configured with. */
export interface AssessmentContext {
  association: Association | null;
  providerPecConfigured: boolean;
}

export interface AssessOptions {
  ruleset: Ruleset;
  /** The current instant; the letter date defaults to this day in Italy. */
  now: Instant;
  context?: AssessmentContext;
}

const NO_CONTEXT: AssessmentContext = { association: null, providerPecConfigured: false };

/** The letter date and the deadline it gives: shared with the checks that refuse a deadline already past. */
export function letterDateOf(claim: Claim, now: Instant): IsoDate {
  return claim.letter?.date ?? romeDateOf(now);
}

export function deadlineOfClaim(claim: Claim, now: Instant, ruleset: Ruleset): Deadline {
  return deadlineOf(letterDateOf(claim, now), claim.letter?.deadlineDays ?? ruleset.deadlineDays.default, ruleset);
}

/** Whoever sends the letter can send a PEC only from a PEC box of their own: the association's, or the claimant's. */
export function senderHasPec(claim: Claim, association: Association | null): boolean {
  return association !== null || claim.claimant.pec !== undefined;
}

export function assessClaim(claim: Claim, { ruleset, now, context = NO_CONTEXT }: AssessOptions): Assessment {
  const outages = resolveOutages(claim.outages, ruleset);
  const periods = mergePeriods(outages, ruleset);
  const compensation = computeCompensation(claim, periods, ruleset);
  const letterDate = letterDateOf(claim, now);
  const deadline = deadlineOfClaim(claim, now, ruleset);
  const hasPec = senderHasPec(claim, context.association);
  const delivery: DeliveryMethod = claim.letter?.delivery ?? (hasPec ? 'pec' : 'raccomandata');
  const court = courtFor(compensation.totalCents, deadline.date, ruleset);
  const gdpr = isNaturalPerson(claim) && (claim.damages ?? []).some((damage) => damage.kind === 'data-loss');
  const eligibilityInput = {
    claim,
    outages,
    periods,
    totalCents: compensation.totalCents,
    compensationCapped: compensation.lines.some((line) => line.code === 'compensation-received' && line.facts.capped),
    letterDate,
    now,
    ruleset,
    delivery,
    senderHasPec: hasPec,
    providerPecConfigured: context.providerPecConfigured,
    court,
    gdpr,
  };
  const reasons = notEligibleReasons(eligibilityInput);
  return {
    eligible: reasons.length === 0,
    reasons,
    warnings: warningsFor(eligibilityInput),
    outages,
    periods,
    compensation,
    annualFeeCents: annualFeeOf(claim, ruleset),
    plan: ruleset.plans.find((plan) => plan.id === claim.account.plan) ?? null,
    letterDate,
    deadlineDays: deadline.days,
    deadline: deadline.date,
    deadlineDetail: deadline,
    delivery,
    court,
    gdpr,
    ruleset: { version: ruleset.version, publishedOn: ruleset.publishedOn },
  };
}
