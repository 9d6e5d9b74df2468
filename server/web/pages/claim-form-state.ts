import { MAX_DAMAGES } from '../../core/claim/claim-schema';
import type { Language } from '../../core/i18n/language';
import { KNOWN_INCIDENT_IDS } from '../../core/rules/ruleset-types';

/**
 * The answers of the form exactly as typed (strings), so a page can always show them back. Field names are the
 * claim's own paths (`claimant.firstName`, `damages.0.amount`), so the validator's error paths point at them.
 */
export interface FormState {
  values: Record<string, string>;
  /** Ticked outage checkboxes: known incident ids and `custom`. */
  incidents: string[];
  damageRows: number;
}

export const INCIDENTS_FIELD = 'incidents';
export const CUSTOM_INCIDENT = 'custom';
export const INCIDENT_CHOICES: readonly string[] = [...KNOWN_INCIDENT_IDS, CUSTOM_INCIDENT];
export const DAMAGE_FIELDS = ['kind', 'description', 'amount'] as const;

export const SINGLE_FIELDS = [
  'claimant.firstName',
  'claimant.lastName',
  'claimant.taxCode',
  'claimant.email',
  'claimant.pec',
  'claimant.phone',
  'claimant.address.street',
  'claimant.address.postalCode',
  'claimant.address.city',
  'claimant.address.province',
  'account.provider',
  'account.mailbox',
  'account.type',
  'account.plan',
  'account.annualFee',
  'account.companyName',
  'account.vatNumber',
  'account.customerSince',
  'account.customerNumber',
  'custom.start',
  'custom.end',
  'outage.severity',
  'compensationReceived.description',
  'compensationReceived.amount',
  'letter.place',
  'letter.date',
  'letter.deadlineDays',
  'previousComplaints.0.reference',
  'previousComplaints.0.date',
  'payment.iban',
  'payment.holder',
  'letter.delivery',
  'letter.language',
  'letter.termination',
] as const;

export const damageField = (row: number, field: (typeof DAMAGE_FIELDS)[number]) => `damages.${row}.${field}`;

const MAX_FIELD_LENGTH = 2000;

function stringOf(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' ? single.slice(0, MAX_FIELD_LENGTH) : undefined;
}

export function emptyFormState(language: Language): FormState {
  return {
    // No delivery is preselected: without a choice the letter goes by PEC when the claimant gives a PEC box of
    // their own, otherwise by raccomandata A/R.
    values: { 'outage.severity': 'total', 'letter.language': language },
    incidents: [],
    damageRows: 1,
  };
}

/** Reads only the known fields of a urlencoded body; anything else is ignored. */
export function readFormState(body: unknown): FormState {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of SINGLE_FIELDS) {
    const value = stringOf(source[name]);
    if (value !== undefined) values[name] = value;
  }
  const ticked = ([] as unknown[]).concat(source[INCIDENTS_FIELD] ?? []);
  const incidents = INCIDENT_CHOICES.filter((id) => ticked.includes(id));

  // Rows are renumbered densely in the order they came, so a row removed in the browser leaves no gap.
  const rowIndexes = new Set<number>();
  for (const key of Object.keys(source)) {
    const match = /^damages\.(\d{1,3})\.(kind|description|amount)$/.exec(key);
    if (match) rowIndexes.add(Number(match[1]));
  }
  const sorted = [...rowIndexes].sort((a, b) => a - b).slice(0, MAX_DAMAGES);
  sorted.forEach((original, row) => {
    for (const field of DAMAGE_FIELDS) {
      const value = stringOf(source[damageField(original, field)]);
      if (value !== undefined) values[damageField(row, field)] = value;
    }
  });
  return { values, incidents, damageRows: Math.max(1, sorted.length) };
}

export function addDamageRow(state: FormState): FormState {
  return { ...state, damageRows: Math.min(MAX_DAMAGES, state.damageRows + 1) };
}

/** Removes one row and shifts the rows after it up. */
export function removeDamageRow(state: FormState, row: number): FormState {
  if (row < 0 || row >= state.damageRows) return state;
  const values = { ...state.values };
  for (let index = row; index < state.damageRows; index += 1) {
    for (const field of DAMAGE_FIELDS) {
      const next = values[damageField(index + 1, field)];
      if (next === undefined) delete values[damageField(index, field)];
      else values[damageField(index, field)] = next;
    }
  }
  return { ...state, values, damageRows: Math.max(1, state.damageRows - 1) };
}

/** Every answer as name/value pairs, to carry through a page as hidden fields. Empty answers are left out. */
export function formAnswers(state: FormState): { name: string; value: string }[] {
  const answers = Object.entries(state.values)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => ({ name, value }));
  return [...answers, ...state.incidents.map((value) => ({ name: INCIDENTS_FIELD, value }))];
}
