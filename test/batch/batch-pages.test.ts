import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { fixture, readZip, SAMPLE_CSV, TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { testApp, UNLIMITED_RATES } from '../support/test-app';
import { csrfFrom } from '../support/web-forms';
import { addTestOperator, signedInAgent, type TestOperator } from '../support/operators';

let dir: string;
let composed: ReturnType<typeof testApp>;
let app: ReturnType<typeof testApp>['app'];
let internalErrors: unknown[];
let operator: TestOperator;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batch-pages-'));
  composed = testApp({ ...UNLIMITED_RATES, BATCH_DIR: path.join(dir, 'store'), BATCH_WORKERS: 2 });
  ({ app, internalErrors } = composed);
  operator = await addTestOperator(composed.storage);
});
afterAll(async () => {
  await composed.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(internalErrors).toEqual([]));

async function openForm(agent: ReturnType<typeof request.agent>, lang = 'it') {
  const page = await agent.get(`/batches?lang=${lang}`).expect(200);
  return { html: page.text, token: csrfFrom(page.text) };
}

test('the upload page: file, association, letter options, template link, CSRF token, multipart form', async () => {
  const { html } = await openForm(await signedInAgent(app, operator));
  expect(html).toContain('<form id="batch-form" method="post" action="/batches?lang=it" enctype="multipart/form-data"');
  expect(html).toContain('name="file" type="file"');
  expect(html).toContain('name="association.representative"');
  expect(html).toContain('name="letter.delivery"');
  expect(html).toContain('href="/batches/template.csv?lang=it"');
  expect(html).toContain('Al massimo 10 MB e 10.000 righe.');
});

test('upload → status page (refreshes itself without JavaScript) → summary with counts and first problems → ZIP', async () => {
  const agent = await signedInAgent(app, operator);
  const { token } = await openForm(agent, 'en');
  const post = agent.post('/batches?lang=en').field('_csrf', token).attach('file', SAMPLE_CSV);
  for (const [name, value] of Object.entries(TEST_ASSOCIATION_INPUT)) void post.field(`association.${name}`, value);
  const created = await post.expect(303);
  const location = created.headers.location as string;
  expect(location).toMatch(/^\/batches\/[0-9a-f-]{36}\?lang=en$/);

  let page = await agent.get(location).expect(200);
  if (!page.text.includes('The letters are ready.')) {
    expect(page.text).toContain('<noscript><meta http-equiv="refresh" content="3"></noscript>');
    expect(page.text).toContain('<progress id="batch-progress-bar"');
    expect(page.text).toContain('src="/static/batch-progress.js"');
  }
  for (let attempt = 0; attempt < 400 && !page.text.includes('The letters are ready.'); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    page = await agent.get(location).expect(200);
  }
  expect(page.text).toContain('The letters are ready.');
  expect(page.text).not.toContain('http-equiv="refresh"');
  // Sent by an association, the business row 4 is refused (W1): three letters, seven invalid rows.
  expect(page.text).toContain('letters ready: <strong>3</strong>');
  expect(page.text).toContain('invalid data: <strong>7</strong>');
  expect(page.text).toContain('<td>3</td><td>Giulia Bianchi</td><td>invalid data</td><td>codice_fiscale: ');
  expect(page.text).toContain('<td>10</td><td>&#x3D;HYPERLINK(&quot;http://x&quot; &quot;y&quot;)</td>');
  const href = /href="(\/api\/v1\/batches\/[^"]+\/letters\.zip)"/.exec(page.text)![1]!;
  const zip = await agent
    .get(href)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const file = path.join(dir, 'page.zip');
  fs.writeFileSync(file, zip.body as Buffer);
  expect([...(await readZip(file)).keys()]).toHaveLength(4);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const gone = await agent.get(location).expect(404);
  expect(gone.text).toContain('This batch no longer exists');
});

test('a refused file shows the form again with the error and the answers kept (not the file)', async () => {
  const agent = await signedInAgent(app, operator);
  const { token } = await openForm(agent);
  const res = await agent
    .post('/batches?lang=it')
    .field('_csrf', token)
    .field('letter.place', 'Roma <centro>')
    .attach('file', fixture('not-a-spreadsheet.png'))
    .expect(415);
  expect(res.text).toContain('class="error-summary"');
  expect(res.text).toContain('href="#f-file"');
  expect(res.text).toContain('non è un CSV né un foglio Excel .xlsx');
  expect(res.text).toContain('value="Roma &lt;centro&gt;"');
  expect(fs.readdirSync(path.join(dir, 'store'))).toEqual([]);
});

test('invalid association details are shown next to their fields', async () => {
  const agent = await signedInAgent(app, operator);
  const { token } = await openForm(agent);
  const res = await agent
    .post('/batches')
    .field('_csrf', token)
    .field('association.name', 'Associazione')
    .attach('file', SAMPLE_CSV)
    .expect(422);
  expect(res.text).toContain('href="#f-association-pec"');
  expect(res.text).toContain('id="f-association-pec-error"');
});

test('without a valid CSRF token the upload is refused with 403 and nothing is kept', async () => {
  const agent = await signedInAgent(app, operator);
  await openForm(agent);
  await agent.post('/batches').field('_csrf', 'forged').attach('file', SAMPLE_CSV).expect(403);
  await agent.post('/batches').attach('file', SAMPLE_CSV).expect(403);
  // Nobody signed in: refused before the token is even looked at (test/operators/ has the details).
  await request(app).post('/batches').attach('file', SAMPLE_CSV).expect(401);
  // The 403 page goes out as soon as the token fails; the upload's folder is removed right after.
  for (let attempt = 0; attempt < 100 && fs.readdirSync(path.join(dir, 'store')).length > 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(fs.readdirSync(path.join(dir, 'store'))).toEqual([]);
});
