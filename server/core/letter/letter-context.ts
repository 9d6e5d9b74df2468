import type { Assessment } from '../assessment/assess-claim';
import type { CompensationLine } from '../assessment/compensation';
import { lineDetail } from '../assessment/present-assessment';
import type { Association } from '../claim/association-schema';
import type { Claim } from '../claim/claim-schema';
import { DAMAGE_KIND_LABELS } from '../claim/claim-label-texts';
import type { Language } from '../i18n/language';
import { formatCents, type Cents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { numberInWords } from '../text/number-words';
import { formatLongDate, formatRomeTime, romeDateOf, type Instant } from '../time/rome-time';
import { sexOfCodiceFiscale } from '../validation/codice-fiscale';
import { formatIban } from '../validation/iban';

export interface LetterOptions {
  /** The provider's PEC address from configuration; never invented. */
  providerPec: string | null;
  /** Present when an association sends the letter on the member's behalf. */
  association: Association | null;
}

type Line<C extends CompensationLine['code']> = Extract<CompensationLine, { code: C }>;

function lineOf<C extends CompensationLine['code']>(assessment: Assessment, code: C): Line<C> | null {
  return (assessment.compensation.lines.find((line) => line.code === code) as Line<C> | undefined) ?? null;
}

/**
 * The plain object the letter template reads: every value already formatted for the template's language, every key
 * present (null when absent) because the templates run in strict mode. Wording stays in the templates; this says
 * only what is true of the claim.
 */
export function buildLetterContext(
  claim: Claim,
  assessment: Assessment,
  ruleset: Ruleset,
  options: LetterOptions,
  language: Language,
) {
  const money = (cents: Cents) => formatCents(cents, language);
  const date = (iso: string) => formatLongDate(iso, language);
  const moment = (instant: Instant) => ({ date: date(romeDateOf(instant)), time: formatRomeTime(instant) });
  const { claimant, account } = claim;
  const service = ruleset.services[account.provider];
  const business = account.type === 'business';
  const association = options.association;
  const damages = claim.damages ?? [];

  const incidentsById = new Map(ruleset.incidents.map((incident) => [incident.id, incident]));
  const knownIncidents = new Set(assessment.periods.flatMap((period) => period.incidents));
  const traitOf = (trait: keyof (typeof ruleset.incidents)[number]['traits']) =>
    [...knownIncidents].some((id) => incidentsById.get(id)?.traits[trait] === true);

  const indemnity = lineOf(assessment, 'indemnity')!;
  const refund = lineOf(assessment, 'refund');
  const damagesLine = lineOf(assessment, 'damages');
  const deduction = lineOf(assessment, 'compensation-received');
  const moneyParts = [indemnity, refund, damagesLine]
    .filter((line): line is NonNullable<typeof line> => line !== null)
    .map((line) => ({
      code: line.code,
      amount: money(line.amountCents),
      detail: line.code === 'damages' ? null : lineDetail(line, language),
    }));

  const indemnityFacts = indemnity.facts;
  const rates = {
    free:
      indemnityFacts.scheme === 'free'
        ? { perDay: money(indemnityFacts.perDayCents), cap: money(indemnityFacts.capCents) }
        : null,
    total:
      indemnityFacts.scheme === 'paid' && indemnityFacts.totalDays > 0
        ? { perDay: money(indemnityFacts.totalPerDayCents) }
        : null,
    partial:
      indemnityFacts.scheme === 'paid' && indemnityFacts.partialDays > 0
        ? { perDay: money(indemnityFacts.partialPerDayCents) }
        : null,
  };

  const received = claim.compensationReceived ?? null;
  const { courts } = ruleset;
  const total = assessment.compensation.totalCents;
  const sex = sexOfCodiceFiscale(claimant.taxCode);

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
      female: sex === 'female',
    },
    company: business ? { name: account.companyName ?? '', vatNumber: account.vatNumber ?? '' } : null,
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
          representativeFemale: association.representativeSex === 'female',
          representativeMale: association.representativeSex === 'male',
        }
      : null,
    consumer: !business,
    account: {
      service: service.name,
      mailbox: account.mailbox,
      /** No fee: a free account, or a company's free mailbox. */
      free: assessment.annualFeeCents === null,
      business,
      plan: assessment.plan?.name ?? null,
      fee: assessment.annualFeeCents !== null ? money(assessment.annualFeeCents) : null,
      customerSince: account.customerSince ? date(account.customerSince) : null,
      customerNumber: account.customerNumber ?? null,
    },
    provider: {
      name: ruleset.provider.name,
      street: ruleset.provider.street,
      postalCode: ruleset.provider.postalCode,
      city: ruleset.provider.city,
      province: ruleset.provider.province,
      taxCode: ruleset.provider.taxCode,
    },
    delivery: {
      pec: assessment.delivery === 'pec',
      raccomandata: assessment.delivery === 'raccomandata',
      pecAddress: options.providerPec,
    },
    place: claim.letter?.place ?? association?.city ?? claimant.address.city,
    date: date(assessment.letterDate),
    periods: assessment.periods.map((period) => ({
      from: moment(period.start),
      to: moment(period.end),
      days: period.days,
      total: period.severity === 'total',
      /** A total period inside an incident whose sources describe intermittent stretches (R5). */
      intermittent:
        period.severity === 'total' &&
        period.incidents.some((id) => incidentsById.get(id)?.traits.intermittentWithinWindow === true),
      /** A partial period the claimant declared inside a known incident: how it hit this mailbox. */
      partialInsideIncident: period.severity === 'partial' && period.incidents.length > 0,
    })),
    singlePeriod: assessment.periods.length === 1,
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
    externalVendor: traitOf('externalVendor'),
    mailBounced: traitOf('mailBounced'),
    complaints: (claim.previousComplaints ?? []).map((complaint) => ({
      reference: complaint.reference,
      date: complaint.date ? date(complaint.date) : null,
    })),
    severalComplaints: (claim.previousComplaints ?? []).length > 1,
    damages: damages.map((damage) => ({
      kind: DAMAGE_KIND_LABELS[damage.kind][language],
      description: damage.description,
      amount: money(damage.amount),
    })),
    damagesTotal: damagesLine ? money(damagesLine.amountCents) : null,
    dataLoss: damages.some((damage) => damage.kind === 'data-loss'),
    gdpr: assessment.gdpr,
    received: received
      ? {
          description: received.description ?? null,
          amount: money(received.amount),
          hasValue: received.amount > 0,
        }
      : null,
    deduction: deduction
      ? {
          amount: money(-deduction.amountCents),
          declared: money(deduction.facts.declaredCents),
          capped: deduction.facts.capped,
        }
      : null,
    rates,
    refund: refund ? { amount: money(refund.amountCents) } : null,
    moneyParts,
    singleMoneyPart: moneyParts.length === 1 && deduction === null,
    total: money(total),
    payment: claim.payment
      ? {
          iban: formatIban(claim.payment.iban, '\u00a0'),
          holder:
            claim.payment.holder ??
            (business ? (account.companyName ?? '') : `${claimant.firstName} ${claimant.lastName}`),
        }
      : null,
    termination: claim.letter?.termination === true && assessment.annualFeeCents !== null,
    deadline: { days: assessment.deadlineDays, inWords: numberInWords(assessment.deadlineDays, language) },
    court: {
      giudiceDiPace: assessment.court.kind === 'giudice-di-pace',
      tribunale: assessment.court.kind === 'tribunale',
      uncertain: assessment.court.kind === 'uncertain',
    },
    assistedNegotiation:
      business && total > courts.assistedNegotiation.fromCents && total <= courts.assistedNegotiation.upToCents,
    noReply: {
      perDay: money(ruleset.indemnity.noReplyPerDayCents.value),
      cap: money(ruleset.indemnity.noReplyCapCents.value),
    },
  };
}

export type LetterContext = ReturnType<typeof buildLetterContext>;
