import request from 'supertest';
import { listEmlFiles } from '../../server/mail/local-outbox';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { testMailSettings, waitFor } from '../support/mail-fixtures';
import { testApp } from '../support/test-app';
import { postForm, workedExampleForm } from '../support/web-forms';

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
  expect(result.text).not.toContain('⟦');
  const without = await postForm(request.agent(appWith(null)), '/claim', workedExampleForm());
  expect(without.text).not.toContain('id="send-by-mail"');
});

test('sending from the form queues the message; the local outbox page lists the .eml and opens it; asking again says so', async () => {
  const app = appWith(outbox);
  const agent = request.agent(app);
  const sent = await postForm(agent, '/claim/send', { ...workedExampleForm(), 'send.claimant': 'yes' });
  expect(sent.status).toBe(202);
  expect(sent.text).toMatch(/Copia a te<\/strong> \(mario\.rossi@example\.org\): in coda/);
  expect(sent.text).toContain('href="/outbox?lang=it"');
  await waitFor(() => listEmlFiles(outboxDir).length === 1, 10_000, 'the .eml file');

  const page = await agent.get('/outbox').expect(200);
  const [file] = listEmlFiles(outboxDir);
  expect(page.text).toContain(`href="/outbox/${file!.name}"`);
  expect(page.text).toMatch(/scritti 1/);
  const opened = await agent
    .get(`/outbox/${file!.name}`)
    .expect(200)
    .expect('Content-Type', /text\/plain/);
  expect(opened.text).toMatch(/^Subject: /m);
  expect(opened.text).toMatch(/^To: mario\.rossi@example\.org$/m);
  const downloaded = await agent
    .get(`/outbox/${file!.name}?download=1`)
    .expect(200)
    .expect('Content-Type', /message\/rfc822/);
  expect(downloaded.headers['content-disposition']).toBe(`attachment; filename=${file!.name}`);
  await agent.get('/outbox/..%2F..%2Fetc%2Fpasswd').expect(404);

  const again = await postForm(agent, '/claim/send?lang=en', { ...workedExampleForm(), 'send.claimant': 'yes' });
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
