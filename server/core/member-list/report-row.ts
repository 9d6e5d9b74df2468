import type { FieldError } from '../claim/field-error-schema';
import type { Language, Localized } from '../i18n/language';
import { centsToDecimalString, type Cents } from '../money/money';
import { FORMULA_PREFIX } from '../validation/text-fields';
import { columnForPath, columnPosition } from './batch-columns';
import { REPORT_HEADERS as HEADERS } from './member-list-texts';

export const ROW_STATUSES = ['ok', 'not-eligible', 'invalid', 'duplicate'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** One line of report.csv: every input row has exactly one. */
export interface ReportRow {
  row: number;
  name: string;
  status: RowStatus;
  totalCents: Cents | null;
  /** Field errors (with the column as path), reasons for not being eligible, or the duplicate's first row. */
  reasons: FieldError[];
  fileName: string | null;
  sha256: string | null;
}

export function reportHeader(language: Language, extraColumn?: Localized): string[] {
  return [...HEADERS, ...(extraColumn ? [extraColumn] : [])].map((header) => header[language]);
}

/** Field errors with claim paths → the same errors named by the file's columns, in the order of the columns. */
export function errorsByColumn(errors: readonly FieldError[], language: Language): FieldError[] {
  const named = errors.map((error) => ({ path: columnForPath(error.path, language), message: error.message }));
  const position = (error: FieldError) => (error.path === '' ? -1 : columnPosition(error.path, language));
  return named.sort((a, b) => position(a) - position(b));
}

export function formatReasons(reasons: readonly FieldError[]): string {
  return reasons.map((reason) => (reason.path ? `${reason.path}: ${reason.message}` : reason.message)).join(' | ');
}

/** The cells of a report line; amounts with a decimal comma for an Italian file, so its spreadsheet reads numbers. */
export function reportCells(row: ReportRow, language: Language, extra?: string): string[] {
  const total = row.totalCents === null ? '' : centsToDecimalString(row.totalCents);
  return [
    String(row.row),
    row.name,
    row.status,
    language === 'it' ? total.replace('.', ',') : total,
    formatReasons(row.reasons),
    row.fileName ?? '',
    row.sha256 ?? '',
    ...(extra === undefined ? [] : [extra]),
  ].map(neutralizeCell);
}

const RISKY_START = /^[\t\r]/;
/** What a spreadsheet may skip before a formula: spaces of any kind and invisible characters. */
const HIDDEN_PREFIX = /^[\s\u200b-\u200f\u2060\ufeff]+/u;

/**
 * A cell a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@` or their fullwidth forms, possibly after
 * spaces or invisible characters, or a tab / carriage return) gets a leading apostrophe, which spreadsheets show as
 * text (OWASP "CSV injection").
 */
export function neutralizeCell(value: string): string {
  const risky = RISKY_START.test(value) || FORMULA_PREFIX.test(value.replace(HIDDEN_PREFIX, ''));
  return risky ? `'${value}` : value;
}

/** One CSV line: fields with the separator, a quote or a line break are quoted, quotes doubled; CRLF ends it. */
export function csvLine(cells: readonly string[], separator: string): string {
  const quoted = cells.map((cell) =>
    cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell,
  );
  return `${quoted.join(separator)}\r\n`;
}
