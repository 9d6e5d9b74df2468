import fs from 'node:fs';
import { parse } from 'csv-parse';
import { BatchInputError } from './batch-input-error';
import { DecodeStream } from './decode-stream';
import { detectEncoding, type TextEncoding } from './detect-encoding';
import { detectSeparator, type Separator } from './detect-separator';

export interface CsvFormat {
  encoding: TextEncoding;
  separator: Separator;
}

async function firstText(file: string, encoding: TextEncoding): Promise<string> {
  const stream = fs.createReadStream(file, { start: 0, end: 64 * 1024 - 1 }).pipe(new DecodeStream(encoding));
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

export async function detectCsvFormat(file: string): Promise<CsvFormat> {
  const encoding = await detectEncoding(file);
  return { encoding, separator: detectSeparator((await firstText(file, encoding)).replace(/^\uFEFF/, '')) };
}

/**
 * A member's row is a few hundred characters; a longer field means a broken or hostile file (and would fill memory).
 */
export const MAX_RECORD_CHARS = 64 * 1024;

/**
 * The records of a CSV as arrays of cells, streamed: quoted fields may hold separators and line breaks, CRLF or
 * LF end lines, blank lines are skipped. Quotes inside an unquoted cell are kept as a spreadsheet keeps them.
 */
export async function* csvRecords(file: string, format: CsvFormat): AsyncGenerator<string[]> {
  const parser = fs
    .createReadStream(file)
    .pipe(new DecodeStream(format.encoding))
    .pipe(
      parse({
        delimiter: format.separator,
        bom: true,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: MAX_RECORD_CHARS,
      }),
    );
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_MAX_RECORD_SIZE')
      throw new BatchInputError('line-too-long', { line: lines ?? 0, limit: MAX_RECORD_CHARS / 1024 });
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new BatchInputError('unclosed-quote', { line: quoteLine(error) ?? lines ?? 0 });
    throw new BatchInputError('malformed-csv', { line: lines ?? 0 });
  } finally {
    parser.destroy();
  }
}

/** csv-parse gives the line where the file ended inside the quote only in its message. */
function quoteLine(error: unknown): number | null {
  const match = /opening quote at line (\d+)/.exec(error instanceof Error ? error.message : '');
  return match ? Number(match[1]) : null;
}
