import { readDateStyles } from './cell-styles';
import { readSharedStrings } from './shared-strings';
import { sheetRecords } from './sheet-records';
import { readWorkbookLayout } from './workbook-layout';
import type { XlsxLimits } from './xlsx-limits';
import { ZipArchive } from './zip-archive';

/**
 * The records of an .xlsx's first sheet (the first tab), read straight from the ZIP: the central directory checked
 * first, then the styles and shared strings, then the sheet streamed. Nothing is written anywhere; runs in the xlsx
 * worker thread (see xlsx-records.ts).
 */
export async function* readXlsxRecords(file: string, limits: XlsxLimits): AsyncGenerator<string[]> {
  const zip = await ZipArchive.open(file, limits);
  try {
    const layout = await readWorkbookLayout(zip);
    const dateStyles = layout.styles ? await readDateStyles(zip, layout.styles, limits) : [];
    const sharedStrings = layout.sharedStrings ? await readSharedStrings(zip, layout.sharedStrings, limits) : [];
    yield* sheetRecords(zip, layout.sheet, { sharedStrings, dateStyles, date1904: layout.date1904 }, limits);
  } finally {
    zip.close();
  }
}
