import request from 'supertest';
import { loadConfig } from '../../server/config/app-config';
import { listEmlFiles } from '../../server/mail/local-outbox';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { workedExampleClaim } from '../fixtures/claims';
import { codeFromLocalOutbox, letterRows } from '../support/confirmation-mail';
import { testMailSettings, waitFor } from '../support/mail-fixtures';
import { testApp } from '../support/test-app';

// One-day code windows: a request repeated within the test stays in the window of the first.
const settings = testMailSettings({
  PROVIDER_ADDRESSES: 'libero=reclami@provider.example',
  MAIL_CONFIRMATION_MINUTES: '1440',
});
let outbox: Outbox;

function appWith(overrides: Record<string, string> = {}, withOutbox = true) {
  return testApp(loadConfig(overrides), { outbox: withOutbox ? outbox : null }).app;
}

beforeAll(() => {
  outbox = openOutbox(settings, { drain: true });
});
afterAll(() => outbox.close());

const outboxDir = settings.mode === 'local' ? settings.outboxDir : '';

test('step 1 sends the code, step 2 queues one .eml per recipient; asking again says so', async () => {
  const app = appWith();
  const body = { claim: workedExampleClaim(), recipients: { claimant: true, provider: true } };
  const started = Date.now();
  const asked = await request(app).post('/api/v1/claims/send').send(body).expect(202);
  expect(asked.body).toEqual({
    status: 'confirmation-sent',
    recipient: 'claimant',
    address: 'mario.rossi@example.org',
    delivery: 'local',
    confirmation: 'queued',
    expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
    messageId: expect.stringMatching(/^<[0-9a-f]{40}@example\.org>$/),
  });
  // The code is accepted for at least MAIL_CONFIRMATION_MINUTES, at most twice that.
  const expiresIn = Date.parse(asked.body.expiresAt) - started;
  expect(expiresIn).toBeGreaterThanOrEqual(1440 * 60_000 - 1000);
  expect(expiresIn).toBeLessThanOrEqual(2 * 1440 * 60_000);
  expect(await letterRows(outbox)).toEqual([]);
  const code = await codeFromLocalOutbox(outboxDir, 'mario.rossi@example.org');
  // Asked again in the same window: the same message, not a second one.
  const again = await request(app).post('/api/v1/claims/send').send(body).expect(202);
  expect(again.body).toMatchObject({
    status: 'confirmation-sent',
    confirmation: expect.stringMatching(/^already-(sent|queued)$/),
  });

  const first = await request(app)
    .post('/api/v1/claims/send')
    .send({ ...body, confirmationCode: code })
    .expect(202);
  expect(first.body).toMatchObject({
    status: 'letter-queued',
    delivery: 'local',
    sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    messages: [
      { recipient: 'claimant', address: 'mario.rossi@example.org', status: 'queued' },
      { recipient: 'provider', address: 'reclami@provider.example', status: 'queued' },
    ],
  });
  await waitFor(() => listEmlFiles(outboxDir).length === 3, 10_000, 'the code and two letters');
  await waitFor(async () => (await outbox.store.counts()).sent === 3, 10_000, 'all three sent');

  // The same code, typed with a space, asks again: nothing is sent twice.
  const repeated = await request(app)
    .post('/api/v1/claims/send')
    .send({ ...body, confirmationCode: `${code.slice(0, 3)} ${code.slice(3)}` })
    .set('Accept-Language', 'en')
    .expect(202);
  expect(repeated.body.messages.map((message: { status: string }) => message.status)).toEqual([
    'already-sent',
    'already-sent',
  ]);
  expect(listEmlFiles(outboxDir)).toHaveLength(3);
});

test('recipients are a choice between the claimant and the configured provider, never an address', async () => {
  const app = appWith();
  const typed = await request(app)
    .post('/api/v1/claims/send')
    .send({ claim: workedExampleClaim(), recipients: { claimant: true, to: 'someone@else.example' } })
    .expect(422);
  expect(typed.body.errors[0].path).toBe('recipients');
  const none = await request(app)
    .post('/api/v1/claims/send')
    .send({ claim: workedExampleClaim(), recipients: { claimant: false, provider: false } })
    .expect(422);
  expect(none.body.errors).toEqual([{ path: 'recipients', message: 'Scegliere almeno un destinatario.' }]);
  const virgilio = {
    ...workedExampleClaim(),
    account: { provider: 'virgilio', mailbox: 'mario@virgilio.it', type: 'free' },
  };
  const unconfigured = await request(app)
    .post('/api/v1/claims/send?lang=en')
    .send({ claim: virgilio, recipients: { claimant: false, provider: true } })
    .expect(422);
  expect(unconfigured.body.errors[0]).toMatchObject({
    path: 'recipients.provider',
    message: expect.stringContaining('no address configured for complaints to Virgilio Mail'),
  });
});

test('an invalid claim is answered with field errors under claim., before any message', async () => {
  const claim = workedExampleClaim();
  claim.claimant.taxCode = 'XXX';
  const before = (await outbox.store.all()).length;
  const res = await request(appWith()).post('/api/v1/claims/send').send({ claim }).expect(422);
  expect(res.body.errors.map((error: { path: string }) => error.path)).toContain('claim.claimant.taxCode');
  expect(await outbox.store.all()).toHaveLength(before);
});

test('without an outbox the route answers 503; the route is rate limited', async () => {
  await request(appWith({}, false)).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(503);
  const limited = appWith({ RATE_LIMIT_SEND_PER_MINUTE: '1' });
  await request(limited).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(202);
  await request(limited).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(429);
});
