import path from 'node:path';
import { DuplicateDetector } from '../core/member-list/duplicate-detector';
import { reportCells, reportHeader, type ReportRow, type RowStatus } from '../core/member-list/report-row';
import type { Assessment } from '../core/assessment/assess-claim';
import type { Association } from '../core/claim/association-schema';
import type { Claim } from '../core/claim/claim-schema';
import type { Language, Localized } from '../core/i18n/language';
import { sourceRows, type BatchFileInfo } from './batch-source';
import { duplicateRow } from './prepare-row';
import type { RenderPool, RowOutcome } from './render-pool';
import { ReportWriter } from './report-writer';
import { ZipWriter } from './zip-writer';

/** What a batch hands out for each row, in row order: the hook for sending letters by e-mail later. */
export interface BatchRowResult {
  report: ReportRow;
  /** The validated claim (null for an invalid or duplicate row). */
  claim: Claim | null;
  /** Its assessment (letter date, deadline…), null when there is no claim. */
  assessment: Assessment | null;
  /** The rendered letter of an `ok` row. */
  letter: { pdf: Buffer; sha256: string; fileName: string } | null;
}

export interface BatchRunOptions {
  file: string;
  info: BatchFileInfo;
  zipFile: string;
  /** Where report.csv is written before it goes into the ZIP. */
  workDir: string;
  pool: RenderPool;
  /** "Today" for the whole batch: a row without a letter date is dated this day. */
  now: number;
  association: Association | null;
  /** The claim's `letter` options, the same for every row. */
  letter: Record<string, unknown>;
  /**
   * Language of the messages; defaults to the language of the file's column names (which the report's headers keep).
   */
  language?: Language;
  onProgress?: (processed: number, total: number) => void;
  /** Awaited for each row in order; with `extraColumn`, the text it returns fills that column of the report. */
  onRow?: (result: BatchRowResult) => Promise<string | void> | string | void;
  extraColumn?: Localized;
}

export type StatusCounts = Record<RowStatus, number>;

export interface BatchSummary {
  rows: number;
  counts: StatusCounts;
  /** The first rows that did not give a letter, for a summary screen. */
  problems: ReportRow[];
  language: Language;
}

const PROBLEMS_KEPT = 10;

/**
 * member list → ZIP of letters + report.csv, streamed: rows are read here (and duplicates caught, in order), then
 * mapped, validated, assessed and rendered on the pool's threads, and written in input order, with at most a few
 * rows per worker in flight, so memory does not grow with the list and this thread only reads, orders and zips.
 */
export async function runBatch(options: BatchRunOptions): Promise<BatchSummary> {
  const zip = await ZipWriter.create(options.zipFile, { workDir: options.workDir });
  try {
    return await writeArchive(options, zip);
  } finally {
    await zip.close();
  }
}

async function writeArchive(options: BatchRunOptions, zip: ZipWriter): Promise<BatchSummary> {
  const { info, pool } = options;
  const columns = info.header.language;
  const language = options.language ?? columns;
  const duplicates = new DuplicateDetector();
  const report = new ReportWriter(path.join(options.workDir, 'report.csv'), info.separator);
  await report.write(reportHeader(columns, options.extraColumn));
  const counts: StatusCounts = { ok: 0, 'not-eligible': 0, invalid: 0, duplicate: 0 };
  const problems: ReportRow[] = [];
  let processed = 0;

  async function emit({ prepared, letter }: RowOutcome): Promise<void> {
    const { claim, assessment, ...row } = prepared;
    const reportRow: ReportRow = { ...row, sha256: letter?.sha256 ?? null };
    if (letter) await zip.addBuffer(row.fileName!, letter.pdf, letterTimestamp(letter.letterDate));
    const extra = await options.onRow?.({
      report: reportRow,
      claim,
      assessment: assessment ?? null,
      letter: letter && { pdf: letter.pdf, sha256: letter.sha256, fileName: row.fileName! },
    });
    await report.write(reportCells(reportRow, columns, options.extraColumn ? (extra ?? '') : undefined));
    counts[reportRow.status] += 1;
    if (reportRow.status !== 'ok' && problems.length < PROBLEMS_KEPT) problems.push(reportRow);
    processed += 1;
    options.onProgress?.(processed, info.rows);
  }

  const window = pool.size * 4;
  const inFlight: Promise<RowOutcome>[] = [];
  try {
    for await (const source of sourceRows(options.file, info)) {
      const duplicate = duplicateRow(source, duplicates, language);
      const finished: Promise<RowOutcome> = duplicate
        ? Promise.resolve({ prepared: duplicate, letter: null })
        : pool.process({
            source,
            language,
            columns,
            letter: options.letter,
            association: options.association,
            now: options.now,
            withClaim: options.onRow !== undefined,
          });
      finished.catch(() => undefined); // awaited below, in order; this only keeps an early failure from going unhandled
      inFlight.push(finished);
      while (inFlight.length >= window) await emit(await inFlight.shift()!);
    }
    while (inFlight.length > 0) await emit(await inFlight.shift()!);
  } finally {
    await report.end();
  }
  await zip.addFile('report.csv', report.file);
  await zip.end();
  return { rows: processed, counts, problems, language };
}

/** Noon of the letters' date, local time: the ZIP's DOS time stamps are local and must not depend on the zone. */
function letterTimestamp(letterDate: string): Date {
  const [year, month, day] = letterDate.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day, 12);
}
