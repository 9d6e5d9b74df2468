import type { Claim } from '../claim/claim-schema';
import type { Cents } from '../money/money';
import type { PlanRule, Ruleset } from '../rules/ruleset-types';
import { addDays, romeDateOf, type Instant, type IsoDate } from '../time/rome-time';
import { annualFeeOf, computeCompensation, type Compensation } from './compensation';
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
  deadline: IsoDate;
  ruleset: { version: string; publishedOn: string };
}

export interface AssessOptions {
  ruleset: Ruleset;
  /** The current instant; the letter date defaults to this day in Italy. */
  now: Instant;
}

export function assessClaim(claim: Claim, { ruleset, now }: AssessOptions): Assessment {
  const outages = resolveOutages(claim.outages, ruleset);
  const periods = mergePeriods(outages, ruleset);
  const compensation = computeCompensation(claim, periods, ruleset);
  const letterDate = claim.letter?.date ?? romeDateOf(now);
  const deadlineDays = claim.letter?.deadlineDays ?? ruleset.deadlineDays.default;
  const eligibilityInput = {
    claim,
    outages,
    periods,
    totalCents: compensation.totalCents,
    compensationCapped: compensation.lines.some((line) => line.code === 'compensation-received' && line.facts.capped),
    letterDate,
    now,
    ruleset,
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
    deadlineDays,
    deadline: addDays(letterDate, deadlineDays),
    ruleset: { version: ruleset.version, publishedOn: ruleset.publishedOn },
  };
}
