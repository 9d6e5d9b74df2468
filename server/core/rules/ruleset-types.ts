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

export const incidentRuleSchema = z.object({
  id: z.enum(KNOWN_INCIDENT_IDS),
  providers: z.array(z.enum(PROVIDERS)).min(1),
  start: localDateTime,
  end: localDateTime,
  severity: z.enum(SEVERITIES),
  title: localized,
  facts: z.array(datedFactSchema),
  /** What the provider offered afterwards, to suggest as "compensation received". */
  knownOffers: z.array(localized),
  source: z.string().min(1),
});

export const planRuleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  providers: z.array(z.enum(PROVIDERS)).min(1),
  annualFeeCents: cents.min(0),
  source: z.string().min(1),
});

export const serviceRuleSchema = z.object({
  name: z.string().min(1),
  domains: z.array(z.string().min(1)).min(1),
  source: z.string().min(1),
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
    basis: z.string(),
  }),
  refund: z.object({ daysPerYear: sourced(z.number().int().positive()), basis: z.string() }),
  damages: z.object({ basis: z.string(), dataLossBasis: z.string() }),
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
  prescriptionYears: sourced(z.number().int().positive()),
  thresholds: z.object({ selfRepresentationCents: sourced(cents), giudiceDiPaceCents: sourced(cents) }),
});

export type Sourced<T> = { value: T; source: string };
export type DatedFact = z.infer<typeof datedFactSchema>;
export type IncidentRule = z.infer<typeof incidentRuleSchema>;
export type PlanRule = z.infer<typeof planRuleSchema>;
export type ServiceRule = z.infer<typeof serviceRuleSchema>;
export type Ruleset = z.infer<typeof rulesetSchema>;
