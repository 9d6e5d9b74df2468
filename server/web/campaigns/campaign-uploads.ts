import busboy from 'busboy';
import type { Request } from 'express';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { detectSeparator } from '../../batch/detect-separator';
import type { ImportTable } from '../../use-cases/campaigns/import-table';
import type { ReceiptFile } from '../../use-cases/campaigns/import-receipts';

export interface UploadLimits {
  /** Largest single file (and largest file inside a ZIP). */
  fileBytes: number;
  /** All files together, ZIP contents included. */
  totalBytes: number;
  files: number;
}

export const IMPORT_LIMITS: UploadLimits = { fileBytes: 10 * 1024 * 1024, totalBytes: 100 * 1024 * 1024, files: 5000 };

export type UploadProblem = 'malformed' | 'too-large' | 'too-many' | 'no-file' | 'bad-zip';

export interface ReceivedFiles {
  fields: Record<string, string>;
  files: ReceiptFile[];
}

/** A multipart body read into memory within the limits: its fields and its files (any field name). */
export function receiveFiles(req: Request, limits: UploadLimits): Promise<ReceivedFiles | UploadProblem> {
  return new Promise((resolve) => {
    const fields: Record<string, string> = {};
    const files: ReceiptFile[] = [];
    let total = 0;
    let problem: UploadProblem | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: limits.fileBytes, files: limits.files, fields: 20, fieldSize: 4096 },
      });
    } catch {
      resolve('malformed');
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limits.totalBytes) problem ??= 'too-large';
        else chunks.push(chunk);
      });
      stream.on('limit', () => {
        problem ??= 'too-large';
      });
      stream.on('end', () => {
        if (info.filename) files.push({ name: info.filename, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => {
      problem ??= 'too-many';
    });
    parser.on('error', () => {
      req.unpipe(parser);
      req.resume();
      resolve('malformed');
    });
    parser.on('close', () => resolve(problem ?? { fields, files }));
    req.pipe(parser);
  });
}

/** The `.eml` files inside a ZIP (folders flattened), within the limits; anything else in it is left out. */
export function emlFilesOfZip(zip: Buffer, limits: UploadLimits): Promise<ReceiptFile[] | UploadProblem> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, strictFileNames: false }, (error, archive) => {
      if (error || !archive) return resolve('bad-zip');
      const files: ReceiptFile[] = [];
      let total = 0;
      const fail = (problem: UploadProblem) => {
        archive.close();
        resolve(problem);
      };
      archive.on('error', () => fail('bad-zip'));
      archive.on('end', () => resolve(files));
      archive.on('entry', (entry: yauzl.Entry) => {
        if (!/\.eml$/i.test(entry.fileName) || entry.fileName.endsWith('/')) return archive.readEntry();
        if (files.length >= limits.files) return fail('too-many');
        if (entry.uncompressedSize > limits.fileBytes) return fail('too-large');
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail('bad-zip');
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            if (size > limits.fileBytes || total > limits.totalBytes) stream.destroy(new Error('too large'));
            else chunks.push(chunk);
          });
          stream.on('error', () =>
            fail(size > limits.fileBytes || total > limits.totalBytes ? 'too-large' : 'bad-zip'),
          );
          stream.on('end', () => {
            files.push({ name: entry.fileName.split('/').pop()!, bytes: Buffer.concat(chunks) });
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

/** Uploaded receipts: each `.eml` as is, each `.zip` opened for the `.eml` files inside. */
export async function receiptFilesOf(
  files: readonly ReceiptFile[],
  limits: UploadLimits,
): Promise<ReceiptFile[] | UploadProblem> {
  const receipts: ReceiptFile[] = [];
  for (const file of files) {
    if (/\.zip$/i.test(file.name) || file.bytes.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) {
      const inside = await emlFilesOfZip(file.bytes, limits);
      if (typeof inside === 'string') return inside;
      receipts.push(...inside);
    } else receipts.push(file);
  }
  return receipts.length > limits.files ? 'too-many' : receipts;
}

/** A CSV upload as a table: UTF-8 (a BOM dropped; Windows-1252 when it is not UTF-8), its separator detected. */
export function csvTable(bytes: Buffer): ImportTable | 'malformed' {
  const utf8 = bytes.toString('utf8');
  const text = (utf8.includes('\ufffd') ? bytes.toString('latin1') : utf8).replace(/^\ufeff/, '');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectSeparator(text),
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch {
    return 'malformed';
  }
  const [header = [], ...rest] = records;
  const rows = rest
    .map((cells, index) => ({ line: index + 2, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return { header, rows };
}
