import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { formatLongDate } from '../../server/core/time/rome-time';
import type { MemberRecord } from '../../server/use-cases/campaigns/campaign-store';
import { freeClaim, workedExampleClaim } from '../fixtures/claims';
import { parseReport, readZip, TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { deliveryReceipt, recordLetterMember, zipOf } from '../support/campaign-letters';
import { seedMembers } from '../support/campaigns';
import { flatText } from '../support/pdf-tools';
import { addTestOperator, type TestOperator } from '../support/operators';
import { BOTH_DATABASES } from '../support/postgres';
import { testApp, UNLIMITED_RATES, type TestApp } from '../support/test-app';
import { TEST_NOW } from '../support/test-service';

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A third member whose letter was only e-mailed (no PEC, no raccomandata): a reminder cannot cite it. */
const emailedClaim = () => {
  const claim = workedExampleClaim();
  return {
    ...claim,
    claimant: { ...claim.claimant, firstName: 'Luca', lastName: 'Bianchi', taxCode: 'BNCLCU80A01H501Q' },
    account: { ...claim.account, mailbox: 'luca.bianchi@libero.it' },
  };
};

describe.each(BOTH_DATABASES)('the reminders of a campaign over the API on %s', (_kind, database) => {
  let composed: TestApp;
  let operator: TestOperator;
  let dir: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-follow-ups-'));
    const opened = await database();
    drop = opened.drop;
    composed = testApp({ ...UNLIMITED_RATES, ...opened.overrides, BATCH_DIR: dir }, { clock: () => TEST_NOW });
    await composed.storage.ready;
    operator = await addTestOperator(composed.storage);
  });
  afterAll(async () => {
    await composed.stop();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => expect(composed.internalErrors).toEqual([]));

  test('a ZIP of one sollecito per member whose deadline passed, report.csv with who was skipped and why', async () => {
    const { app } = composed;
    const auth = operator.bearer;
    const store = composed.storage.campaigns;
    const id = (
      await request(app)
        .post('/api/v1/campaigns')
        .set(auth)
        .send({ name: 'Libero 2023', association: TEST_ASSOCIATION_INPUT, retentionMonths: 24 })
        .expect(201)
    ).body.id as string;
    // Letters of 20 October 2026 (the batch pipeline's row hook): one sent by raccomandata, one by PEC, one e-mailed.
    const mario = await recordLetterMember(store, id, workedExampleClaim(), 2);
    const manuela = await recordLetterMember(store, id, freeClaim(), 3);
    const luca = await recordLetterMember(store, id, emailedClaim(), 4, {
      cell: 'member: queued',
      messageIds: ['<luca@reclamo.example>'],
    });
    // A member recorded before members kept their claim: delivered, deadline passed, nothing to compose from.
    const [old] = await seedMembers(store, id, 1, { listNumber: 2, letterDate: '2026-10-20', deadline: '2026-11-04' });
    await request(app)
      .post(`/api/v1/campaigns/${id}/raccomandate`)
      .set(auth)
      .attach(
        'file',
        Buffer.from(
          'lista;riga;numero raccomandata;data consegna\r\n' +
            '1;2;RR 1234 5678 9IT;22/10/2026\r\n2;2;RR 9876 5432 1IT;22/10/2026\r\n',
        ),
        'raccomandate.csv',
      )
      .expect(200)
      .expect((res) => expect(res.body).toEqual({ recorded: 2, errors: [] }));
    const receipts = await zipOf({
      'consegna.eml': await deliveryReceipt(manuela.pdf, '<manuela@association.example>', '21/10/2026'),
    });
    await request(app)
      .post(`/api/v1/campaigns/${id}/receipts`)
      .set(auth)
      .attach('file', receipts, 'ricevute.zip')
      .expect(200)
      .expect((res) => expect(res.body.unmatched).toEqual([]));

    // What the body may ask, and who may ask it.
    await request(app).post(`/api/v1/campaigns/${id}/follow-ups`).send({}).expect(401);
    const wrong = await request(app)
      .post(`/api/v1/campaigns/${id}/follow-ups`)
      .set(auth)
      .send({ action: 'to-send', delivery: 'fax' })
      .expect(422);
    expect(wrong.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['action', 'delivery']);
    await request(app).post('/api/v1/campaigns/00000000-0000-4000-8000-000000000000/follow-ups').set(auth).expect(404);
    // No outbox on this server: e-mail delivery is refused before anything is produced.
    await request(app).post(`/api/v1/campaigns/${id}/follow-ups`).set(auth).send({ delivery: 'outbox' }).expect(503);

    const zip = await request(app)
      .post(`/api/v1/campaigns/${id}/follow-ups`)
      .set(auth)
      .send({})
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('Content-Type', 'application/zip');
    const zipFile = path.join(dir, 'solleciti.zip');
    fs.writeFileSync(zipFile, zip.body as Buffer);
    const entries = await readZip(zipFile);
    expect([...entries.keys()].sort()).toEqual([
      '0002-mario-rossi-sollecito.pdf',
      '0003-manuela-ricci-sollecito.pdf',
      'report.csv',
    ]);

    const after = async (member: MemberRecord) => (await store.member(id, member.id))!;
    const reminded = await after(mario.member);
    expect(reminded).toMatchObject({ status: 'reminded', followUps: 1 });
    // 15 days from the reminder's date (23/11/2026) end on 8 December, a holiday (Immacolata): the term is the 9th.
    expect(reminded.deadline).toBe('2026-12-09');
    expect((await store.events(mario.member.id)).at(-1)).toMatchObject({
      operatorId: operator.id,
      data: { kind: 'follow-up-produced', document: 'sollecito', deadline: reminded.deadline },
    });
    const marioText = flatText(entries.get('0002-mario-rossi-sollecito.pdf')!);
    expect(marioText).toContain('Oggetto: sollecito e ultima diffida – seguito della diffida e messa in mora del');
    expect(marioText).toContain('in nome e per conto di Mario Rossi, C.F. RSSMRA79B11C566R');
    expect(marioText).toContain(`diffida e messa in mora del ${formatLongDate('2026-10-20', 'it')}, inviata a mezzo`);
    expect(marioText).toContain('raccomandata A/R n. RR123456789IT');
    expect(marioText).toContain(`ricevuta il ${formatLongDate('2026-10-22', 'it')}`);
    expect(marioText).toContain(`impronta SHA-256 del file PDF: ${mario.sha256}`);
    // The new term as the letter states it (from its receipt); its date is the member's new deadline.
    expect(marioText).toContain('entro e non oltre 15 (quindici) giorni dal ricevimento della presente');
    expect(marioText).toContain(TEST_ASSOCIATION_INPUT.name);
    const manuelaText = flatText(entries.get('0003-manuela-ricci-sollecito.pdf')!);
    expect(manuelaText).toContain('in nome e per conto di Manuela Ricci');
    expect(manuelaText).toContain(`inviata a mezzo PEC il ${formatLongDate('2026-10-21', 'it')}`);
    expect((await after(manuela.member)).deadline).toBe('2026-12-09');

    const report = parseReport(entries.get('report.csv')!);
    expect(report[0]).toEqual(['Lista', 'Riga', 'Socio', 'Risultato', 'Documento', 'Nuovo termine', 'Motivo']);
    const byRow = new Map(report.slice(1).map((line) => [`${line[0]}/${line[1]}`, line]));
    expect(byRow.size).toBe(4);
    expect(byRow.get('1/2')!.slice(3, 5)).toEqual(['prodotto', '0002-mario-rossi-sollecito.pdf']);
    expect(byRow.get('1/2')![5]).toBe('09/12/2026');
    expect(byRow.get('1/4')!.slice(3, 5)).toEqual(['saltato', '']);
    expect(byRow.get('1/4')![6]).toContain('solo per e-mail');
    expect(byRow.get('2/2')![6]).toContain('prima di questa versione');
    // Those skipped keep their state: nothing was recorded for them.
    expect(await after(luca.member)).toMatchObject({ status: 'sent', followUps: 0 });
    expect(await after(old!)).toMatchObject({ status: 'delivered', followUps: 0 });

    // Asked again: the reminded members' new term has not passed; only the skipped ones are named, in English.
    const again = await request(app)
      .post(`/api/v1/campaigns/${id}/follow-ups`)
      .set(auth)
      .set('Accept-Language', 'en')
      .send({ action: 'deadline-passed', delivery: 'zip' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    fs.writeFileSync(zipFile, again.body as Buffer);
    const second = await readZip(zipFile);
    expect([...second.keys()]).toEqual(['report.csv']);
    const lines = parseReport(second.get('report.csv')!);
    expect(lines.slice(1).map((line) => [line[1], line[3]])).toEqual([
      ['4', 'skipped'],
      ['2', 'skipped'],
    ]);

    // The member's export carries the claim the reminder was composed from.
    const exported = await request(app).get(`/api/v1/campaigns/${id}/members/${mario.member.id}/export`).set(auth);
    expect(exported.body.claim).toMatchObject({ claimant: { lastName: 'Rossi' }, letter: { date: '2026-10-20' } });
  });
});
