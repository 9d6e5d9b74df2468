import { z } from 'zod';
import { LANGUAGES } from '../i18n/language';
import { RULESET } from '../rules/ruleset';
import { KNOWN_INCIDENT_IDS, PROVIDERS, SEVERITIES } from '../rules/ruleset-types';
import {
  email,
  iban,
  isoDate,
  money,
  optional,
  personName,
  phone,
  placeName,
  postalCode,
  province,
  romeDateTime,
  taxCode,
  text,
  vatNumber,
} from './field-schemas';

export const ACCOUNT_TYPES = ['free', 'paid', 'business'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const DAMAGE_KINDS = [
  'lost-mail',
  'missed-deadline',
  'lost-income',
  'extra-costs',
  'data-loss',
  'other',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];
export const OUTAGE_INCIDENTS = [...KNOWN_INCIDENT_IDS, 'custom'] as const;
export const DELIVERY_METHODS = ['pec', 'raccomandata'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const MAX_OUTAGES = 10;
export const MAX_DAMAGES = 20;
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

const planIds = RULESET.plans.map((plan) => plan.id) as [string, ...string[]];

export const addressSchema = z.strictObject({
  street: text({ max: 120, noFormula: true }),
  postalCode: postalCode(),
  city: placeName(),
  province: province(),
});

export const claimantSchema = z.strictObject({
  firstName: personName(),
  lastName: personName(),
  taxCode: taxCode(),
  email: email(),
  pec: optional(email()),
  phone: optional(phone()),
  address: addressSchema,
});

export const accountSchema = z
  .strictObject({
    provider: z.enum(PROVIDERS),
    mailbox: email(),
    type: z.enum(ACCOUNT_TYPES),
    plan: optional(z.enum(planIds)),
    annualFee: optional(money()),
    companyName: optional(text({ max: 120, noFormula: true })),
    vatNumber: optional(vatNumber()),
    /** "Cliente dal": the day the contract began, as the claimant's records show it. */
    customerSince: optional(isoDate().describe('YYYY-MM-DD: the day the claimant became a customer (optional)')),
    /** Customer, contract, order or renewal number. */
    customerNumber: optional(
      text({ max: 60, noFormula: true }).describe('Customer, contract, order or renewal number (optional)'),
    ),
  })
  .superRefine((account, ctx) => {
    if (account.type === 'free') return;
    const plan = RULESET.plans.find((candidate) => candidate.id === account.plan);
    const planFee = plan?.annualFeeCents ?? 0;
    // A company may use a free mailbox (its plan says so); a paid account always has a fee.
    const freeBusinessMailbox = account.type === 'business' && plan !== undefined && planFee === 0;
    if (account.annualFee === undefined && planFee === 0 && !freeBusinessMailbox) {
      const message = account.type === 'business' ? 'account.businessPlanRequired' : 'account.feeRequired';
      ctx.addIssue({ code: 'custom', path: ['annualFee'], message });
    }
    if (account.type !== 'business') return;
    if (!account.companyName)
      ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'account.companyRequired' });
    if (!account.vatNumber) ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: 'account.vatRequired' });
  });

export const outageSchema = z
  .strictObject({
    incident: z.enum(OUTAGE_INCIDENTS),
    start: optional(romeDateTime()),
    end: optional(romeDateTime()),
    severity: optional(z.enum(SEVERITIES)),
  })
  .superRefine((outage, ctx) => {
    const { start, end } = outage;
    if (start === undefined || end === undefined) {
      // A known incident may leave both out (its default window applies); a custom period needs both.
      if (outage.incident !== 'custom' && start === undefined && end === undefined) return;
      const message = outage.incident === 'custom' ? 'outage.customNeedsDates' : 'outage.bothDates';
      if (start === undefined) ctx.addIssue({ code: 'custom', path: ['start'], message });
      if (end === undefined) ctx.addIssue({ code: 'custom', path: ['end'], message });
      return;
    }
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'outage.endBeforeStart' });
    else if (end - start > MAX_PERIOD_DAYS * DAY_MS) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'outage.tooLong', params: { maximum: MAX_PERIOD_DAYS } });
    }
  });

export const damageSchema = z.strictObject({
  kind: z.enum(DAMAGE_KINDS),
  description: text({ max: 300 }),
  amount: money({ positive: true }),
});

export const compensationReceivedSchema = z.strictObject({
  /** As the claimant would name it ("Estensione di 6 mesi"); without it the letter says "un ristoro". */
  description: optional(text({ max: 200 })),
  amount: money(),
});

export const letterOptionsSchema = z.strictObject({
  date: optional(isoDate()),
  place: optional(placeName()),
  deadlineDays: optional(z.number().int().min(RULESET.deadlineDays.min).max(RULESET.deadlineDays.max)),
  language: optional(
    z
      .enum(LANGUAGES)
      .describe('it: the Italian letter; en: the Italian letter followed by an English courtesy translation'),
  ),
  delivery: optional(
    z.enum(DELIVERY_METHODS).describe('Default: PEC when the sender has a PEC address, otherwise raccomandata A/R'),
  ),
  /** Also ask for termination of the contract and the refund of the fee for the period not enjoyed (art. 1453). */
  termination: optional(
    z.boolean().describe('Ask for termination of the contract and the refund of the unused fee (paid accounts only)'),
  ),
});

/** Where the provider is to pay: printed in the demand, never logged. */
export const paymentSchema = z.strictObject({
  iban: iban(),
  holder: optional(
    text({ max: 120, noFormula: true }).describe('Account holder; default: the claimant (or the company)'),
  ),
});

/** An earlier complaint or ticket about the outage, so the letter (and a later ConciliaWeb request) can cite it. */
export const previousComplaintSchema = z.strictObject({
  reference: text({ max: 60, noFormula: true }).describe('Complaint, ticket or case number'),
  date: optional(isoDate()),
});

export const MAX_PREVIOUS_COMPLAINTS = 5;

/** The claim as the API, the form, the CLI and a batch row all send it. */
export const claimSchema = z.strictObject({
  claimant: claimantSchema,
  account: accountSchema,
  outages: z.array(outageSchema).min(1).max(MAX_OUTAGES),
  damages: optional(z.array(damageSchema).max(MAX_DAMAGES)),
  compensationReceived: optional(compensationReceivedSchema),
  previousComplaints: optional(z.array(previousComplaintSchema).max(MAX_PREVIOUS_COMPLAINTS)),
  payment: optional(paymentSchema),
  letter: optional(letterOptionsSchema),
});

/** What a sender writes (euros, local date-times). */
export type ClaimInput = z.input<typeof claimSchema>;
/** A validated claim: trimmed text, cents, instants. */
export type Claim = z.output<typeof claimSchema>;
export type Outage = z.output<typeof outageSchema>;
export type Damage = z.output<typeof damageSchema>;
