import { createHash } from 'node:crypto';
import request from 'supertest';
import { businessClaim, workedExampleClaim } from '../fixtures/claims';
import { flatText } from '../support/pdf-tools';
import { testApp } from '../support/test-app';

const { app, internalErrors } = testApp();

afterAll(() => expect(internalErrors).toEqual([]));

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('POST /api/v1/claims/assess', () => {
  test('the worked example: every line with its basis, the total and the deadline', async () => {
    const res = await request(app).post('/api/v1/claims/assess').send(workedExampleClaim()).expect(200);
    expect(res.body).toMatchObject({
      eligible: true,
      reasons: [],
      warnings: [],
      compensation: { totalCents: 17633, total: '176,33 €' },
      deadline: {
        date: '2026-12-09',
        formatted: '09/12/2026',
        days: 15,
        movedFrom: { date: '2026-12-08', holiday: 'Immacolata Concezione' },
      },
      ruleset: { version: '2026.12.1' },
    });
    expect(res.body.compensation.lines).toEqual([
      expect.objectContaining({
        code: 'indemnity',
        amountCents: 3600,
        amount: '36,00 €',
        basis: expect.stringContaining('art. 1226 c.c.'),
      }),
      expect.objectContaining({ code: 'refund', amountCents: 33, basis: 'artt. 1218 e 1223 c.c.' }),
      expect.objectContaining({ code: 'damages', amountCents: 15000, basis: 'art. 1223 c.c.' }),
      expect.objectContaining({ code: 'compensation-received', amountCents: -1000, amount: '-10,00 €' }),
    ]);
    expect(res.body.periods).toEqual([
      {
        start: '2023-01-22T22:00:00+01:00',
        end: '2023-01-28T20:00:00+01:00',
        severity: 'total',
        days: 6,
        incidents: ['2023-01'],
      },
    ]);
  });

  test('invalid input: 422 with a {path, message} per field, in the language asked for', async () => {
    const claim = { ...businessClaim(), account: { ...businessClaim().account, vatNumber: '00743110158' } };
    const italian = await request(app).post('/api/v1/claims/assess').send(claim).expect(422);
    expect(italian.body).toEqual({
      errors: [
        { path: 'account.vatNumber', message: 'Partita IVA non valida: la cifra di controllo non corrisponde.' },
      ],
    });
    const english = await request(app).post('/api/v1/claims/assess?lang=en').send(claim).expect(422);
    expect(english.body.errors[0].message).toBe('Invalid partita IVA: the check digit does not match.');
    const byHeader = await request(app)
      .post('/api/v1/claims/assess')
      .set('Accept-Language', 'en-GB,en;q=0.8')
      .send(claim)
      .expect(422);
    expect(byHeader.body.errors[0].message).toBe('Invalid partita IVA: the check digit does not match.');
  });

  test('a not eligible claim is still assessed (200) with its reasons', async () => {
    const claim = {
      ...workedExampleClaim(),
      outages: [{ incident: 'custom', start: '2026-11-20T10:00', end: '2026-11-23T08:00' }],
      letter: { date: '2026-11-22' },
    };
    const res = await request(app).post('/api/v1/claims/assess?lang=en').send(claim).expect(200);
    expect(res.body.eligible).toBe(false);
    expect(res.body.reasons).toEqual([
      {
        code: 'letter-before-outage-end',
        message: 'The date of the letter (22 November 2026) is not after the end of the outage.',
      },
    ]);
  });

  test('a letter date whose term is already over is a field error on letter.date (R3)', async () => {
    const claim = { ...workedExampleClaim(), letter: { date: '2025-01-10' } };
    const res = await request(app).post('/api/v1/claims/assess?lang=en').send(claim).expect(422);
    expect(res.body.errors).toEqual([
      {
        path: 'letter.date',
        message: 'With this date the 15-day term would already have ended on 25 January 2025: give a later date.',
      },
    ]);
  });

  test('malformed JSON is a 400, too large a body a 413, another content type a 415: all JSON', async () => {
    const malformed = await request(app)
      .post('/api/v1/claims/assess')
      .set('Content-Type', 'application/json')
      .send('{"claimant":')
      .expect(400);
    expect(malformed.body).toEqual({ errors: [{ path: '', message: 'Il corpo della richiesta non è JSON valido.' }] });
    const large = await request(app)
      .post('/api/v1/claims/assess?lang=en')
      .send({ filler: 'x'.repeat(70 * 1024) })
      .expect(413);
    expect(large.body.errors[0].message).toBe('The request body is too large (at most 64 KB).');
    const form = await request(app).post('/api/v1/claims/assess').type('form').send('a=1').expect(415);
    expect(form.body.errors[0].path).toBe('');
  });

  test('JSON that is not an object is refused as such', async () => {
    const res = await request(app)
      .post('/api/v1/claims/assess')
      .set('Content-Type', 'application/json')
      .send('[1,2]')
      .expect(422);
    expect(res.body).toEqual({
      errors: [{ path: '', message: 'Il corpo della richiesta deve essere un oggetto JSON.' }],
    });
  });
});

describe('POST /api/v1/claims/letter', () => {
  test('returns the PDF with its file name, SHA-256 and ruleset version', async () => {
    const res = await request(app)
      .post('/api/v1/claims/letter')
      .send(workedExampleClaim())
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="diffida-rossi-mario-2026-11-23.pdf"');
    const pdf = res.body as Buffer;
    expect(res.headers['x-letter-sha256']).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(res.headers['x-ruleset-version']).toBe('2026.12.1');
    expect(flatText(pdf)).toContain('176,33 €');
  });

  test('the same claim twice gives the same bytes', async () => {
    const first = await request(app).post('/api/v1/claims/letter').send(workedExampleClaim()).expect(200);
    const second = await request(app).post('/api/v1/claims/letter').send(workedExampleClaim()).expect(200);
    expect(second.headers['x-letter-sha256']).toBe(first.headers['x-letter-sha256']);
  });

  test('not eligible: 422 with the reasons, no PDF', async () => {
    const claim = {
      ...workedExampleClaim(),
      damages: undefined,
      compensationReceived: { description: 'Rimborso', amount: '100' },
    };
    const res = await request(app).post('/api/v1/claims/letter').send(claim).expect(422);
    expect(res.body.eligible).toBe(false);
    expect(res.body.reasons.map((reason: { code: string }) => reason.code)).toEqual(['nothing-to-claim']);
    expect(res.body.errors).toEqual([{ path: '', message: expect.stringContaining('Non resta alcun importo') }]);
  });

  test('invalid input: 422 with field errors', async () => {
    const res = await request(app)
      .post('/api/v1/claims/letter')
      .send({ ...workedExampleClaim(), outages: [] })
      .expect(422);
    expect(res.body.errors).toEqual([{ path: 'outages', message: 'Indicare almeno 1 elemento.' }]);
  });
});

describe('GET /api/v1/rules', () => {
  test('the ruleset in force with sources, plans and incident windows as instants', async () => {
    const res = await request(app).get('/api/v1/rules').expect(200);
    expect(res.body.version).toBe('2026.12.1');
    expect(res.body.plans).toContainEqual(
      expect.objectContaining({ id: 'libero-plus-5gb', annualFeeCents: 1999, source: expect.any(String) }),
    );
    expect(res.body.incidents[0]).toMatchObject({
      id: '2023-01',
      window: { start: '2023-01-22T22:00:00+01:00', end: '2023-01-28T20:00:00+01:00' },
    });
    expect(res.body.indemnity.totalPerDayCents).toEqual({ value: 600, source: 'docs/sources.md#agcom-347-18-art-6-1' });
    expect(res.body.providerPecConfigured).toBe(false);
  });
});

test('an unknown API route is a JSON 404', async () => {
  const res = await request(app).get('/api/v1/nothing?lang=en').expect(404);
  expect(res.body).toEqual({ errors: [{ path: '', message: 'Not found.' }] });
});

test('write routes are rate limited per route family with a clear JSON answer', async () => {
  const { app: limited } = testApp({ RATE_LIMIT_ASSESS_PER_MINUTE: 2, RATE_LIMIT_LETTER_PER_MINUTE: 1 });
  await request(limited).post('/api/v1/claims/assess').send({}).expect(422);
  await request(limited).post('/api/v1/claims/assess').send({}).expect(422);
  const res = await request(limited).post('/api/v1/claims/assess?lang=en').send({}).expect(429);
  expect(res.body).toEqual({ errors: [{ path: '', message: 'Too many requests: try again in a minute.' }] });
  expect(res.headers['retry-after']).toBeDefined();
  // The letter family has its own budget: the spent estimate budget does not block it.
  await request(limited).post('/api/v1/claims/letter').send({}).expect(422);
  await request(limited).post('/api/v1/claims/letter').send({}).expect(429);
});
