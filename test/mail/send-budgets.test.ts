import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import type { MailSettings } from '../../server/mail/mail-settings';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { workedExampleClaim } from '../fixtures/claims';
import { batchReportThroughApi } from '../support/batch-run';
import { addTestOperator } from '../support/operators';
import { codeFrom, letterRows, nextReceived } from '../support/confirmation-mail';
import { tempDir, testMailSettings, waitFor } from '../support/mail-fixtures';
import { testApp, UNLIMITED_RATES, type TestApp } from '../support/test-app';
import { postForm, workedExampleForm } from '../support/web-forms';

/**
 * The send budgets hold whichever route queues the message (the API, the form, a batch) and whichever process
 * does: they are counted in the outbox database. Each test gets a fresh outbox with its own limits.
 */
let smtp: LoopbackSmtp;
const opened: { outbox: Outbox; composed: TestApp }[] = [];

beforeAll(async () => {
  smtp = await LoopbackSmtp.start();
});
afterAll(async () => {
  for (const { composed, outbox } of opened) {
    await composed.stop();
    await outbox.close();
  }
  await smtp.close();
});

function setup(env: Record<string, string>, settings?: MailSettings) {
  const mail =
    settings ?? testMailSettings({ SMTP_URL: smtp.url, PROVIDER_ADDRESSES: 'libero=reclami@provider.example', ...env });
  const outbox = openOutbox(mail, { drain: true });
  const composed = testApp(
    { ...UNLIMITED_RATES, BATCH_DIR: path.join(tempDir('budget-batches'), 'store'), BATCH_WORKERS: 1 },
    { outbox },
  );
  opened.push({ outbox, composed });
  return { outbox, app: composed.app, composed, settings: mail };
}

/** The worked example for another address, or with another damage (another letter, so another code). */
function claimFor(email: string, amount = '150,00'): ClaimInput {
  const claim = workedExampleClaim();
  return {
    ...claim,
    claimant: { ...claim.claimant, email },
    damages: [{ kind: 'lost-mail', description: 'Preventivo perso', amount }],
  };
}

async function confirmedSend(app: TestApp['app'], body: { claim: ClaimInput; recipients?: object }) {
  const email = body.claim.claimant.email;
  const message = await nextReceived(smtp, email, () =>
    request(app).post('/api/v1/claims/send').send(body).expect(202),
  );
  return request(app)
    .post('/api/v1/claims/send')
    .send({ ...body, confirmationCode: await codeFrom(message.raw) });
}

/** The e-mail cell of each row with a letter, for the sample list sent to its members. */
async function runBatch(composed: TestApp): Promise<string[]> {
  const operator = await addTestOperator(composed.storage);
  const report = await batchReportThroughApi(composed.app, { send: 'member' }, undefined, operator.bearer);
  return report
    .slice(1)
    .filter((row) => row[2] === 'ok')
    .map((row) => row.at(-1)!);
}

test('per address: confirmation messages asked through the API and the form count together; 429 with Retry-After', async () => {
  // One-day code windows: the repeated request below stays in the window of the first.
  const { app } = setup({ MAIL_CONFIRMATIONS_PER_ADDRESS_DAY: '2', MAIL_CONFIRMATION_MINUTES: '1440' });
  await request(app).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(202);
  const agent = request.agent(app);
  const form = await postForm(agent, '/claim/send', {
    ...workedExampleForm(),
    'damages.0.amount': '99',
    'send.claimant': 'yes',
  });
  expect(form.status).toBe(202);
  // The same request again is the same message: it costs nothing.
  await request(app).post('/api/v1/claims/send').send({ claim: workedExampleClaim() }).expect(202);
  const over = await request(app)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('mario.rossi@example.org', '300,00') })
    .expect(429);
  expect(over.body.errors).toEqual([
    {
      path: '',
      message: expect.stringMatching(
        /^Troppi codici di conferma inviati a questo indirizzo: riprova dal \d\d\/\d\d\/\d{4} ore \d\d:\d\d\.$/,
      ),
    },
  ]);
  expect(Number(over.headers['retry-after'])).toBeGreaterThan(23 * 3600);
  const page = await postForm(agent, '/claim/send?lang=en', {
    ...workedExampleForm(),
    'damages.0.amount': '77',
    'send.claimant': 'yes',
  });
  expect(page.status).toBe(429);
  expect(page.text).toMatch(/Too many confirmation codes sent to this address: try again from \d\d\/\d\d\/\d{4} at/);
  // Another address is not affected.
  await request(app)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('anna@example.org') })
    .expect(202);
});

test('per client and for the whole server: confirmation messages to ever new addresses run out', async () => {
  const perClient = setup({ MAIL_CONFIRMATIONS_PER_CLIENT_HOUR: '2' }).app;
  for (const email of ['a1@example.org', 'a2@example.org'])
    await request(perClient)
      .post('/api/v1/claims/send')
      .send({ claim: claimFor(email) })
      .expect(202);
  const refused = await request(perClient)
    .post('/api/v1/claims/send?lang=en')
    .send({ claim: claimFor('a3@example.org') })
    .expect(429);
  expect(refused.body.errors[0].message).toMatch(/^Too many confirmation codes asked for from this connection/);

  const global = setup({ MAIL_CONFIRMATIONS_PER_DAY: '3' }).app;
  for (const email of ['b1@example.org', 'b2@example.org', 'b3@example.org'])
    await request(global)
      .post('/api/v1/claims/send')
      .send({ claim: claimFor(email) })
      .expect(202);
  const spent = await request(global)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('b4@example.org') })
    .expect(429);
  expect(spent.body.errors[0].message).toMatch(/^Questo server ha già inviato tutti i codici di conferma previsti/);
});

test('letters: a batch and the API spend one daily budget; over it a batch row says so and queues nothing', async () => {
  const { app, outbox, composed } = setup({ MAIL_LETTERS_PER_DAY: '5' });
  // The sample list has 4 members with a letter: 4 letters.
  expect(await runBatch(composed)).toEqual(Array(4).fill('member: queued'));
  // Claimant and provider copy would make 6: refused whole; the claimant copy alone fits.
  const both = await confirmedSend(app, {
    claim: claimFor('late@example.org'),
    recipients: { claimant: true, provider: true },
  });
  expect(both.status).toBe(429);
  expect(both.body.errors[0].message).toMatch(/limite giornaliero di lettere .* Il PDF si può sempre scaricare/);
  expect(Number(both.headers['retry-after'])).toBeGreaterThan(0);
  const one = await confirmedSend(app, { claim: claimFor('late@example.org') });
  expect(one.status).toBe(202);
  expect(await letterRows(outbox)).toHaveLength(5);
  // The same list again sends nothing new, so it needs no budget; a budget too small for a list stops its tail.
  const again = await runBatch(composed);
  expect(again.every((cell) => /^member: already-(sent|queued)$/.test(cell))).toBe(true);
  const fresh = setup({ MAIL_LETTERS_PER_DAY: '2' });
  expect(await runBatch(fresh.composed)).toEqual([
    'member: queued',
    'member: queued',
    'member: limit-reached (global)',
    'member: limit-reached (global)',
  ]);
  expect(await letterRows(fresh.outbox)).toHaveLength(2);
});

test('letters per address: the provider copy counts for the claimant who sends it', async () => {
  const { app } = setup({ MAIL_LETTERS_PER_ADDRESS_DAY: '3' });
  const first = await confirmedSend(app, {
    claim: workedExampleClaim(),
    recipients: { claimant: true, provider: true },
  });
  expect(first.status).toBe(202);
  const second = await confirmedSend(app, {
    claim: claimFor('mario.rossi@example.org', '500,00'),
    recipients: { claimant: true, provider: true },
  });
  expect(second.status).toBe(429);
  expect(second.body.errors[0].message).toMatch(/^Troppe lettere inviate a nome di questo indirizzo/);
});

test('wrong codes are counted per address: a few tries, then confirming is paused even with the right code', async () => {
  const { app } = setup({ MAIL_CODE_FAILURES_PER_ADDRESS_DAY: '2' });
  const claim = workedExampleClaim();
  const message = await nextReceived(smtp, claim.claimant.email, () =>
    request(app).post('/api/v1/claims/send').send({ claim }).expect(202),
  );
  const code = await codeFrom(message.raw);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await request(app).post('/api/v1/claims/send').send({ claim, confirmationCode: wrong }).expect(422);
  // A right code costs no try.
  await request(app).post('/api/v1/claims/send').send({ claim, confirmationCode: code }).expect(202);
  await request(app).post('/api/v1/claims/send').send({ claim, confirmationCode: wrong }).expect(422);
  const paused = await request(app).post('/api/v1/claims/send').send({ claim, confirmationCode: code }).expect(429);
  expect(paused.body.errors[0].message).toMatch(/^Troppi codici sbagliati per questo indirizzo/);
});

test('two processes on one outbox database count together', async () => {
  const first = setup({ MAIL_CONFIRMATIONS_PER_DAY: '2' });
  const second = setup({}, first.settings);
  await request(first.app)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('c1@example.org') })
    .expect(202);
  await request(second.app)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('c2@example.org') })
    .expect(202);
  await request(first.app)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('c3@example.org') })
    .expect(429);
  await request(second.app)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('c4@example.org') })
    .expect(429);
});

test('the budgets keep only keyed hashes, and delete them once their window has passed', async () => {
  const { app, settings } = setup({});
  await request(app)
    .post('/api/v1/claims/send')
    .send({ claim: claimFor('hash.me@example.org') })
    .expect(202);
  const db = new Database(settings.databasePath, { readonly: true });
  const rows = db.prepare('SELECT kind, dimension, subject, expires_at AS expiresAt FROM send_ledger').all() as {
    kind: string;
    dimension: string;
    subject: string;
    expiresAt: number;
  }[];
  db.close();
  expect(rows.map((row) => `${row.kind}/${row.dimension}`).sort()).toEqual([
    'confirmation/address',
    'confirmation/client',
    'confirmation/global',
  ]);
  for (const row of rows) {
    expect(row.subject).toMatch(row.dimension === 'global' ? /^$/ : /^[0-9a-f]{64}$/);
    expect(row.subject).not.toContain('hash.me');
    expect(row.subject).not.toContain('127.0.0.1');
  }
  // A process opening the outbox a day later finds nothing left to count.
  const later = openOutbox(settings, { drain: false, now: () => Date.now() + 24 * 3600_000 + 1000 });
  const left = new Database(settings.databasePath, { readonly: true });
  // The prune at open runs in the background: the counts go within moments, without a send.
  await waitFor(() => (left.prepare('SELECT COUNT(*) AS n FROM send_ledger').get() as { n: number }).n === 0, 5000);
  left.close();
  await later.close();
});
