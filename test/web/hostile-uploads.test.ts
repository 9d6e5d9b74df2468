import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { batchStatusSchema, type BatchStatus } from '../../server/batch/batch-status';
import { parseReport, readZip, SAMPLE_CSV } from '../support/batch-run';
import { testApp, UNLIMITED_RATES } from '../support/test-app';
import { addTestOperator } from '../support/operators';

/**
 * Hostile member lists and multipart bodies against POST /api/v1/batches: every answer is a 4xx with a message or a
 * 202 whose batch ends with every row reported; never a 5xx, never a hang, memory bounded.
 */
let dir: string;
let composed: ReturnType<typeof testApp>;
let app: ReturnType<typeof testApp>['app'];
let internalErrors: unknown[];
let auth: Record<string, string>;
const SAMPLE = fs.readFileSync(SAMPLE_CSV, 'utf8');
const [HEADER, ...ROWS] = SAMPLE.split('\r\n').filter(Boolean);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-hostile-'));
  composed = testApp({
    ...UNLIMITED_RATES,
    BATCH_DIR: path.join(dir, 'store'),
    BATCH_WORKERS: 1,
    BATCH_MAX_UPLOAD_MB: 64,
  });
  ({ app, internalErrors } = composed);
  ({ bearer: auth } = await addTestOperator(composed.storage));
});
afterAll(async () => {
  await composed.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(internalErrors).toEqual([]));

function expectClientError(res: request.Response): void {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.body.errors.length).toBeGreaterThan(0);
  for (const error of res.body.errors) expect(error.message.length).toBeGreaterThan(0);
}

async function finished(id: string): Promise<BatchStatus> {
  for (;;) {
    const status = batchStatusSchema.parse(
      (await request(app).get(`/api/v1/batches/${id}`).set(auth).expect(200)).body,
    );
    if (status.state === 'done' || status.state === 'failed') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function upload(name: string, content: string | Buffer): Promise<request.Response> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const res = await request(app).post('/api/v1/batches').set(auth).attach('file', file).timeout(120_000);
  expect(res.status).toBeLessThan(500);
  if (res.status !== 202) expectClientError(res);
  return res;
}

/** Uploads, and when accepted waits for the end: every input row is in the report. */
async function uploadAndReport(
  name: string,
  content: string | Buffer,
): Promise<{ res: request.Response; report?: string[][] }> {
  const res = await upload(name, content);
  if (res.status !== 202) return { res };
  const status = await finished(res.body.id as string);
  expect(status.state).toBe('done');
  const zip = await request(app)
    .get(`/api/v1/batches/${status.id}/letters.zip`)
    .set(auth)
    .buffer(true)
    .parse((stream, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const zipFile = path.join(dir, `${name}.zip`);
  fs.writeFileSync(zipFile, zip.body as Buffer);
  const entries = await readZip(zipFile);
  return { res, report: parseReport(entries.get('report.csv')!) };
}

function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

test('100,000 or 1,000 columns: refused at once, naming the line and the limit', async () => {
  const columns = Array.from({ length: 100_000 }, (_, index) => `c${index}`).join(';');
  const wideHeader = await upload('wide.csv', `${HEADER};${columns}\r\n${ROWS[0]}\r\n`);
  expect(wideHeader.status).toBe(422);
  // 100,000 columns are longer than a line may be: refused as such.
  expect(wideHeader.body.errors[0]).toEqual({ path: 'file', message: expect.stringMatching(/riga 1 è troppo lunga/) });
  const wideRow = await upload('wide-row.csv', `${HEADER}\r\n${ROWS[0]}\r\n${ROWS[1]};${'x;'.repeat(999)}x\r\n`);
  expect(wideRow.status).toBe(422);
  expect(wideRow.body.errors[0].message).toMatch(/riga 3 ha più di 500 colonne/);
});

test('a 50 MB line: refused at once with a clear message, memory bounded', async () => {
  const before = rssMb();
  const res = await upload('long-line.csv', `${HEADER}\r\n${'a'.repeat(50 * 1024 * 1024)}\r\n`);
  expect(res.status).toBe(422);
  expect(res.body.errors[0].message).toMatch(/riga 2 è troppo lunga \(più di 64 KB\)/);
  expect(rssMb() - before).toBeLessThan(400);
});

test('over the upload limit: 413 with the limit in the message, read no further', async () => {
  const smallApp = testApp({ BATCH_DIR: path.join(dir, 'small'), BATCH_MAX_UPLOAD_MB: 1 });
  const { app: small, stop: stopSmall } = smallApp;
  const { bearer: authSmall } = await addTestOperator(smallApp.storage);
  const file = path.join(dir, 'big.csv');
  fs.writeFileSync(file, `${HEADER}\r\n${'b'.repeat(3 * 1024 * 1024)}\r\n`);
  const res = await request(small).post('/api/v1/batches?lang=en').set(authSmall).attach('file', file).expect(413);
  expect(res.body.errors[0].message).toMatch(/1 MB/);
  await stopSmall();
});

test('NUL bytes inside cells: the file is taken for binary and refused clearly, nothing kept', async () => {
  const withNuls = [
    HEADER,
    ...ROWS.map((row, index) => (index % 2 ? row.replace(/^([^;]*)/, '$1\u0000\u0000') : row)),
  ].join('\r\n');
  const res = await upload('nuls.csv', `${withNuls}\r\n`);
  expect(res.status).toBe(415);
  expect(res.body.errors[0]).toEqual({ path: 'file', message: expect.stringMatching(/non è un CSV/) });
  expect(fs.readdirSync(path.join(dir, 'store')).length).toBeLessThanOrEqual(1);
});

test('formula cells never reach the report as formulas', async () => {
  const formulas = ['=HYPERLINK("http://evil","x")', '+SUM(1,2)', '-2+3', '@cmd', '\t=1+1', '\r=1'];
  const rows = formulas.map((formula, index) => ROWS[index % ROWS.length]!.replace(/^[^;]*/, `"${formula}"`));
  const { report } = await uploadAndReport('formulas.csv', `${[HEADER, ...rows].join('\r\n')}\r\n`);
  expect(report).toBeDefined();
  expect(report!.length).toBe(rows.length + 1);
  for (const cell of report!.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});

describe('hostile multipart bodies', () => {
  const boundary = 'XyZ';
  const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
  const cases: [string, string][] = [
    ['no file field', `${part('Content-Disposition: form-data; name="association.name"', 'x')}--${boundary}--\r\n`],
    [
      'an empty file',
      `${part(
        'Content-Disposition: form-data; name="file"; ' + 'filename="m.csv"\r\nContent-Type: text/csv',
        '',
      )}--${boundary}--\r\n`,
    ],
    [
      'two files',
      `${part('Content-Disposition: form-data; name="file"; filename="a.csv"', SAMPLE)}` +
        `${part('Content-Disposition: form-data; name="file"; filename="b.csv"', SAMPLE)}--` +
        `${boundary}--\r\n`,
    ],
    [
      'a path in the file name',
      `${part(
        'Content-Disposition: form-data; name="file"; ' + 'filename="../../../../etc/passwd"',
        SAMPLE,
      )}--${boundary}--\r\n`,
    ],
    [
      'a PNG called .csv',
      part(
        'Content-Disposition: form-data; name="file"; filename="m.csv"',
        '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
      ) + `--${boundary}--\r\n`,
    ],
    ['truncated', `${part('Content-Disposition: form-data; name="file"; filename="m.csv"', SAMPLE).slice(0, 300)}`],
    ['no closing boundary', part('Content-Disposition: form-data; name="file"; filename="m.csv"', SAMPLE)],
    [
      '10,000 fields',
      Array.from({ length: 10_000 }, (_, index) => part(`Content-Disposition: form-data; name="f${index}"`, 'v')).join(
        '',
      ) + `--${boundary}--\r\n`,
    ],
    [
      'a huge field name',
      `${part(`Content-Disposition: form-data; name="${'n'.repeat(200_000)}"`, 'v')}--${boundary}--\r\n`,
    ],
    [
      'a huge text field',
      `${part('Content-Disposition: form-data; name="association.name"', 'v'.repeat(5_000_000))}--${boundary}--\r\n`,
    ],
    ['garbage', '\u0000\u0001\u0002 not multipart at all'],
  ];

  test.each(cases)('%s', async (_name, body) => {
    const res = await request(app)
      .post('/api/v1/batches')
      .set(auth)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
      .timeout(30_000);
    expect(res.status).toBeLessThan(500);
    if (res.status === 202) {
      const status = await finished(res.body.id as string);
      expect(status.state).toBe('done');
    } else expectClientError(res);
  });
});
