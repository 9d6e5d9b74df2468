import request from 'supertest';
import { loadConfig } from '../../server/config/app-config';
import { listEmlFiles } from '../../server/mail/local-outbox';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { workedExampleClaim } from '../fixtures/claims';
import { testMailSettings, waitFor } from '../support/mail-fixtures';
import { testApp } from '../support/test-app';

const settings = testMailSettings({ PROVIDER_ADDRESSES: 'libero=reclami@provider.example' });
let outbox: Outbox;

function appWith(overrides: Record<string, string> = {}, withOutbox = true) {
  return testApp(loadConfig(overrides), { outbox: withOutbox ? outbox : null }).app;
}

beforeAll(() => {
  outbox = openOutbox(settings, { drain: true });
});
afterAll(() => outbox.close());

const outboxDir = settings.mode === 'local' ? settings.outboxDir : '';

test('202 with the status of each message; the local outbox writes one .eml per recipient; asking again says so', async () => {
  const app = appWith();
  const first = await request(app)
    .post('/api/v1/claims/send')
    .send({ claim: workedExampleClaim(), recipients: { claimant: true, provider: true } })
    .expect(202);
  expect(first.body).toMatchObject({
    delivery: 'local',
    sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    messages: [
      { recipient: 'claimant', address: 'mario.rossi@example.org', status: 'queued' },
      { recipient: 'provider', address: 'reclami@provider.example', status: 'queued' },
    ],
  });
  await waitFor(() => listEmlFiles(outboxDir).length === 2, 10_000, 'two .eml files');
  await waitFor(() => outbox.store.counts().sent === 2, 10_000, 'both sent');

  const again = await request(app)
    .post('/api/v1/claims/send')
    .send({ claim: workedExampleClaim() })
    .set('Accept-Language', 'en')
    .expect(202);
  expect(again.body.messages).toEqual([expect.objectContaining({ recipient: 'claimant', status: 'already-sent' })]);
  expect(listEmlFiles(outboxDir)).toHaveLength(2);
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

test('an invalid claim is answered with field errors under claim.', async () => {
  const claim = workedExampleClaim();
  claim.claimant.taxCode = 'XXX';
  const res = await request(appWith()).post('/api/v1/claims/send').send({ claim }).expect(422);
  expect(res.body.errors.map((error: { path: string }) => error.path)).toContain('claim.claimant.taxCode');
});

test('without an outbox the route answers 503; the route is rate limited', async () => {
  await request(appWith({}, false)).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(503);
  const limited = appWith({ RATE_LIMIT_SEND_PER_MINUTE: '1' });
  await request(limited).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(202);
  await request(limited).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(429);
});
