import type { FieldError } from '../../core/claim/field-error-schema';
import type { Language } from '../../core/i18n/language';
import { isValidIsoDate, type IsoDate } from '../../core/time/rome-time';
import type { CampaignStore, MemberKey, MemberRecord } from './campaign-store';
import { IMPORT_COLUMNS, IMPORT_TEXTS } from './campaign-texts';

/** A CSV as the adapter read it: the header's cells, then each row's cells with its line number in the file. */
export interface ImportTable {
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

export type ImportField = keyof typeof IMPORT_COLUMNS;

/** A problem with one line of a bulk file (line 1 is the header); the other lines are still recorded. */
export interface LineError extends FieldError {
  line: number;
}

export interface ImportSummary {
  recorded: number;
  errors: LineError[];
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** Which cell holds each field, by the header's names (either language). */
export function columnsOf(header: readonly string[]): Partial<Record<ImportField, number>> {
  const found: Partial<Record<ImportField, number>> = {};
  header.forEach((name, index) => {
    for (const [field, names] of Object.entries(IMPORT_COLUMNS) as [ImportField, readonly string[]][])
      if (found[field] === undefined && names.some((candidate) => fold(candidate) === fold(name))) found[field] = index;
  });
  return found;
}

export function cellOf(
  cells: readonly string[],
  columns: Partial<Record<ImportField, number>>,
  field: ImportField,
): string {
  const index = columns[field];
  return index === undefined ? '' : (cells[index] ?? '').trim();
}

export function message(key: keyof typeof IMPORT_TEXTS, language: Language, column = ''): string {
  return IMPORT_TEXTS[key][language].replace('{column}', column);
}

/** dd/mm/yyyy (or yyyy-mm-dd) → an ISO date; null when it is not a real date. */
export function parseItalianDate(text: string): IsoDate | null {
  const italian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = italian
    ? `${italian[3]}-${italian[2]!.padStart(2, '0')}-${italian[1]!.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? text
      : null;
  return iso && isValidIsoDate(iso) ? iso : null;
}

export type MemberLookup = { ok: true; member: MemberRecord } | { ok: false; error: FieldError };

/** The member a line names, by its row (and list, when given) or else its codice fiscale. */
export async function memberOfLine(
  store: CampaignStore,
  campaignId: string,
  cells: readonly string[],
  columns: Partial<Record<ImportField, number>>,
  language: Language,
): Promise<MemberLookup> {
  const rowText = cellOf(cells, columns, 'row');
  const taxCode = cellOf(cells, columns, 'taxCode').toUpperCase().replace(/\s+/g, '');
  let key: MemberKey;
  if (rowText !== '') {
    const listText = cellOf(cells, columns, 'list');
    const row = Number(rowText);
    const list = listText === '' ? null : Number(listText);
    if (!Number.isInteger(row) || row < 1 || (list !== null && (!Number.isInteger(list) || list < 1)))
      return {
        ok: false,
        error: { path: rowText && !Number.isInteger(row) ? 'row' : 'list', message: message('badRow', language) },
      };
    key = { by: 'row', listNumber: list, row };
  } else if (taxCode !== '') key = { by: 'tax-code', taxCode };
  else return { ok: false, error: { path: 'row', message: message('missingKey', language) } };
  const matches = await store.find(campaignId, key);
  // A duplicate row of the same person has no letter: the member with one is meant.
  const withLetter = matches.filter((member) => member.status !== 'not-produced');
  const found = withLetter.length === 1 ? withLetter : matches;
  if (found.length === 0)
    return {
      ok: false,
      error: { path: key.by === 'row' ? 'row' : 'taxCode', message: message('unknownMember', language) },
    };
  if (found.length > 1) return { ok: false, error: { path: 'list', message: message('ambiguous', language) } };
  return { ok: true, member: found[0]! };
}
