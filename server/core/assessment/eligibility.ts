import type { Claim, DeliveryMethod } from '../claim/claim-schema';
import type { Cents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { codiceFiscaleMatchesName } from '../validation/codice-fiscale';
import { addDays, addYears, daysBetween, endOfRomeDay, romeDateOf } from '../time/rome-time';
import type { Instant, IsoDate } from '../time/rome-time';
import { emailDomain } from '../validation/text-fields';
import type { CourtChoice } from './courts';
import { incidentWindow, overlaps, type Period, type ResolvedOutage } from './outage-periods';

export type ReasonCode = 'nothing-to-claim' | 'outage-not-over' | 'letter-before-outage-end' | 'prescribed';
export type WarningCode =
  | 'unverified-period'
  | 'mailbox-domain'
  | 'plan-provider'
  | 'compensation-capped'
  | 'above-self-representation'
  | 'above-giudice-di-pace'
  | 'court-uncertain'
  | 'gdpr-court'
  | 'assisted-negotiation'
  | 'letter-date-past'
  | 'letter-date-future'
  | 'prescription-near'
  | 'gdpr-prescription-near'
  | 'gdpr-prescription-passed'
  | 'tax-code-name'
  | 'delivery-pec-without-pec'
  | 'provider-pec-missing'
  | 'termination-not-quantified';

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
  delivery: DeliveryMethod;
  /** Whether the sender (the claimant, or the association) has a PEC mailbox to send from. */
  senderHasPec: boolean;
  providerPecConfigured: boolean;
  court: CourtChoice;
  /** The GDPR applies: a natural person claims for lost data. */
  gdpr: boolean;
}

/** Prescription runs to the end of the same date ten years on (art. 2963 c.c.): the last day a demand still works. */
export function lastDayOfPrescription(periodEnd: Instant, years: number): IsoDate {
  return addYears(romeDateOf(periodEnd), years);
}

/** Prescription is judged on the later of today and the letter's date: a backdated letter hides nothing. */
export function prescriptionReferenceDate(input: Pick<EligibilityInput, 'letterDate' | 'now'>): IsoDate {
  const today = romeDateOf(input.now);
  return input.letterDate > today ? input.letterDate : today;
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
  const reference = prescriptionReferenceDate(input);
  // Each period prescribes on its own: a letter may not claim the days of a period whose term has run out.
  const expired = input.periods
    .map((period) => ({ end: period.end, lastDay: lastDayOfPrescription(period.end, years) }))
    .filter((period) => reference > period.lastDay);
  if (expired.length > 0) {
    const first = expired[0]!;
    reasons.push({
      code: 'prescribed',
      params: { years, date: first.lastDay, periodEnd: romeDateOf(first.end) },
    });
  }
  return reasons;
}

function periodWarnings(input: EligibilityInput, warnings: Finding<WarningCode>[]): void {
  const { claim, ruleset } = input;
  const knownWindows = ruleset.incidents
    .filter((incident) => incident.providers.includes(claim.account.provider))
    .map((incident) => incidentWindow(ruleset, incident.id));
  input.outages.forEach((outage, index) => {
    if (outage.incident === 'custom' && !knownWindows.some((window) => overlaps(window, outage))) {
      warnings.push({ code: 'unverified-period', params: { index: index + 1 } });
    }
  });
}

function accountWarnings(input: EligibilityInput, warnings: Finding<WarningCode>[]): void {
  const { claim, ruleset } = input;
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
  const names = codiceFiscaleMatchesName(claim.claimant.taxCode, claim.claimant);
  if (names && !names.matches) {
    warnings.push({
      code: 'tax-code-name',
      params: { letters: claim.claimant.taxCode.slice(0, 6), expected: names.expected },
    });
  }
}

function dateWarnings(input: EligibilityInput, warnings: Finding<WarningCode>[]): void {
  const { ruleset } = input;
  const today = romeDateOf(input.now);
  const offset = daysBetween(today, input.letterDate);
  const tolerance = ruleset.letterDateToleranceDays.value;
  const params = { letterDate: input.letterDate, days: tolerance };
  if (offset < -tolerance) warnings.push({ code: 'letter-date-past', params });
  if (offset > tolerance) warnings.push({ code: 'letter-date-future', params });

  if (input.periods.length === 0) return;
  const reference = prescriptionReferenceDate(input);
  const window = ruleset.prescriptionWarningDays.value;
  const near = (lastDay: IsoDate) => reference <= lastDay && reference > addDays(lastDay, -window - 1);
  const firstEnd = Math.min(...input.periods.map((period) => period.end));
  const lastDay = lastDayOfPrescription(firstEnd, ruleset.prescriptionYears.value);
  if (near(lastDay)) warnings.push({ code: 'prescription-near', params: { date: lastDay } });
  if (input.gdpr) {
    const gdprLastDay = lastDayOfPrescription(firstEnd, ruleset.gdprPrescriptionYears.value);
    if (reference > gdprLastDay) warnings.push({ code: 'gdpr-prescription-passed', params: { date: gdprLastDay } });
    else if (near(gdprLastDay)) warnings.push({ code: 'gdpr-prescription-near', params: { date: gdprLastDay } });
  }
}

function deliveryWarnings(input: EligibilityInput, warnings: Finding<WarningCode>[]): void {
  if (input.delivery !== 'pec') return;
  if (!input.senderHasPec) warnings.push({ code: 'delivery-pec-without-pec', params: {} });
  if (!input.providerPecConfigured) {
    warnings.push({ code: 'provider-pec-missing', params: { taxCode: input.ruleset.provider.taxCode } });
  }
}

function courtWarnings(input: EligibilityInput, warnings: Finding<WarningCode>[]): void {
  const { claim, court, ruleset } = input;
  const { courts } = ruleset;
  if (court.kind === 'tribunale') {
    warnings.push({ code: 'above-giudice-di-pace', params: { limitCents: court.tribunaleAboveCents } });
  } else if (court.kind === 'uncertain') {
    warnings.push({
      code: 'court-uncertain',
      params: {
        lowerCents: court.giudiceDiPaceUpToCents,
        upperCents: court.tribunaleAboveCents,
        since: court.tribunaleAboveSince,
      },
    });
  } else if (input.totalCents > courts.selfRepresentationCents.value) {
    warnings.push({ code: 'above-self-representation', params: { limitCents: courts.selfRepresentationCents.value } });
  }
  if (input.gdpr) warnings.push({ code: 'gdpr-court', params: {} });
  const negotiation = courts.assistedNegotiation;
  if (
    claim.account.type === 'business' &&
    input.totalCents > negotiation.fromCents &&
    input.totalCents <= negotiation.upToCents
  ) {
    warnings.push({ code: 'assisted-negotiation', params: { limitCents: negotiation.upToCents } });
  }
}

export function warningsFor(input: EligibilityInput): Finding<WarningCode>[] {
  const warnings: Finding<WarningCode>[] = [];
  periodWarnings(input, warnings);
  accountWarnings(input, warnings);
  if (input.compensationCapped) warnings.push({ code: 'compensation-capped', params: {} });
  if (input.claim.letter?.termination) warnings.push({ code: 'termination-not-quantified', params: {} });
  dateWarnings(input, warnings);
  deliveryWarnings(input, warnings);
  courtWarnings(input, warnings);
  return warnings;
}
