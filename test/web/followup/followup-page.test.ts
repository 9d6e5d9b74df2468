import request from 'supertest';
import { workedExampleClaim } from '../../fixtures/claims';
import { csrfFrom } from '../../support/web-forms';
import { testApp } from '../../support/test-app';

const { app, stop } = testApp();
afterAll(() => stop());

const caseJson = Buffer.from(
  JSON.stringify({ claim: { ...workedExampleClaim(), letter: { place: 'Milano', date: '2026-11-01' } } }),
  'utf8',
);

function submit(lang: 'it' | 'en', fields: Record<string, string>, files: Record<string, Buffer> = { case: caseJson }) {
  const agent = request.agent(app);
  return agent
    .get(`/followup?lang=${lang}`)
    .expect(200)
    .then((form) => {
      let call = agent.post(`/followup?lang=${lang}`).field('_csrf', csrfFrom(form.text));
      for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
      for (const [name, bytes] of Object.entries(files)) call = call.attach(name, bytes, `${name}.json`);
      return call;
    });
}

test('the form says that nothing is stored, in Italian and in English', async () => {
  expect((await request(app).get('/followup').expect(200)).text).toContain('Nulla viene conservato');
  expect((await request(app).get('/followup?lang=en').expect(200)).text).toContain('Nothing is stored');
});

test('no reply: the result lists the documents with their downloads, and what does not apply and why', async () => {
  const response = await submit('it', { 'sent.method': 'hand', 'sent.on': '2026-11-02', outcome: 'no-reply' });
  expect(response.status).toBe(200);
  expect(response.text).toContain('La prima lettera è stata consegnata a mano il 02/11/2026.');
  expect(response.text).toContain('id="download-sollecito"');
  expect(response.text).toContain('download="sollecito.pdf"');
  expect(response.text).toContain('href="data:application/pdf;base64,');
  expect(response.text).toContain('id="download-calendar"');
  expect(response.text).toContain('Serve solo quando il gestore propone una somma parziale.');
  expect(response.text).toContain('Nulla viene conservato');
});

test('invalid answers bring the form back with the error summary, in English', async () => {
  const response = await submit('en', {
    'sent.method': 'raccomandata',
    'sent.on': '2026-10-01',
    outcome: 'partial',
  });
  expect(response.status).toBe(422);
  expect(response.text).toContain('There is a problem');
  expect(response.text).toContain('href="#f-offer-amount"');
  expect(response.text).toContain('value="2026-10-01"');
  const early = await submit('en', { 'sent.method': 'hand', 'sent.on': '2026-10-01', outcome: 'no-reply' });
  expect(early.status).toBe(422);
  expect(early.text).toContain(
    '<a href="#f-sent-on">Date sent: The letter cannot have been sent before its date (1 November 2026).</a>',
  );
});

test('a post without the CSRF token is refused', async () => {
  await request(app).post('/followup').field('outcome', 'paid').attach('case', caseJson, 'case.json').expect(403);
});
