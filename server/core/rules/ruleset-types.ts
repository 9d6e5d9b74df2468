import { z } from 'zod';

export const PROVIDERS = ['libero', 'virgilio'] as const;
export type ProviderId = (typeof PROVIDERS)[number];
export const SEVERITIES = ['total', 'partial'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const KNOWN_INCIDENT_IDS = ['2023-01', '2023-06'] as const;
export type KnownIncidentId = (typeof KNOWN_INCIDENT_IDS)[number];

const localized = z.object({ it: z.string().min(1), en: z.string().min(1) });
const cents = z.number().int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .meta({ description: 'Italian local time (Europe/Rome)' });

/** A figure of the rules together with where it comes from. */
function sourced<T extends z.ZodType>(value: T) {
  return z.object({ value, source: z.string().min(1) });
}

export const datedFactSchema = z.object({
  /** The date from which the fact was public: a letter never states what was not yet known on its date. */
  knownSince: isoDate,
  text: localized,
});

/** What a letter may say about an incident beyond its dated facts; each trait rests on the incident's sources. */
export const incidentTraitsSchema = z.object({
  /** The provider blamed a third party's technology: the letter answers with art. 1228 c.c. */
  externalVendor: z.boolean(),
  /** Incoming mail was rejected and returned to its senders (never stored, so it cannot be "recovered"). */
  mailBounced: z.boolean(),
  /**
   * The default window is counted as a total interruption, but the sources describe stretches of intermittent
   * service inside it: the letter words such a period "inaccessibile o comunque gravemente irregolare".
   */
  intermittentWithinWindow: z.boolean(),
});

export const knownOfferSchema = z.object({
  /** Letter-ready wording, as the claimant would describe what was received. */
  description: localized,
  /** Who got it, shown beside the suggestion on the form. */
  audience: localized,
});

export const incidentRuleSchema = z.object({
  id: z.enum(KNOWN_INCIDENT_IDS),
  providers: z.array(z.enum(PROVIDERS)).min(1),
  start: localDateTime,
  end: localDateTime,
  severity: z.enum(SEVERITIES),
  title: localized,
  facts: z.array(datedFactSchema),
  traits: incidentTraitsSchema,
  /** What the provider offered afterwards, to suggest as "compensation received". */
  knownOffers: z.array(knownOfferSchema),
  source: z.string().min(1),
});

export const planRuleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  providers: z.array(z.enum(PROVIDERS)).min(1),
  annualFeeCents: cents.min(0),
  /** The first day the plan was sold (null: before any outage Reclamo knows); a period before it is an error. */
  availableFrom: sourced(isoDate.nullable()),
  source: z.string().min(1),
});

/** A fixed-date public holiday (month 1–12, day 1–31), from `from` on when it was (re)introduced. */
export const fixedHolidaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  name: z.string().min(1),
  from: isoDate.nullable(),
  source: z.string().min(1),
});

/** A threshold that applies to proceedings filed from a date on. */
export const datedThresholdSchema = z.object({ from: isoDate, cents, source: z.string().min(1) });

export const serviceRuleSchema = z.object({
  name: z.string().min(1),
  domains: z.array(z.string().min(1)).min(1),
  source: z.string().min(1),
});

/** A court fee bracket: the fee for a claim worth up to `upToCents` (null: no upper bound known). */
export const courtFeeBracketSchema = z.object({ upToCents: cents.nullable(), feeCents: cents });

/** What the documents after the first letter rely on: the final term, the court fee, where a complaint goes. */
export const followUpRulesSchema = z.object({
  /** The last term the sollecito gives, in days from its receipt (at least the first letter's 15). */
  finalTermDays: sourced(z.number().int().positive()),
  /** Contributo unificato by the value of the claim (the first bracket that holds it). */
  courtFee: z.object({ brackets: z.array(courtFeeBracketSchema).min(1), source: z.string().min(1) }),
  /** "Anticipazioni forfettarie" paid with the fee above a value. */
  flatCosts: z.object({ aboveCents: cents, feeCents: cents, source: z.string().min(1) }),
  /** The length the AGCM form's facts field takes. */
  agcmFactsMaxChars: sourced(z.number().int().positive()),
  garante: z.object({
    name: z.string().min(1),
    street: z.string().min(1),
    postalCode: z.string().min(1),
    city: z.string().min(1),
    pec: z.string().min(1),
    source: z.string().min(1),
  }),
});

/** The versioned rules: every amount, rate, cap, deadline, incident window and plan, each with its source. */
export const rulesetSchema = z.object({
  version: z.string().min(1),
  publishedOn: isoDate,
  provider: z.object({
    name: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    province: z.string(),
    taxCode: z.string(),
    vatNumber: z.string(),
    source: z.string(),
    /** Never invented: the PEC address comes from configuration. */
    pecNote: z.string(),
  }),
  services: z.object({ libero: serviceRuleSchema, virgilio: serviceRuleSchema }),
  incidents: z.array(incidentRuleSchema),
  plans: z.array(planRuleSchema),
  indemnity: z.object({
    totalPerDayCents: sourced(cents),
    partialPerDayCents: sourced(cents),
    freePerDayCents: sourced(cents),
    freeCapCents: sourced(cents),
    /** Cited only (M6): what an unanswered complaint is worth under the same regulation; never computed. */
    noReplyPerDayCents: sourced(cents),
    noReplyCapCents: sourced(cents),
    basis: z.string(),
  }),
  refund: z.object({ daysPerYear: sourced(z.number().int().positive()), basis: z.string() }),
  /** Cited only when the claimant asks for termination (letter.termination). */
  termination: z.object({ basis: z.string(), source: z.string() }),
  /** `dataLossBasis` applies to natural persons only: the GDPR protects no company (art. 1 GDPR). */
  damages: z.object({ basis: z.string(), dataLossBasis: z.string() }),
  /** Legal interest from receipt of the letter (art. 1224 c.c.); the yearly rate (art. 1284 c.c.) as data. */
  interest: z.object({
    basis: z.string(),
    source: z.string(),
    legalRates: z.array(z.object({ year: z.number().int(), basisPoints: z.number().int(), source: z.string() })),
  }),
  /** No article is cited for the deduction itself: it only says what it offsets. */
  compensationReceived: z.object({ basis: localized }),
  /** A period counts as its real duration divided by this many hours, rounded up. */
  dayLengthHours: sourced(z.number().positive()),
  deadlineDays: z.object({
    default: z.number().int(),
    min: z.number().int(),
    max: z.number().int(),
    source: z.string(),
  }),
  /** A term ending on a Sunday or a public holiday moves to the next working day (artt. 1187 and 2963 c.c.). */
  holidays: z.object({
    fixed: z.array(fixedHolidaySchema),
    easterMonday: z.object({ source: z.string() }),
    sundays: z.object({ source: z.string() }),
    rollForward: z.object({ source: z.string() }),
  }),
  /** How far from today a letter may be dated before the result warns (R3). */
  letterDateToleranceDays: sourced(z.number().int().positive()),
  prescriptionYears: sourced(z.number().int().positive()),
  /** The GDPR damages head, if treated as extra-contractual. */
  gdprPrescriptionYears: sourced(z.number().int().positive()),
  /** Within this many days of the last day of prescription the letter must be received in time: send it by PEC. */
  prescriptionWarningDays: sourced(z.number().int().positive()),
  courts: z.object({
    /** Up to this value (by filing date) the Giudice di Pace is competent for contract claims. */
    giudiceDiPaceUpTo: z.array(datedThresholdSchema).min(1),
    /** Above this value (by filing date) the Tribunale is; in between, "l'Autorità giudiziaria competente". */
    tribunaleAbove: z.array(datedThresholdSchema).min(1),
    /** Without a lawyer only up to this value (art. 82 c.p.c.). */
    selfRepresentationCents: sourced(cents),
    /** A company claiming more than `fromCents` and up to `upToCents` first invites to assisted negotiation. */
    assistedNegotiation: z.object({ fromCents: cents, upToCents: cents, source: z.string() }),
    /** Art. 82 GDPR damages go to the Tribunale whatever their value. */
    gdprCourt: z.object({ source: z.string() }),
  }),
  followUp: followUpRulesSchema,
});

export type Sourced<T> = { value: T; source: string };
export type DatedFact = z.infer<typeof datedFactSchema>;
export type IncidentRule = z.infer<typeof incidentRuleSchema>;
export type IncidentTraits = z.infer<typeof incidentTraitsSchema>;
export type KnownOffer = z.infer<typeof knownOfferSchema>;
export type DatedThreshold = z.infer<typeof datedThresholdSchema>;
export type FixedHoliday = z.infer<typeof fixedHolidaySchema>;
export type PlanRule = z.infer<typeof planRuleSchema>;
export type ServiceRule = z.infer<typeof serviceRuleSchema>;
export type Ruleset = z.infer<typeof rulesetSchema>;
export type FollowUpRules = z.infer<typeof followUpRulesSchema>;
export type CourtFeeBracket = z.infer<typeof courtFeeBracketSchema>;
