import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { readZip, SAMPLE_CSV, TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { addTestOperator, type TestOperator } from '../support/operators';
import { deliveryReceipt, zipOf } from '../support/campaign-letters';
import { BOTH_DATABASES } from '../support/postgres';
import { testApp, UNLIMITED_RATES, type TestApp } from '../support/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(BOTH_DATABASES)('a campaign over the API on %s', (_kind, database) => {
  let composed: TestApp;
  let operator: TestOperator;
  let dir: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-campaign-api-'));
    const opened = await database();
    drop = opened.drop;
    composed = testApp({ ...UNLIMITED_RATES, ...opened.overrides, BATCH_DIR: dir, BATCH_WORKERS: 1 });
    await composed.storage.ready;
    operator = await addTestOperator(composed.storage);
  });
  afterAll(async () => {
    await composed.stop();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => expect(composed.internalErrors).toEqual([]));

  test('create, add members, import receipts, raccomandate and outcomes, dashboard, register, export, delete', async () => {
    const { app } = composed;
    const auth = operator.bearer;
    const bad = await request(app).post('/api/v1/campaigns').set(auth).send({ name: '', retentionMonths: 0 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['name', 'retentionMonths', 'association']),
    );
    const created = await request(app)
      .post('/api/v1/campaigns')
      .set(auth)
      .send({ name: 'Libero 2023', association: TEST_ASSOCIATION_INPUT, retentionMonths: 24 })
      .expect(201);
    const id = created.body.id as string;
    expect(await request(app).get('/api/v1/campaigns').expect(401)).toBeTruthy();

    const upload = await request(app)
      .post(`/api/v1/campaigns/${id}/lists`)
      .set(auth)
      .attach('file', SAMPLE_CSV)
      .expect(202);
    let batch = upload.body;
    while (batch.state !== 'done' && batch.state !== 'failed')
      batch = (await request(app).get(`/api/v1/batches/${batch.id}`).set(auth).expect(200)).body;
    expect(batch.state).toBe('done');
    const all = (await request(app).get(`/api/v1/campaigns/${id}/members?size=500`).set(auth).expect(200)).body;
    expect(all.total).toBe(batch.rows);
    const ready = all.members.filter((member: { status: string }) => member.status === 'letter-ready');
    expect(ready.length).toBe(batch.counts.ok);
    expect(all.total - ready.length).toBe(batch.rows - batch.counts.ok);

    // The letters of the batch's ZIP: a receipt of the first one's PDF is matched to its member.
    const zipFile = path.join(dir, 'letters.zip');
    const zipRes = await request(app)
      .get(batch.download)
      .set(auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    fs.writeFileSync(zipFile, zipRes.body as Buffer);
    const pdfs = [...(await readZip(zipFile)).entries()].filter(([name]) => name.endsWith('.pdf'));
    const first = ready.find((member: { letterSha256: string }) => member.letterSha256 === sha256(pdfs[0]![1]));
    expect(first).toBeDefined();
    const receipts = await zipOf({
      'consegna-1.eml': await deliveryReceipt(pdfs[0]![1], '<letter-1@association.example>'),
      'altro/estranea.eml': await deliveryReceipt(Buffer.from('%PDF-1.7 another letter'), '<other@x>'),
      'leggimi.txt': Buffer.from('ignored'),
    });
    const imported = await request(app)
      .post(`/api/v1/campaigns/${id}/receipts`)
      .set(auth)
      .attach('file', receipts, 'ricevute.zip')
      .attach('file', Buffer.from('not a receipt'), 'rotta.eml')
      .expect(200);
    expect(imported.body.recorded).toEqual([
      { file: 'consegna-1.eml', listNumber: 1, row: first.row, name: first.name, kind: 'delivered' },
    ]);
    expect(imported.body.unmatched.map((entry: { file: string }) => entry.file).sort()).toEqual([
      'estranea.eml',
      'rotta.eml',
    ]);
    const again = await request(app)
      .post(`/api/v1/campaigns/${id}/receipts`)
      .set(auth)
      .attach('file', receipts, 'ricevute.zip')
      .expect(200);
    expect(again.body.recorded).toEqual([]);

    const second = ready.find((member: { id: string }) => member.id !== first.id);
    const raccomandate = await request(app)
      .post(`/api/v1/campaigns/${id}/raccomandate`)
      .set(auth)
      .attach(
        'file',
        Buffer.from(
          `riga;numero raccomandata;data consegna\r\n${second.row};RR 1234 5678 9IT;20/11/2026\r\n` +
            `999;RR1;\r\n${second.row};x;\r\n`,
        ),
        'raccomandate.csv',
      )
      .expect(200);
    expect(raccomandate.body.recorded).toBe(1);
    expect(raccomandate.body.errors.map((error: { line: number; path: string }) => [error.line, error.path])).toEqual([
      [3, 'row'],
      [4, 'number'],
    ]);

    // By codice fiscale: the sample gives several members one, but only the second member has it with a letter.
    const outcomes = await request(app)
      .post(`/api/v1/campaigns/${id}/outcomes`)
      .set(auth)
      .attach(
        'file',
        Buffer.from(
          `riga;codice fiscale;esito;importo\r\n${first.row};;pagato;1.234,56\r\n` +
            `;${second.taxCode.toLowerCase()};Respinto;\r\n${first.row};;pagato;12,345\r\n;;respinto;\r\n`,
        ),
        'esiti.csv',
      )
      .expect(200);
    expect(outcomes.body.recorded).toBe(2);
    expect(outcomes.body.errors.map((error: { line: number; path: string }) => [error.line, error.path])).toEqual([
      [4, 'amount'],
      [5, 'row'],
    ]);

    const dashboard = (await request(app).get(`/api/v1/campaigns/${id}`).set(auth).expect(200)).body;
    expect(dashboard.figures).toMatchObject({
      members: batch.rows,
      byStatus: { paid: 1, delivered: 0, refused: 1, 'letter-ready': ready.length - 2 },
      recoveredCents: 123_456,
    });
    expect(dashboard.timeline.some((day: { deliveries: number }) => day.deliveries === 1)).toBe(true);

    const csv = await request(app).get(`/api/v1/campaigns/${id}/register.csv`).set(auth).expect(200);
    expect(csv.text.startsWith('\ufeffLista;Riga;Socio')).toBe(true);
    expect(csv.text.split('\r\n').length - 2).toBe(batch.rows);
    expect(csv.text).toContain(';1.234,56'.replace('1.234', '1234'));
    const json = (await request(app).get(`/api/v1/campaigns/${id}/register.json`).set(auth).expect(200)).body;
    expect(json.length).toBe(batch.rows);

    const exported = (
      await request(app).get(`/api/v1/campaigns/${id}/members/${first.id}/export`).set(auth).expect(200)
    ).body;
    expect(exported.campaign.controller).toBe(TEST_ASSOCIATION_INPUT.name);
    // The batch pipeline kept the row's validated claim, dated as its letter: what a reminder is composed from.
    expect(exported.claim).toMatchObject({
      account: { mailbox: first.mailbox },
      letter: { date: first.letterDate },
    });
    expect(exported.events.map((event: { data: { kind: string } }) => event.data.kind)).toEqual([
      'letter-produced',
      'delivered',
      'outcome',
    ]);
    await request(app).delete(`/api/v1/campaigns/${id}/members/${first.id}`).set(auth).expect(204);
    await request(app).get(`/api/v1/campaigns/${id}/members/${first.id}`).set(auth).expect(404);
    expect(await composed.storage.campaigns.events(first.id)).toEqual([]);
    expect(await composed.storage.campaigns.memberClaim(id, first.id)).toBeNull();
    const after = (await request(app).get(`/api/v1/campaigns/${id}/register.csv`).set(auth).expect(200)).text;
    expect(after).not.toContain(first.mailbox);
    expect(after).not.toContain(first.letterSha256);
    // Formula cells are neutralised as in report.csv.
    expect(after).toContain(`"'=HYPERLINK(`);
  });
});
