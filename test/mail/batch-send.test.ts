import path from 'node:path';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { batchReportThroughApi, parseReport, readZip, SAMPLE_CSV } from '../support/batch-run';
import request from 'supertest';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { tempDir, testMailSettings, waitFor } from '../support/mail-fixtures';
import { runCli } from '../support/run-cli';
import { testApp } from '../support/test-app';
import { addTestOperator, signedInAgent, type TestOperator } from '../support/operators';

const cli = runCli;

test('reclamo batch --send both: one message per eligible row and recipient, the report gains the mail status', async () => {
  const smtp = await LoopbackSmtp.start({ keepRaw: false });
  const dir = tempDir('batch-send');
  const env = {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Associazione <invii@example.org>',
    MAIL_RATE_PER_SECOND: '0',
    PROVIDER_ADDRESSES: 'libero=reclami@libero.example;virgilio=reclami@virgilio.example',
    DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
    OUTBOX_POLL_MS: '20',
  };
  const output = path.join(dir, 'letters.zip');
  const run = await cli(['batch', SAMPLE_CSV, '-o', output, '--workers', '1', '--send', 'both'], env);
  expect(run.stderr).not.toContain('--send');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/e-mail: 8 sent, 0 failed, 0 queued/);

  const report = parseReport((await readZip(output)).get('report.csv')!);
  const [header, ...rows] = report;
  expect(header!.at(-1)).toBe('e-mail');
  const ok = rows.filter((row) => row[2] === 'ok');
  expect(ok).toHaveLength(4);
  for (const row of ok) expect(row.at(-1)).toBe('member: queued | provider: queued');
  for (const row of rows.filter((other) => other[2] !== 'ok')) expect(row.at(-1)).toBe('');
  expect(smtp.received).toHaveLength(8);
  expect(smtp.received.filter((message) => message.to[0]!.startsWith('reclami@'))).toHaveLength(4);

  const again = await cli(['batch', SAMPLE_CSV, '-o', output, '--workers', '1', '--send', 'member'], env);
  const rerun = parseReport((await readZip(output)).get('report.csv')!)
    .slice(1)
    .filter((row) => row[2] === 'ok');
  for (const row of rerun) expect(row.at(-1)).toBe('member: already-sent');
  expect(again.stdout).toMatch(/e-mail: 8 sent/);
  expect(smtp.received).toHaveLength(8);
  await smtp.close();
});

test('--send is checked before any work: a wrong target, or the provider without PROVIDER_ADDRESSES', async () => {
  const env = { DATABASE_PATH: path.join(tempDir('batch-send-bad'), 'outbox.sqlite') };
  expect(await cli(['batch', SAMPLE_CSV, '--send', 'everyone'], env)).toMatchObject({
    code: 2,
    stderr: '--send: member | provider | both\n',
  });
  expect(await cli(['batch', SAMPLE_CSV, '--send', 'provider'], env)).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('PROVIDER_ADDRESSES'),
  });
});

describe('the batch API and page with send', () => {
  const settings = testMailSettings();
  let outbox: Outbox;
  let composed: ReturnType<typeof testApp>;
  let app: ReturnType<typeof testApp>['app'];
  let operator: TestOperator;
  let auth: Record<string, string>;
  beforeAll(async () => {
    outbox = openOutbox(settings, { drain: true });
    composed = testApp({ BATCH_DIR: path.join(tempDir('batch-store'), 'store'), BATCH_WORKERS: 1 }, { outbox });
    ({ app } = composed);
    operator = await addTestOperator(composed.storage);
    auth = operator.bearer;
  });
  afterAll(async () => {
    await composed.stop();
    await outbox.close();
  });

  test('POST /api/v1/batches with send=member queues one message per eligible row; the report has the e-mail column', async () => {
    const [header, ...rows] = await batchReportThroughApi(app, { send: 'member' }, SAMPLE_CSV, auth);
    expect(header!.at(-1)).toBe('e-mail');
    expect(rows.filter((row) => row[2] === 'ok').map((row) => row.at(-1))).toEqual(Array(4).fill('member: queued'));
    await waitFor(async () => (await outbox.store.counts()).sent === 4, 10_000, 'four messages written');
  });

  test('the upload page offers the choice; a wrong value is refused', async () => {
    const page = await (await signedInAgent(app, operator)).get('/batches').expect(200);
    expect(page.text).toContain('id="section-send"');
    expect(page.text).toMatch(/id="f-send-provider" name="send" value="provider" disabled/);
    const wrong = await request(app)
      .post('/api/v1/batches')
      .set(auth)
      .field('send', 'everyone')
      .attach('file', SAMPLE_CSV)
      .expect(422);
    expect(wrong.body.errors).toEqual([{ path: 'send', message: 'Indicare member, provider o both.' }]);
  });
});
