import request from 'supertest';
import { workedExampleClaim } from '../../fixtures/claims';
import { sample } from '../../support/pec-receipts';
import { testApp } from '../../support/test-app';

/** "Today" in the test app is 23/11/2026: a letter of 01/11/2026 received on 03/11 had its term end on 18/11. */
const { app, stop } = testApp();
afterAll(() => stop());

const claim = () => ({ ...workedExampleClaim(), letter: { place: 'Milano', date: '2026-11-01' } });
const caseJson = (body: object = { claim: claim(), letterSha256: 'b'.repeat(64) }) =>
  Buffer.from(JSON.stringify(body), 'utf8');
const followup = {
  sent: { method: 'raccomandata', on: '2026-11-02', raccomandataNumber: 'RR 1234 5678 9' },
  receivedOn: '2026-11-03',
  outcome: 'no-reply',
};

function post(fields: Record<string, string>, files: Record<string, Buffer> = { case: caseJson() }) {
  let call = request(app).post('/api/v1/followups?lang=en');
  for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
  for (const [name, bytes] of Object.entries(files)) call = call.attach(name, bytes, `${name}.bin`);
  return call;
}

test('no reply after the term: where the claim stands and every document, each with its file', async () => {
  const response = await post({ followup: JSON.stringify(followup) }).expect(200);
  expect(response.headers['cache-control']).toBe('no-store');
  const body = response.body as {
    standing: string[];
    status: Record<string, unknown>;
    documents: {
      kind: string;
      applies: boolean;
      explanation: string;
      file: { fileName: string; base64: string } | null;
    }[];
    calendar: { fileName: string } | null;
  };
  expect(body.status).toMatchObject({
    receivedOn: '2026-11-03',
    firstDeadline: '2026-11-18',
    deadlinePassed: true,
    totalCents: 17633,
  });
  expect(body.standing).toContain('Raccomandata no. RR 1234 5678 9.');
  expect(body.documents.filter((doc) => doc.applies).map((doc) => doc.file?.fileName)).toEqual([
    'sollecito.pdf',
    'garante.pdf',
    'agcm.txt',
    'conciliaweb.txt',
    'giudice-di-pace.pdf',
  ]);
  const pdf = Buffer.from(body.documents[0]!.file!.base64, 'base64');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(body.documents.find((doc) => doc.kind === 'accettazione-parziale')).toMatchObject({
    applies: false,
    file: null,
    explanation: 'Only needed when the provider offers part of the sum.',
  });
  expect(body.calendar?.fileName).toBe('scadenza.ics');
});

test('a PEC receipt is checked and its verdict returned', async () => {
  const response = await post(
    { followup: JSON.stringify({ ...followup, sent: { method: 'pec', on: '2026-11-02' }, receivedOn: undefined }) },
    { case: caseJson(), receipt: sample('errore-consegna') },
  ).expect(200);
  expect(response.body.receipt.verdict).toBe('delivery-failed');
  expect(response.body.documents.every((doc: { applies: boolean }) => !doc.applies)).toBe(true);
});

test('4xx with {path, message} lists: not multipart, no case, bad JSON, bad fields, a PDF not yet readable', async () => {
  const notMultipart = await request(app).post('/api/v1/followups').send({ followup }).expect(415);
  expect(notMultipart.body.errors[0]).toMatchObject({ path: '' });
  expect((await post({ followup: JSON.stringify(followup) }, {}).expect(422)).body.errors).toEqual([
    { path: 'case', message: 'Attach the letter PDF or the case data as JSON.' },
  ]);
  expect((await post({ followup: '{' }).expect(422)).body.errors[0].path).toBe('followup');
  const invalid = await post({ followup: JSON.stringify({ ...followup, outcome: 'partial' }) }).expect(422);
  expect(invalid.body.errors).toEqual([
    { path: 'followup.offer.amount', message: 'For a partial offer give the amount offered.' },
  ]);
  const pdf = await post({ followup: JSON.stringify(followup) }, { case: Buffer.from('%PDF-1.7\n%%EOF\n') }).expect(
    422,
  );
  expect(pdf.body.errors[0].path).toBe('case');
  const notOurs = await post({ followup: JSON.stringify(followup) }, { case: Buffer.from('hello') }).expect(422);
  expect(notOurs.body.errors[0].message).toBe('The file is neither a Reclamo letter PDF nor the case data as JSON.');
});

test('a case file over 20 MB is refused with 413 before anything is assessed', async () => {
  const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
  const response = await post({ followup: JSON.stringify(followup) }, { case: big }).expect(413);
  expect(response.body.errors[0].path).toBe('case');
});
