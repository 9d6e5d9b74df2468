import request from 'supertest';
import { listEmlFiles } from '../../server/mail/local-outbox';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { testMailSettings, waitFor } from '../support/mail-fixtures';
import { testApp } from '../support/test-app';
import { postForm, workedExampleForm } from '../support/web-forms';
import { codeFromLocalOutbox, otherCode } from '../support/confirmation-mail';

const settings = testMailSettings();
const outboxDir = settings.mode === 'local' ? settings.outboxDir : '';
let outbox: Outbox;
beforeAll(() => {
  outbox = openOutbox(settings, { drain: true });
});
afterAll(() => outbox.close());

const appWith = (box: Outbox | null) => testApp({}, { outbox: box }).app;

test('the result page offers "send by e-mail": a copy to me, the provider only when configured, and the PEC notice', async () => {
  const result = await postForm(request.agent(appWith(outbox)), '/claim', workedExampleForm());
  expect(result.status).toBe(200);
  expect(result.text).toContain('id="send-by-mail"');
  expect(result.text).toMatch(/<input type="checkbox" id="send-claimant" name="send.claimant" value="yes" checked>/);
  expect(result.text).toMatch(/<input type="checkbox" id="send-provider" name="send.provider" value="yes" disabled>/);
  expect(result.text).toContain('Una PEC ha valore legale solo se spedita dalla propria casella PEC');
  expect(result.text).toContain('id="download-pdf-for-pec"');
  expect(result.text).toContain('Prima ti inviamo un codice di 6 cifre');
  expect(result.text).not.toContain('⟦');
  const without = await postForm(request.agent(appWith(null)), '/claim', workedExampleForm());
  expect(without.text).not.toContain('id="send-by-mail"');
});

test('sending from the form: a code first, then the letter; the local outbox page lists and opens both', async () => {
  const app = appWith(outbox);
  const agent = request.agent(app);
  const fields = { ...workedExampleForm(), 'send.claimant': 'yes' };
  const asked = await postForm(agent, '/claim/send', fields);
  expect(asked.status).toBe(202);
  expect(asked.text).toContain('Abbiamo inviato un codice di 6 cifre a mario.rossi@example.org');
  expect(asked.text).toMatch(/<input class="input input--short" id="confirmation-code" name="confirmationCode"/);
  expect(asked.text).toContain('<input type="hidden" name="send.claimant" value="yes">');
  expect(asked.text).toContain('<input type="hidden" name="claimant.taxCode" value="RSSMRA79B11C566R">');
  expect(asked.text).not.toContain('id="mail-queued"');
  expect(asked.text).not.toContain('⟦');
  const code = await codeFromLocalOutbox(outboxDir, 'mario.rossi@example.org');

  const missing = await postForm(agent, '/claim/send', { ...fields, confirm: 'yes', confirmationCode: ' ' });
  expect(missing.status).toBe(422);
  expect(missing.text).toContain('id="error-summary"');
  expect(missing.text).toContain('href="#confirmation-code"');
  expect(missing.text).toContain('Inserisci le 6 cifre del codice ricevuto per e-mail.');
  const wrong = await postForm(agent, '/claim/send', { ...fields, confirm: 'yes', confirmationCode: otherCode(code) });
  expect(wrong.status).toBe(422);
  expect(wrong.text).toContain('Il codice non è giusto o è scaduto');
  expect(wrong.text).toContain('aria-invalid="true"');

  const sent = await postForm(agent, '/claim/send', { ...fields, confirm: 'yes', confirmationCode: code });
  expect(sent.status).toBe(202);
  expect(sent.text).toMatch(/Copia a te<\/strong> \(mario\.rossi@example\.org\): in coda/);
  expect(sent.text).toContain('href="/outbox?lang=it"');
  await waitFor(() => listEmlFiles(outboxDir).length === 2, 10_000, 'the code and the letter');

  const page = await agent.get('/outbox').expect(200);
  const files = listEmlFiles(outboxDir);
  for (const file of files) expect(page.text).toContain(`href="/outbox/${file.name}"`);
  expect(page.text).toMatch(/scritti 2/);
  const opened = await Promise.all(
    files.map(
      async (file) =>
        (
          await agent
            .get(`/outbox/${file.name}`)
            .expect(200)
            .expect('Content-Type', /text\/plain/)
        ).text,
    ),
  );
  for (const text of opened) expect(text).toMatch(/^To: mario\.rossi@example\.org$/m);
  expect(opened.filter((text) => /^Subject: Reclamo: il codice/m.test(text))).toHaveLength(1);
  expect(opened.filter((text) => text.includes('application/pdf'))).toHaveLength(1);
  const downloaded = await agent
    .get(`/outbox/${files[0]!.name}?download=1`)
    .expect(200)
    .expect('Content-Type', /message\/rfc822/);
  expect(downloaded.headers['content-disposition']).toBe(`attachment; filename=${files[0]!.name}`);
  await agent.get('/outbox/..%2F..%2Fetc%2Fpasswd').expect(404);

  const again = await postForm(agent, '/claim/send?lang=en', { ...fields, confirm: 'yes', confirmationCode: code });
  expect(again.text).toMatch(/already (sent: it is not sent again|queued: it is not sent a second time)/);
  const nobody = await postForm(agent, '/claim/send', workedExampleForm());
  expect(nobody.status).toBe(422);
  expect(nobody.text).toContain('Choose at least one recipient.');
  expect(nobody.text).not.toContain('href="/claim/send?lang');
});

test('/outbox exists only in local mode', async () => {
  const smtpOutbox = openOutbox(testMailSettings({ SMTP_URL: 'smtp://127.0.0.1:9' }), { drain: false });
  await request(appWith(smtpOutbox)).get('/outbox').expect(404);
  await request(appWith(null)).get('/outbox').expect(404);
  await smtpOutbox.close();
});
