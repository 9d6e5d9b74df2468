import { resolveHeader, type ResolvedHeader, columnName } from '../core/member-list/batch-columns';
import type { BatchRecord } from '../core/member-list/row-to-claim';
import { BATCH_COLUMN_KEYS } from '../core/member-list/batch-columns';
import { BatchInputError } from './batch-input-error';
import { csvRecords, detectCsvFormat, MAX_RECORD_CHARS, type CsvFormat } from './csv-records';
import { detectFileKind, type BatchFileKind } from './detect-file-kind';
import { xlsxRecords } from './xlsx-records';
import { sheetRowBudget } from './xlsx/xlsx-limits';

/** What is known about an input file once it has been read through: enough to refuse it or to start the batch. */
export interface BatchFileInfo {
  kind: BatchFileKind;
  /** CSV only. */
  format: CsvFormat | null;
  /** The report's separator: the input's, or `;` / `,` for an Italian / English workbook. */
  separator: string;
  header: ResolvedHeader;
  rows: number;
}

/** One member row: its number (1 = the first under the header), its cells by column, and cells beyond the header. */
export interface SourceRow {
  row: number;
  record: BatchRecord;
  /** Cells beyond the header's columns, empty or not (a separator inside an unquoted field shifts a row). */
  extraCells: number;
  /** Of those, the ones with something in them: data that would otherwise be lost. */
  extraFilled: number;
}

/** `maxRows` bounds the rows a workbook may have, empty ones included (CSV skips blank lines for free). */
function records(
  file: string,
  kind: BatchFileKind,
  format: CsvFormat | null,
  maxRows: number,
): AsyncGenerator<string[]> {
  if (kind === 'csv') return csvRecords(file, format!);
  const limits = { maxColumns: MAX_COLUMNS, maxRowChars: MAX_RECORD_CHARS, maxSheetRows: sheetRowBudget(maxRows) };
  return xlsxRecords(file, { limits });
}

function toRecord(cells: readonly string[], header: ResolvedHeader): BatchRecord {
  const record = Object.fromEntries(BATCH_COLUMN_KEYS.map((column) => [column, ''])) as BatchRecord;
  header.columns.forEach((column, index) => {
    if (column) record[column] = cells[index] ?? '';
  });
  return record;
}

/** A member list has about twenty columns; thousands mean a wrong separator or a hostile file. */
export const MAX_COLUMNS = 500;

/**
 * Reads the whole file once, cheaply (no letters): its kind, encoding, separator, header and row count. Throws a
 * BatchInputError when it cannot be processed, so an upload is refused at once instead of failing later.
 */
export async function inspectBatchFile(file: string, limits: { maxRows: number }): Promise<BatchFileInfo> {
  const kind = await detectFileKind(file);
  const format = kind === 'csv' ? await detectCsvFormat(file) : null;
  let header: ResolvedHeader | null = null;
  let rows = 0;
  for await (const cells of records(file, kind, format, limits.maxRows)) {
    if (cells.length > MAX_COLUMNS)
      throw new BatchInputError('too-many-columns', { line: header ? rows + 2 : 1, limit: MAX_COLUMNS });
    if (!header) {
      header = resolveHeader(cells);
      if (header.missing.length > 0) {
        const names = header.missing.map((column) => columnName(column, header!.language)).join(', ');
        throw new BatchInputError('missing-columns', { columns: names });
      }
      continue;
    }
    rows += 1;
    if (rows > limits.maxRows) throw new BatchInputError('too-many-rows', { limit: limits.maxRows });
  }
  if (!header || rows === 0) throw new BatchInputError('empty');
  const separator = format?.separator ?? (header.language === 'it' ? ';' : ',');
  return { kind, format, separator, header, rows };
}

/** The member rows of an inspected file, streamed in order. */
export async function* sourceRows(file: string, info: BatchFileInfo): AsyncGenerator<SourceRow> {
  let row = -1;
  for await (const cells of records(file, info.kind, info.format, Number.MAX_SAFE_INTEGER)) {
    row += 1;
    if (row === 0) continue;
    const extra = cells.slice(info.header.columns.length);
    yield {
      row,
      record: toRecord(cells, info.header),
      extraCells: extra.length,
      extraFilled: extra.filter((cell) => cell.trim() !== '').length,
    };
  }
}
