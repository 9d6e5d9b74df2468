import type { Assessment } from '../core/assessment/assess-claim';
import { errorsByColumn, type ReportRow } from '../core/member-list/report-row';
import { BATCH_MESSAGES } from '../core/member-list/member-list-texts';
import type { DuplicateDetector } from '../core/member-list/duplicate-detector';
import { rowToClaimInput } from '../core/member-list/row-to-claim';
import type { Association } from '../core/claim/association-schema';
import type { Claim } from '../core/claim/claim-schema';
import type { FieldError } from '../core/claim/field-error-schema';
import { interpolate, type Language } from '../core/i18n/language';
import { personSlug } from '../core/text/slug';
import type { LetterService } from '../use-cases/letter-service';
import type { SourceRow } from './batch-source';
import { EXTRA_CELLS } from './batch-texts';

/** What a row is checked with; a worker thread has its own. */
export interface RowContext {
  service: Pick<LetterService, 'assess' | 'ruleset'>;
  /** Language of the messages. */
  language: Language;
  /** Language of the file's column names: errors are named by them. */
  columns: Language;
  letter: Record<string, unknown>;
  /** The association sending every letter, if any: a business row is refused for it (W1). */
  association: Association | null;
}

/** A row ready for the report; `claim` and `assessment` are set when a letter is to be rendered. */
export type PreparedRow = ReportRow & { claim: Claim | null; assessment: Assessment | null };

/** `0001-rossi-mario.pdf`: row number, then an ASCII slug of the name. */
export function batchFileName(row: number, claim: Claim): string {
  return `${String(row).padStart(4, '0')}-${personSlug(claim.claimant)}.pdf`;
}

function baseRow({ record, row }: SourceRow) {
  return {
    row,
    name: `${record.firstName.trim()} ${record.lastName.trim()}`.trim(),
    totalCents: null,
    fileName: null,
    sha256: null,
    claim: null,
    assessment: null,
  };
}

/**
 * The duplicate check, done where the rows are read, in order (the first of two rows counts): the report line of a
 * duplicate row, or null.
 */
export function duplicateRow(source: SourceRow, duplicates: DuplicateDetector, language: Language): PreparedRow | null {
  const firstRow = duplicates.check(source.record.taxCode, source.record.mailbox, source.row);
  if (firstRow === null) return null;
  const reasons = [{ path: '', message: interpolate(BATCH_MESSAGES.duplicate[language], { row: firstRow }) }];
  return { ...baseRow(source), status: 'duplicate', reasons };
}

/** Spreadsheet mapping, then the very validation and assessment a single claim gets (on a worker thread). */
export function prepareRow(source: SourceRow, ctx: RowContext): PreparedRow {
  const { record, row } = source;
  const base = baseRow(source);

  const mapping = rowToClaimInput(record, {
    ruleset: ctx.service.ruleset,
    language: ctx.language,
    columns: ctx.columns,
    letter: ctx.letter,
  });
  const assessed = ctx.service.assess(mapping.input, ctx.language, { association: ctx.association });
  const mappedPaths = new Set(mapping.errors.map((error) => error.path));
  const errors: FieldError[] = [
    ...mapping.errors,
    ...(assessed.ok ? [] : assessed.errors.filter((error) => !mappedPaths.has(error.path))),
  ];
  // Empty cells beyond the header are harmless (some exports end every line with a separator) unless the row is
  // wrong anyway: then they are the likely reason, so the report says it first.
  if (source.extraFilled > 0 || (source.extraCells > 0 && errors.length > 0)) {
    errors.unshift({ path: '', message: interpolate(EXTRA_CELLS[ctx.language], { count: source.extraCells }) });
  }
  if (!assessed.ok || errors.length > 0)
    return { ...base, status: 'invalid', reasons: errorsByColumn(errors, ctx.columns) };

  const { claim, assessment, presented } = assessed;
  const totalCents = assessment.compensation.totalCents;
  if (!assessment.eligible) {
    const reasons = presented.reasons.map((reason) => ({ path: '', message: reason.message }));
    return { ...base, status: 'not-eligible', reasons, totalCents };
  }
  // An eligible row still reports what the operator should check about that member (a tax code that does not
  // match the name, a period no source confirms…); warnings that hold for the whole batch are left to its page.
  const reasons = presented.warnings
    .filter((warning) => ROW_WARNINGS.has(warning.code))
    .map((warning) => ({ path: '', message: warning.message }));
  return { ...base, status: 'ok', reasons, totalCents, fileName: batchFileName(row, claim), claim, assessment };
}

const ROW_WARNINGS = new Set<string>([
  'tax-code-name',
  'unverified-period',
  'mailbox-domain',
  'plan-provider',
  'compensation-capped',
  'prescription-near',
  'gdpr-prescription-near',
  'gdpr-prescription-passed',
  'termination-not-quantified',
]);
