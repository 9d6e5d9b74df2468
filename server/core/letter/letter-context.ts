import type { Assessment } from '../assessment/assess-claim';
import { presentLine } from '../assessment/present-assessment';
import type { Association } from '../claim/association-schema';
import type { Claim } from '../claim/claim-schema';
import { DAMAGE_KIND_LABELS } from '../claim/claim-label-texts';
import type { Language } from '../i18n/language';
import { formatCents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { formatDate, formatRomeDateTime, romeDateOf } from '../time/rome-time';

export interface LetterOptions {
  /** The provider's PEC address from configuration; never invented. */
  providerPec: string | null;
  /** Present when an association sends the letter on the member's behalf. */
  association: Association | null;
}

/**
 * The plain object the letter template reads: every value already formatted for the letter's language, every key
 * present (null when absent) because the templates run in strict mode.
 */
export function buildLetterContext(claim: Claim, assessment: Assessment, ruleset: Ruleset, options: LetterOptions) {
  const language: Language = claim.letter?.language ?? 'it';
  const money = (cents: number) => formatCents(cents, language);
  const { claimant, account } = claim;
  const service = ruleset.services[account.provider];
  const lines = assessment.compensation.lines;
  const amountOf = (code: string) => lines.find((line) => line.code === code)?.amountCents ?? 0;
  const knownIncidents = new Set(assessment.periods.flatMap((period) => period.incidents));
  const damages = claim.damages ?? [];
  const delivery = claim.letter?.delivery ?? 'pec';
  const total = assessment.compensation.totalCents;
  const association = options.association;

  return {
    language,
    claimant: {
      fullName: `${claimant.firstName} ${claimant.lastName}`,
      firstName: claimant.firstName,
      lastName: claimant.lastName,
      taxCode: claimant.taxCode,
      email: claimant.email,
      pec: claimant.pec ?? null,
      phone: claimant.phone ?? null,
      street: claimant.address.street,
      postalCode: claimant.address.postalCode,
      city: claimant.address.city,
      province: claimant.address.province,
    },
    company:
      account.type === 'business' ? { name: account.companyName ?? '', vatNumber: account.vatNumber ?? '' } : null,
    association: association
      ? {
          name: association.name,
          taxCode: association.taxCode,
          street: association.street,
          postalCode: association.postalCode,
          city: association.city,
          province: association.province,
          pec: association.pec,
          representative: association.representative,
        }
      : null,
    account: {
      service: service.name,
      mailbox: account.mailbox,
      free: account.type === 'free',
      paid: account.type === 'paid',
      business: account.type === 'business',
      plan: assessment.plan?.name ?? null,
      fee: assessment.annualFeeCents !== null ? money(assessment.annualFeeCents) : null,
    },
    provider: {
      name: ruleset.provider.name,
      street: ruleset.provider.street,
      postalCode: ruleset.provider.postalCode,
      city: ruleset.provider.city,
      province: ruleset.provider.province,
      taxCode: ruleset.provider.taxCode,
    },
    delivery: { pec: delivery === 'pec', raccomandata: delivery === 'raccomandata', pecAddress: options.providerPec },
    place: claim.letter?.place ?? association?.city ?? claimant.address.city,
    date: formatDate(assessment.letterDate),
    periods: assessment.periods.map((period) => ({
      from: formatRomeDateTime(period.start, language),
      to: formatRomeDateTime(period.end, language),
      fromDate: formatDate(romeDateOf(period.start)),
      toDate: formatDate(romeDateOf(period.end)),
      days: period.days,
      total: period.severity === 'total',
    })),
    incidents: ruleset.incidents
      .filter((incident) => knownIncidents.has(incident.id))
      .map((incident) => ({
        id: incident.id,
        title: incident.title[language],
        facts: incident.facts
          .filter((fact) => fact.knownSince <= assessment.letterDate)
          .map((fact) => fact.text[language])
          .join(' '),
      }))
      .filter((incident) => incident.facts !== ''),
    storageVendorIncident: knownIncidents.has('2023-01'),
    unverifiedPeriods: assessment.warnings.some((warning) => warning.code === 'unverified-period'),
    damages: damages.map((damage) => ({
      kind: DAMAGE_KIND_LABELS[damage.kind][language],
      description: damage.description,
      amount: money(damage.amount),
    })),
    damagesTotal: money(amountOf('damages')),
    dataLoss: damages.some((damage) => damage.kind === 'data-loss'),
    received: claim.compensationReceived
      ? { description: claim.compensationReceived.description, amount: money(claim.compensationReceived.amount) }
      : null,
    indemnity: { amount: money(amountOf('indemnity')), detail: presentLine(lines[0]!, language).detail },
    refund: optionalLine(assessment, 'refund', language),
    damagesLine: optionalLine(assessment, 'damages', language),
    deduction: optionalLine(assessment, 'compensation-received', language),
    partialDays: assessment.periods.some((period) => period.severity === 'partial'),
    total: money(total),
    aboveGiudiceDiPace: total > ruleset.thresholds.giudiceDiPaceCents.value,
    deadline: { date: formatDate(assessment.deadline), days: assessment.deadlineDays },
    rulesetVersion: assessment.ruleset.version,
  };
}

function optionalLine(assessment: Assessment, code: string, language: Language) {
  const line = assessment.compensation.lines.find((candidate) => candidate.code === code);
  if (!line) return null;
  const presented = presentLine(line, language);
  return { amount: formatCents(Math.abs(line.amountCents), language), detail: presented.detail };
}

export type LetterContext = ReturnType<typeof buildLetterContext>;
