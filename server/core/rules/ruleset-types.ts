import type { Cents } from '../money/money';
import type { Localized } from '../i18n/language';

export const PROVIDERS = ['libero', 'virgilio'] as const;
export type ProviderId = (typeof PROVIDERS)[number];
export const SEVERITIES = ['total', 'partial'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const KNOWN_INCIDENT_IDS = ['2023-01', '2023-06'] as const;
export type KnownIncidentId = (typeof KNOWN_INCIDENT_IDS)[number];

/** A figure of the rules together with where it comes from. */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface IncidentRule {
  id: KnownIncidentId;
  providers: readonly ProviderId[];
  /** Default window, Italian local time `YYYY-MM-DDTHH:mm`. */
  start: string;
  end: string;
  severity: Severity;
  title: Localized;
  /**
   * What happened, as the letter states it: only facts marked as found in the sources, each with the date from
   * which it was public, so a letter never states what was not yet known on its date.
   */
  facts: readonly DatedFact[];
  /** What the provider offered afterwards, to suggest as "compensation received". */
  knownOffers: readonly Localized[];
  source: string;
}

export interface DatedFact {
  knownSince: string;
  text: Localized;
}

export interface PlanRule {
  id: string;
  name: string;
  providers: readonly ProviderId[];
  annualFeeCents: Cents;
  source: string;
}

export interface ServiceRule {
  name: string;
  domains: readonly string[];
  source: string;
}

export interface Ruleset {
  version: string;
  publishedOn: string;
  provider: {
    name: string;
    street: string;
    postalCode: string;
    city: string;
    province: string;
    taxCode: string;
    vatNumber: string;
    source: string;
    /** Never invented: the PEC address comes from configuration. */
    pecNote: string;
  };
  services: Record<ProviderId, ServiceRule>;
  incidents: readonly IncidentRule[];
  plans: readonly PlanRule[];
  indemnity: {
    totalPerDayCents: Sourced<Cents>;
    partialPerDayCents: Sourced<Cents>;
    freePerDayCents: Sourced<Cents>;
    freeCapCents: Sourced<Cents>;
    basis: string;
  };
  refund: { daysPerYear: Sourced<number>; basis: string };
  damages: { basis: string; dataLossBasis: string };
  /** No article is cited for the deduction itself: it only says what it offsets. */
  compensationReceived: { basis: Localized };
  /** A period counts as its real duration divided by this many hours, rounded up. */
  dayLengthHours: Sourced<number>;
  deadlineDays: { default: number; min: number; max: number; source: string };
  prescriptionYears: Sourced<number>;
  thresholds: {
    selfRepresentationCents: Sourced<Cents>;
    giudiceDiPaceCents: Sourced<Cents>;
  };
}
