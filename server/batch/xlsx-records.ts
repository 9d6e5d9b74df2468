import type ExcelJS from 'exceljs';
import { BatchInputError } from './batch-input-error';

type CellValue = ExcelJS.CellValue;

const pad = (value: number) => String(value).padStart(2, '0');

/** A cell as the text a CSV export of it would hold. Dates in a workbook carry no zone: their digits are kept. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result);
  if ('text' in value) return String(value.text);
  return '';
}

/** The rows of the first worksheet, streamed (the workbook is never loaded whole); empty rows are skipped. */
export async function* xlsxRecords(file: string): AsyncGenerator<string[]> {
  // Loaded only when a workbook is read: exceljs costs about 28 MB of memory that a CSV batch does not need.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row as ExcelJS.Row).values as CellValue[];
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, index) =>
          cellText(values[index + 1]).trim(),
        );
        if (cells.some((cell) => cell !== '')) yield cells;
      }
      return;
    }
  } catch (error) {
    if (error instanceof BatchInputError) throw error;
    throw new BatchInputError('unreadable', { detail: error instanceof Error ? error.message : String(error) });
  }
}
