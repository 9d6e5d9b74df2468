import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { batchStatusSchema, type BatchStatus } from '../../server/batch/batch-status';
import { flatText } from '../support/pdf-tools';
import { fixture, parseReport, readZip, SAMPLE_CSV, TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { testApp, UNLIMITED_RATES } from '../support/test-app';
import { addTestOperator } from '../support/operators';
import { freshDatabase } from '../support/postgres';

describe.each(['sqlite', 'postgres'] as const)('the batch API on %s', (kind) => {
  let dir: string;
  let composed: ReturnType<typeof testApp>;
  let app: ReturnType<typeof testApp>['app'];
  let internalErrors: unknown[];
  /** The bearer token of the operator these tests submit as. */
  let auth: Record<string, string>;
  let operatorId: string;
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batches-api-'));
    // PostgreSQL: the operator, the batch queue and the statuses in the shared database (the files in BATCH_DIR).
    database = kind === 'postgres' ? await freshDatabase() : undefined;
    composed = testApp({
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...UNLIMITED_RATES,
      BATCH_DIR: path.join(dir, 'store'),
      BATCH_WORKERS: 2,
      BATCH_MAX_ROWS: 20,
      BATCH_MAX_UPLOAD_MB: 1,
    });
    ({ app, internalErrors } = composed);
    ({ bearer: auth, id: operatorId } = await addTestOperator(composed.storage));
  });
  afterAll(async () => {
    await composed.stop();
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => expect(internalErrors).toEqual([]));

  async function waitUntilDone(id: string): Promise<BatchStatus> {
    for (;;) {
      const res = await request(app).get(`/api/v1/batches/${id}`).set(auth).expect(200);
      const status = batchStatusSchema.parse(res.body);
      if (status.state === 'done' || status.state === 'failed') return status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** GET …/letters.zip as bytes, saved and read back with a real ZIP reader. */
  async function downloadZip(id: string, name: string): Promise<Map<string, Buffer>> {
    const res = await request(app)
      .get(`/api/v1/batches/${id}/letters.zip`)
      .set(auth)
      .buffer(true)
      .parse((stream, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('Content-Type', 'application/zip');
    const file = path.join(dir, name);
    fs.writeFileSync(file, res.body as Buffer);
    return readZip(file);
  }

  test('upload → 202 with an id → status with counts → the ZIP once → then nothing is left', async () => {
    const created = await request(app).post('/api/v1/batches').set(auth).attach('file', SAMPLE_CSV).expect(202);
    const { id } = batchStatusSchema.parse(created.body);
    expect(created.headers.location).toBe(`/api/v1/batches/${id}`);
    expect(created.body).toMatchObject({ state: 'queued', rows: 10, processed: 0 });

    const done = await waitUntilDone(id);
    expect(done).toMatchObject({
      state: 'done',
      rows: 10,
      processed: 10,
      counts: { ok: 4, 'not-eligible': 0, invalid: 6, duplicate: 0 },
      download: `/api/v1/batches/${id}/letters.zip`,
    });
    expect(done.problems[0]).toEqual({
      row: 3,
      name: 'Giulia Bianchi',
      status: 'invalid',
      reasons: [{ path: 'codice_fiscale', message: expect.stringContaining('Codice fiscale non valido') }],
    });

    const entries = await downloadZip(id, 'downloaded.zip');
    expect([...entries.keys()]).toHaveLength(5);
    expect(parseReport(entries.get('report.csv')!)).toHaveLength(11);

    await new Promise((resolve) => setTimeout(resolve, 50));
    await request(app).get(`/api/v1/batches/${id}/letters.zip`).set(auth).expect(404);
    await request(app).get(`/api/v1/batches/${id}`).set(auth).expect(404);
    expect(fs.readdirSync(path.join(dir, 'store'))).not.toContain(id);
  });

  test('association details and letter options travel with the upload', async () => {
    const upload = request(app)
      .post('/api/v1/batches')
      .set(auth)
      .attach('file', fixture('utf8-no-bom-lf.csv'))
      .field('letter.language', 'en')
      .field('letter.delivery', 'raccomandata');
    for (const [name, value] of Object.entries(TEST_ASSOCIATION_INPUT)) void upload.field(`association.${name}`, value);
    const { id } = (await upload.expect(202)).body as BatchStatus;
    expect((await waitUntilDone(id)).counts.ok).toBe(1);
    const text = flatText((await downloadZip(id, 'association.zip')).get('0001-rossi-mario.pdf')!);
    expect(text).toContain('agisce in nome e per conto di Mario Rossi');
    expect(text).toContain('A mezzo raccomandata A/R');
    expect(text).toContain('acting in the name and on behalf of Mario Rossi');
    expect(text).toContain('By registered post with return receipt');
  });

  describe('refusals are immediate, clear, and keep nothing', () => {
    const stored = () => (fs.existsSync(path.join(dir, 'store')) ? fs.readdirSync(path.join(dir, 'store')) : []);

    test('not multipart → 415; no file → 422', async () => {
      const json = await request(app).post('/api/v1/batches').set(auth).send({ file: 'x' }).expect(415);
      expect(json.body.errors[0].message).toContain('multipart/form-data');
      const empty = await request(app)
        .post('/api/v1/batches?lang=en')
        .set(auth)
        .field('letter.language', 'it')
        .expect(422);
      expect(empty.body).toEqual({ errors: [{ path: 'file', message: 'Attach the member list (CSV or .xlsx).' }] });
    });

    test('not a CSV or XLSX → 415; missing columns → 422', async () => {
      const png = await request(app)
        .post('/api/v1/batches')
        .set(auth)
        .attach('file', fixture('not-a-spreadsheet.png'))
        .expect(415);
      expect(png.body.errors[0]).toMatchObject({
        path: 'file',
        message: expect.stringContaining('non è un CSV né un foglio Excel .xlsx'),
      });
      const columns = await request(app)
        .post('/api/v1/batches')
        .set(auth)
        .attach('file', fixture('missing-columns.csv'))
        .expect(422);
      expect(columns.body.errors[0].message).toContain('Mancano le colonne obbligatorie');
    });

    test('over the size limit → 413; over the row limit → 413', async () => {
      const header = fs.readFileSync(SAMPLE_CSV, 'utf8').split('\r\n')[0];
      const big = path.join(dir, 'big.csv');
      fs.writeFileSync(big, `${header}\r\n${'x;'.repeat(600_000)}\r\n`);
      const tooBig = await request(app).post('/api/v1/batches').set(auth).attach('file', big).expect(413);
      expect(tooBig.body.errors[0]).toEqual({ path: 'file', message: 'Il file supera il limite di 1 MB.' });
      const many = path.join(dir, 'many.csv');
      const row = fs.readFileSync(SAMPLE_CSV, 'utf8').split('\r\n')[1];
      fs.writeFileSync(many, `${header}\r\n${`${row}\r\n`.repeat(21)}`);
      const tooMany = await request(app).post('/api/v1/batches?lang=en').set(auth).attach('file', many).expect(413);
      expect(tooMany.body.errors[0].message).toBe('The file has more than 20 rows: split it into several files.');
    });

    test('invalid association or letter fields → 422 with their paths', async () => {
      const res = await request(app)
        .post('/api/v1/batches')
        .set(auth)
        .attach('file', SAMPLE_CSV)
        .field('association.name', 'Associazione')
        .field('letter.delivery', 'piccione')
        .expect(422);
      const paths = (res.body.errors as { path: string }[]).map((error) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['association.taxCode', 'association.pec', 'letter.delivery']));
    });

    test('an unknown batch → 404; a batch not done yet → 409', async () => {
      await request(app).get('/api/v1/batches/00000000-0000-4000-8000-000000000000').set(auth).expect(404);
      await request(app).get('/api/v1/batches/not-an-id/letters.zip').set(auth).expect(404);
      const { store } = composed.deps.batches;
      const queued = await store.create(Date.now(), operatorId);
      const res = await request(app).get(`/api/v1/batches/${queued.id}/letters.zip`).set(auth).expect(409);
      expect(res.body).toMatchObject({ state: 'queued' });
      await store.remove(queued.id);
    });

    afterAll(() => expect(stored()).toEqual([]));
  });

  test('uploads have their own rate limit; polling the status does not count against it', async () => {
    const limitedApp = testApp({ BATCH_DIR: path.join(dir, 'limited'), RATE_LIMIT_UPLOADS_PER_MINUTE: 1 });
    const { app: limited } = limitedApp;
    const { bearer: authLimited } = await addTestOperator(limitedApp.storage);
    await request(limited)
      .post('/api/v1/batches')
      .set(authLimited)
      .attach('file', fixture('missing-columns.csv'))
      .expect(422);
    await request(limited)
      .post('/api/v1/batches')
      .set(authLimited)
      .attach('file', fixture('missing-columns.csv'))
      .expect(429);
    for (let poll = 0; poll < 3; poll += 1)
      await request(limited).get('/api/v1/batches/00000000-0000-4000-8000-000000000000').set(authLimited).expect(404);
  });

  test('the template lists the columns, in Italian with ; or in English with ,', async () => {
    const it = await request(app)
      .get('/batches/template.csv')
      .set(auth)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    expect(it.text.startsWith('\uFEFFnome;cognome;codice_fiscale;')).toBe(true);
    const en = await request(app).get('/batches/template.csv?lang=en').set(auth).expect(200);
    expect(en.text.startsWith('\uFEFFfirst_name,last_name,tax_code,')).toBe(true);
  });
});
