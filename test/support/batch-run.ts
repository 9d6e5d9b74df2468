import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import yauzl from 'yauzl';
import { inspectBatchFile } from '../../server/batch/batch-source';
import type { RenderPool } from '../../server/batch/render-pool';
import { runBatch, type BatchRunOptions, type BatchSummary } from '../../server/batch/run-batch';
import { associationSchema, type Association } from '../../server/core/claim/association-schema';
import { validateWith } from '../../server/core/claim/validate-claim';
import { TEST_NOW } from './test-service';

export const BATCH_FIXTURES = path.join(__dirname, '../fixtures/batch');
export const SAMPLE_CSV = path.join(__dirname, '../fixtures/batch/members-excel-it.csv');

export function fixture(name: string): string {
  return path.join(BATCH_FIXTURES, name);
}

/** Every entry of a ZIP, in archive order, read with yauzl (a real reader, not the writer's own code). */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** report.csv as rows of cells (header first), read back with csv-parse and the given separator. */
export function parseReport(bytes: Buffer, separator = ';'): string[][] {
  return parse(bytes.toString('utf8'), { delimiter: separator, bom: true }) as string[][];
}

export interface FixtureRun {
  summary: BatchSummary;
  entries: Map<string, Buffer>;
  report: string[][];
  zipFile: string;
}

const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Inspects and runs a member list as the CLI and the web do, with the tests' fixed "today"; its files go after the test
 * file.
 */
export async function runFixture(
  file: string,
  pool: RenderPool,
  options: Partial<BatchRunOptions> = {},
): Promise<FixtureRun> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batch-test-'));
  workDirs.push(workDir);
  const zipFile = path.join(workDir, 'letters.zip');
  const info = await inspectBatchFile(file, { maxRows: 1000 });
  const summary = await runBatch({
    file,
    info,
    zipFile,
    workDir,
    now: TEST_NOW,
    pool,
    association: null,
    letter: {},
    ...options,
  });
  const entries = await readZip(zipFile);
  return { summary, entries, report: parseReport(entries.get('report.csv')!, info.separator), zipFile };
}

/** The report as `row status reasons` lines, easy to compare whole. */
export function reportLines(report: string[][], options: { warnings?: boolean } = {}): string[] {
  // An eligible row may carry warnings about the member (a tax code that does not match the name…); most tests
  // reuse a few tax codes on purpose, so they look at them only when they ask to.
  return report
    .slice(1)
    .map((cells) =>
      cells[2] === 'ok' && !options.warnings ? `${cells[0]} ok` : `${cells[0]} ${cells[2]} ${cells[4]}`.trim(),
    );
}

/** The details of an association sending letters on behalf of its members. */
export const TEST_ASSOCIATION_INPUT = {
  name: 'Associazione Utenti Posta',
  taxCode: '00743110157',
  street: 'Via Nazionale 10',
  postalCode: '00184',
  city: 'Roma',
  province: 'RM',
  pec: 'associazione@pec.example.org',
  representative: 'Giovanna Esposito',
};

export function testAssociation(): Association {
  const validated = validateWith(associationSchema, TEST_ASSOCIATION_INPUT, 'it');
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return validated.value;
}

/**
 * A member list through `POST /api/v1/batches` (with the given form fields), polled until done, its ZIP downloaded:
 * report.csv as rows of cells, header first.
 */
export async function batchReportThroughApi(
  app: Express,
  fields: Record<string, string>,
  file = SAMPLE_CSV,
  /** The operator's credentials (e.g. `{ Authorization: 'Bearer …' }`): batches are for signed-in operators. */
  auth: Record<string, string> = {},
): Promise<string[][]> {
  let upload = request(app).post('/api/v1/batches').set(auth);
  for (const [name, value] of Object.entries(fields)) upload = upload.field(name, value);
  const created = await upload.attach('file', file).expect(202);
  let status = created.body as { id: string; state: string; download?: string };
  while (status.state !== 'done' && status.state !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (await request(app).get(`/api/v1/batches/${status.id}`).set(auth).expect(200)).body;
  }
  const zip = await request(app)
    .get(status.download!)
    .set(auth)
    .buffer(true)
    .parse((stream, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batch-test-'));
  workDirs.push(workDir);
  const zipFile = path.join(workDir, 'letters.zip');
  fs.writeFileSync(zipFile, zip.body as Buffer);
  return parseReport((await readZip(zipFile)).get('report.csv')!);
}

/** `count` distinct eligible members (the sample's first row, a different mailbox each), as a CSV file in `dir`. */
export function distinctMembers(dir: string, count: number): string {
  const [header, first] = fs
    .readFileSync(SAMPLE_CSV, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  const rows = Array.from({ length: count }, (_, index) =>
    first!.replace('mario.rossi@libero.it', `socio${index}@libero.it`),
  );
  const file = path.join(dir, `members-${count}.csv`);
  fs.writeFileSync(file, `${[header, ...rows].join('\r\n')}\r\n`);
  return file;
}
