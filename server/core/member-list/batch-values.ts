import type { AccountType } from '../claim/claim-schema';
import type { ProviderId, Ruleset, Severity } from '../rules/ruleset-types';
import { KNOWN_INCIDENT_IDS } from '../rules/ruleset-types';
import { emailDomain } from '../validation/text-fields';

/** Spreadsheet values as people type them, in Italian or English, read into the claim's own values. */

function key(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const YES = new Set(['si', 'sì', 'yes', 'y', 's', 'true', 'vero', 'x']);
const NO = new Set(['no', 'n', 'false', 'falso']);

/** true / false, or null when the cell is neither a yes nor a no. */
export function parseYesNo(value: string): boolean | null {
  const normalized = key(value);
  if (YES.has(normalized)) return true;
  if (NO.has(normalized)) return false;
  return null;
}

const ACCOUNT_TYPES: Record<string, AccountType> = {
  gratuito: 'free',
  gratuita: 'free',
  gratis: 'free',
  free: 'free',
  a_pagamento: 'paid',
  pagamento: 'paid',
  pagante: 'paid',
  paid: 'paid',
  plus: 'paid',
  premium: 'paid',
  business: 'business',
  azienda: 'business',
  aziendale: 'business',
  impresa: 'business',
  professionale: 'business',
};

export function parseAccountType(value: string): AccountType | null {
  return ACCOUNT_TYPES[key(value)] ?? null;
}

const SEVERITIES: Record<string, Severity> = {
  totale: 'total',
  total: 'total',
  parziale: 'partial',
  partial: 'partial',
};

export function parseSeverity(value: string): Severity | null {
  return SEVERITIES[key(value)] ?? null;
}

export type IncidentToken = (typeof KNOWN_INCIDENT_IDS)[number] | 'custom';
const CUSTOM = new Set(['custom', 'personalizzato', 'altro', 'other']);

/** `2023-01|2023-06`, `custom`; also tolerates commas, plus signs and spaces between ids. */
export function parseIncidents(
  value: string,
): { ok: true; incidents: IncidentToken[] } | { ok: false; invalid: string } {
  const tokens = value.split(/[|,;+\s]+/).filter((token) => token !== '');
  const incidents: IncidentToken[] = [];
  for (const token of tokens) {
    const normalized = token.trim().toLowerCase();
    const incident = CUSTOM.has(normalized) ? 'custom' : KNOWN_INCIDENT_IDS.find((id) => id === normalized);
    if (!incident) return { ok: false, invalid: token };
    if (!incidents.includes(incident)) incidents.push(incident);
  }
  return { ok: true, incidents };
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?)?$/;
const ISO_WITH_SPACE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `dd/mm/yyyy hh:mm` (or a date alone, meaning midnight) to the claim's `yyyy-mm-ddThh:mm`; ISO passes through.
 * Anything else is returned as written, so the claim's validation explains what is wrong with it.
 */
export function toLocalDateTime(value: string): string {
  const text = value.trim();
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, day, month, year, hour, minute] = dayFirst;
    const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
    return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute ?? '00')}`;
  }
  const withSpace = ISO_WITH_SPACE.exec(text);
  if (withSpace) return `${withSpace[1]}T${withSpace[2]}`;
  if (ISO_DATE_ONLY.test(text)) return `${text}T00:00`;
  return text;
}

/** `dd/mm/yyyy` (or ISO) to the claim's `yyyy-mm-dd`; anything else as written, for the validator to explain. */
export function toLocalDate(value: string): string {
  const text = value.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
  const isoWithTime = /^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00)?$/.exec(text);
  return isoWithTime ? isoWithTime[1]! : text;
}

const PROVIDER_NAMES: Record<string, ProviderId> = {
  libero: 'libero',
  libero_mail: 'libero',
  virgilio: 'virgilio',
  virgilio_mail: 'virgilio',
};

export function parseProvider(value: string): ProviderId | null {
  return PROVIDER_NAMES[key(value)] ?? null;
}

/** The service a mailbox belongs to, from its domain (`@iol.it` is Libero); null for any other domain. */
export function providerOfMailbox(mailbox: string, ruleset: Ruleset): ProviderId | null {
  const domain = emailDomain(mailbox.trim());
  for (const provider of Object.keys(ruleset.services) as ProviderId[]) {
    if (ruleset.services[provider].domains.includes(domain)) return provider;
  }
  return null;
}
