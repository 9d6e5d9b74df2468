import { BatchInputError } from '../batch-input-error';
import { cellText, type CellFacts } from './cell-text';
import { parseXml } from './xml-events';
import type { XlsxLimits } from './xlsx-limits';
import type { ZipArchive } from './zip-archive';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell style: is its number format a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** `AB12` → 27 (0-based column); null when the reference has no column letters. */
export function columnIndex(reference: string | undefined): number | null {
  if (!reference) return null;
  let column = 0;
  let letters = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    letters += 1;
    if (letters > 3) return null;
  }
  return letters === 0 ? null : column - 1;
}

interface OpenCell extends CellFacts {
  column: number;
  style: number;
}

/**
 * The records of a worksheet, streamed from its `<sheetData>`: each row's cells as text (gaps as empty cells), rows
 * with nothing in them skipped. Every `<row>` counts toward the row budget, empty or not, and a row with a value
 * past the column limit or longer than a CSV line may be is refused, so the cost of a sheet is bounded by its size.
 */
export async function* sheetRecords(
  zip: ZipArchive,
  name: string,
  context: SheetContext,
  limits: XlsxLimits,
): AsyncGenerator<string[]> {
  const ready: string[][] = [];
  let inSheetData = false;
  let finished = false;
  let rowsSeen = 0;
  let records = 0;
  let row: string[] | null = null;
  let rowChars = 0;
  let nextColumn = 0;
  let cell: OpenCell | null = null;
  /** Where text goes: the cell's `<v>`, its inline string's `<t>`, or nowhere. */
  let target: 'value' | 'inline' | null = null;
  let phonetic = 0;

  const line = () => records + 1;
  const closeCell = (open: OpenCell) => {
    const text = cellText(open, context.sharedStrings, context.date1904).trim();
    if (text === '' || !row) return;
    if (open.column >= limits.maxColumns)
      throw new BatchInputError('too-many-columns', { line: line(), limit: limits.maxColumns });
    rowChars += text.length;
    if (rowChars > limits.maxRowChars)
      throw new BatchInputError('line-too-long', { line: line(), limit: limits.maxRowChars / 1024 });
    while (row.length < open.column) row.push('');
    row[open.column] = text;
  };

  const parts = parseXml(zip.chunks(name), {
    open: (element, attributes) => {
      if (element === 'sheetData') inSheetData = true;
      if (!inSheetData) return;
      if (element === 'row') {
        rowsSeen += 1;
        if (rowsSeen > limits.maxSheetRows) throw new BatchInputError('xlsx-rows', { limit: limits.maxSheetRows });
        row = [];
        rowChars = 0;
        nextColumn = 0;
      } else if (element === 'c') {
        const column = columnIndex(attributes.r) ?? nextColumn;
        nextColumn = column + 1;
        const style = Number(attributes.s ?? 0);
        cell = {
          column,
          style,
          type: attributes.t ?? 'n',
          value: null,
          inline: null,
          isDate: context.dateStyles[style] ?? false,
        };
      } else if (cell && element === 'v') {
        cell.value = '';
        target = 'value';
      } else if (cell && element === 'rPh') phonetic += 1;
      else if (cell && element === 't' && phonetic === 0) {
        cell.inline ??= '';
        target = 'inline';
      }
    },
    close: (element) => {
      if (!inSheetData) return;
      if (element === 'v' || element === 't') target = null;
      else if (element === 'rPh') phonetic -= 1;
      else if (element === 'c' && cell) {
        closeCell(cell);
        cell = null;
      } else if (element === 'row' && row) {
        if (row.some((text) => text !== '')) {
          ready.push(row);
          records += 1;
        }
        row = null;
      } else if (element === 'sheetData') {
        inSheetData = false;
        finished = true;
      }
    },
    text: (text) => {
      if (!cell || target === null) return;
      const length = (target === 'value' ? cell.value : cell.inline)!.length + text.length;
      if (length > limits.maxRowChars)
        throw new BatchInputError('line-too-long', { line: line(), limit: limits.maxRowChars / 1024 });
      if (target === 'value') cell.value += text;
      else cell.inline += text;
    },
    done: () => finished,
  });
  for await (const _ of parts) {
    while (ready.length > 0) yield ready.shift()!;
  }
  while (ready.length > 0) yield ready.shift()!;
}
