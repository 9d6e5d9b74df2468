import type { Claim } from '../claim/claim-schema';
import type { Cents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { addYears, endOfRomeDay, romeDateOf, type Instant, type IsoDate } from '../time/rome-time';
import { emailDomain } from '../validation/text-fields';
import { incidentWindow, overlaps, type Period, type ResolvedOutage } from './outage-periods';

export type ReasonCode = 'nothing-to-claim' | 'outage-not-over' | 'letter-before-outage-end' | 'prescribed';
export type WarningCode =
  | 'unverified-period'
  | 'mailbox-domain'
  | 'plan-provider'
  | 'compensation-capped'
  | 'above-self-representation'
  | 'above-giudice-di-pace';

/** A reason or a warning: a stable code for machines plus the figures its message needs. */
export interface Finding<C extends string> {
  code: C;
  params: Record<string, string | number>;
}

export interface EligibilityInput {
  claim: Claim;
  outages: readonly ResolvedOutage[];
  periods: readonly Period[];
  totalCents: Cents;
  compensationCapped: boolean;
  letterDate: IsoDate;
  now: Instant;
  ruleset: Ruleset;
}

export function notEligibleReasons(input: EligibilityInput): Finding<ReasonCode>[] {
  const reasons: Finding<ReasonCode>[] = [];
  const lastEnd = Math.max(...input.periods.map((period) => period.end));
  if (input.totalCents <= 0) reasons.push({ code: 'nothing-to-claim', params: {} });
  if (lastEnd > input.now) reasons.push({ code: 'outage-not-over', params: {} });
  else if (endOfRomeDay(input.letterDate) <= lastEnd) {
    reasons.push({ code: 'letter-before-outage-end', params: { letterDate: input.letterDate } });
  }
  const years = input.ruleset.prescriptionYears.value;
  const prescribedAfter = addYears(romeDateOf(lastEnd), years);
  if (input.letterDate > prescribedAfter)
    reasons.push({ code: 'prescribed', params: { years, date: prescribedAfter } });
  return reasons;
}

export function warningsFor(input: EligibilityInput): Finding<WarningCode>[] {
  const { claim, ruleset } = input;
  const warnings: Finding<WarningCode>[] = [];
  const knownWindows = ruleset.incidents
    .filter((incident) => incident.providers.includes(claim.account.provider))
    .map((incident) => incidentWindow(ruleset, incident.id));
  input.outages.forEach((outage, index) => {
    if (outage.incident === 'custom' && !knownWindows.some((window) => overlaps(window, outage))) {
      warnings.push({ code: 'unverified-period', params: { index: index + 1 } });
    }
  });

  const service = ruleset.services[claim.account.provider];
  const domain = emailDomain(claim.account.mailbox);
  if (!service.domains.includes(domain)) {
    warnings.push({
      code: 'mailbox-domain',
      params: { domain, service: service.name, domains: service.domains.join(', ') },
    });
  }
  const plan = ruleset.plans.find((candidate) => candidate.id === claim.account.plan);
  if (plan && !plan.providers.includes(claim.account.provider)) {
    warnings.push({ code: 'plan-provider', params: { plan: plan.name, service: service.name } });
  }
  if (input.compensationCapped) warnings.push({ code: 'compensation-capped', params: {} });

  const { selfRepresentationCents, giudiceDiPaceCents } = ruleset.thresholds;
  if (input.totalCents > giudiceDiPaceCents.value) {
    warnings.push({ code: 'above-giudice-di-pace', params: { limitCents: giudiceDiPaceCents.value } });
  } else if (input.totalCents > selfRepresentationCents.value) {
    warnings.push({ code: 'above-self-representation', params: { limitCents: selfRepresentationCents.value } });
  }
  return warnings;
}
