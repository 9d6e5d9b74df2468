import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { batchStatusSchema, type BatchStatus } from '../../server/batch/batch-status';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { OperatorAccounts } from '../../server/use-cases/operators/operator-accounts';
import { SAMPLE_CSV } from '../support/batch-run';
import { tempDir, testMailSettings } from '../support/mail-fixtures';
import { addTestOperator, signIn, signedInAgent, type TestOperator } from '../support/operators';
import { testApp, UNLIMITED_RATES, type TestApp } from '../support/test-app';
import { csrfFrom, encodeForm } from '../support/web-forms';

const MINUTE = 60_000;
let now = Date.parse('2026-12-01T09:00:00Z');
const clock = () => now;

let outbox: Outbox;
let composed: TestApp;
let app: TestApp['app'];
let alice: TestOperator;
let bob: TestOperator;

beforeAll(async () => {
  outbox = openOutbox(testMailSettings(), { drain: false });
  composed = testApp(
    {
      ...UNLIMITED_RATES,
      BATCH_DIR: path.join(tempDir('operator-access'), 'store'),
      BATCH_WORKERS: 1,
      OPERATOR_SESSION_IDLE_MINUTES: 30,
      OPERATOR_SESSION_MAX_HOURS: 12,
    },
    { outbox, clock },
  );
  ({ app } = composed);
  alice = await addTestOperator(composed.storage, 'alice@association.example');
  bob = await addTestOperator(composed.storage, 'bob@association.example');
});
afterAll(async () => {
  await composed.stop();
  await outbox.close();
});
afterEach(() => expect(composed.internalErrors).toEqual([]));

const audit = () => composed.storage.operators.audit.recent(1000);
const batchFolders = () => {
  const dir = composed.deps.batches.store.dir;
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

async function finished(id: string, auth: Record<string, string>): Promise<BatchStatus> {
  for (;;) {
    const status = batchStatusSchema.parse(
      (await request(app).get(`/api/v1/batches/${id}`).set(auth).expect(200)).body,
    );
    if (status.state === 'done' || status.state === 'failed') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the relay requests of the security review get no message queued', () => {
  test('an anonymous POST /api/v1/batches with send=member: 401, nothing stored, nothing queued', async () => {
    const before = await outbox.store.counts();
    const res = await request(app)
      .post('/api/v1/batches')
      .field('send', 'member')
      .attach('file', SAMPLE_CSV)
      .expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="reclamo"');
    expect(res.body.errors[0].message).toContain('npx reclamo operator token');
    expect(await outbox.store.counts()).toEqual(before);
    expect(batchFolders()).toEqual([]);
  });

  test('an anonymous upload on the page (send=member): 401 with the sign-in form, nothing queued', async () => {
    const agent = request.agent(app);
    const page = await agent.get('/batches?lang=en').expect(200);
    expect(page.text).toContain('id="sign-in-form"');
    expect(page.text).not.toContain('id="batch-form"');
    const before = await outbox.store.counts();
    const res = await agent
      .post('/batches?lang=en')
      .field('_csrf', csrfFrom(page.text))
      .field('send', 'member')
      .attach('file', SAMPLE_CSV)
      .expect(401);
    expect(res.text).toContain('This page is for operators: sign in.');
    expect(res.text).toContain('id="sign-in-form"');
    expect(await outbox.store.counts()).toEqual(before);
    expect(batchFolders()).toEqual([]);
    // The sign-in form on that page works (its own CSRF token) and leads back to the upload form.
    const signedIn = await agent
      .post('/sign-in?lang=en')
      .type('form')
      .send(encodeForm({ _csrf: csrfFrom(res.text), email: alice.email, password: alice.password, next: '/batches' }))
      .expect(303);
    expect(signedIn.headers.location).toBe('/batches?lang=en');
  });

  test('a cross-site POST /api/v1/batches is refused (403) even with a valid token or session, nothing queued', async () => {
    const before = await outbox.store.counts();
    const crossSite = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' };
    const withToken = await request(app)
      .post('/api/v1/batches')
      .set({ ...alice.bearer, ...crossSite })
      .field('send', 'member')
      .attach('file', SAMPLE_CSV)
      .expect(403);
    expect(withToken.body.errors[0].message).toBe('Richiesta rifiutata: proviene da un altro sito.');
    // Only the Origin (an older browser), only Sec-Fetch-Site, a sibling subdomain, a sandboxed frame (Origin: null).
    for (const headers of [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'null' },
    ])
      await request(app)
        .post('/api/v1/batches')
        .set({ ...alice.bearer, ...headers })
        .attach('file', SAMPLE_CSV)
        .expect(403);

    const browser = await signedInAgent(app, alice);
    await browser.post('/api/v1/batches').set(crossSite).field('send', 'member').attach('file', SAMPLE_CSV).expect(403);
    expect(await outbox.store.counts()).toEqual(before);
  });
});

describe('API tokens', () => {
  test('a bearer token submits, polls and downloads; GET /api/v1/batches lists the operator’s own batches', async () => {
    const created = await request(app).post('/api/v1/batches').set(alice.bearer).attach('file', SAMPLE_CSV).expect(202);
    const { id } = batchStatusSchema.parse(created.body);
    expect(created.body).not.toHaveProperty('owner');
    expect((await finished(id, alice.bearer)).state).toBe('done');
    const list = await request(app).get('/api/v1/batches').set(alice.bearer).expect(200);
    expect(list.body.batches.map((batch: BatchStatus) => batch.id)).toContain(id);
    expect((await request(app).get('/api/v1/batches').set(bob.bearer).expect(200)).body.batches).toEqual([]);
    await request(app).get(`/api/v1/batches/${id}/letters.zip`).set(alice.bearer).expect(200);
    const actions = (await audit()).filter((entry) => entry.batchId === id).map((entry) => entry.action);
    expect(actions.sort()).toEqual(['batch-downloaded', 'batch-submitted']);
  });

  test('another operator’s batch does not exist for them (404), status and ZIP alike', async () => {
    const created = await request(app).post('/api/v1/batches').set(alice.bearer).attach('file', SAMPLE_CSV).expect(202);
    const { id } = batchStatusSchema.parse(created.body);
    await finished(id, alice.bearer);
    const status = await request(app).get(`/api/v1/batches/${id}`).set(bob.bearer).expect(404);
    expect(status.body).toEqual(
      (await request(app).get(`/api/v1/batches/${crypto.randomUUID()}`).set(bob.bearer)).body,
    );
    await request(app).get(`/api/v1/batches/${id}/letters.zip`).set(bob.bearer).expect(404);
    const bobsBrowser = await signedInAgent(app, bob);
    await bobsBrowser.get(`/batches/${id}`).expect(404);
    // Still there for its owner: Bob's attempts did not consume the one download.
    await request(app).get(`/api/v1/batches/${id}/letters.zip`).set(alice.bearer).expect(200);
  });

  test('no token, a malformed one, an unknown one: 401 with the Bearer challenge', async () => {
    await request(app).get('/api/v1/batches').expect(401);
    for (const header of [
      'Bearer',
      'Basic YWxpY2U6cHc=',
      `Bearer reclamo_${'A'.repeat(43)}`,
      `Bearer ${alice.token}x`,
    ]) {
      const res = await request(app).get('/api/v1/batches').set('Authorization', header).expect(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="reclamo", error="invalid_token"');
      expect(res.body.errors).toEqual([{ path: '', message: 'Token non valido o revocato.' }]);
    }
  });

  test('a revoked token is refused at once; the operator’s other tokens still work', async () => {
    const accounts = new OperatorAccounts(composed.storage.operators, clock);
    const second = await accounts.issueToken(alice.email, 'second');
    if (!second.ok) throw new Error(second.problem);
    const bearer = { Authorization: `Bearer ${second.token}` };
    await request(app).get('/api/v1/batches').set(bearer).expect(200);
    expect(await accounts.revoke(second.id)).toEqual({ ok: true, kind: 'token', id: second.id });
    await request(app).get('/api/v1/batches').set(bearer).expect(401);
    await request(app).post('/api/v1/batches').set(bearer).attach('file', SAMPLE_CSV).expect(401);
    await request(app).get('/api/v1/batches').set(alice.bearer).expect(200);
    const listed = (await accounts.list()).find((entry) => entry.operator.email === alice.email)!;
    expect(listed.tokens.find((token) => token.id === second.id)).toMatchObject({ label: 'second', revokedAt: now });
    expect(listed.tokens.find((token) => token.id === second.id)!.lastUsedAt).toBe(now);
  });
});

describe('sign-in, sessions, sign-out', () => {
  test('the sign-in page: CSRF token, autocomplete hints, how to create the first operator, in both languages', async () => {
    const it = await request(app).get('/sign-in').expect(200);
    expect(it.text).toContain('<h1>Accesso operatori</h1>');
    expect(it.text).toContain('npx reclamo operator add you@example.org');
    expect(it.text).toMatch(/name="password" type="password" value=""[^>]*autocomplete="current-password"/);
    expect(it.text).toMatch(/name="_csrf" value="[^"]+"/);
    expect((await request(app).get('/batches?lang=en').expect(200)).text).toContain('<h1>Operator sign-in</h1>');
  });

  test('sign in → the cookie is HttpOnly, SameSite=Strict, rotated; the batch pages open; sign out ends it', async () => {
    const agent = request.agent(app);
    const first = await signIn(agent, alice);
    expect(first.headers.location).toBe('/batches?lang=it');
    const cookie = (first.headers['set-cookie'] as unknown as string[]).find((line) =>
      line.startsWith('reclamo_session='),
    )!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    const sessionId = /reclamo_session=([^;]+)/.exec(cookie)![1]!;

    const page = await agent.get('/batches').expect(200);
    expect(page.text).toContain('id="batch-form"');
    expect(page.text).toContain('Operatore: Test Operator');

    // Signing in again replaces the session: the old id no longer opens anything.
    const second = await signIn(agent, alice);
    const rotated = /reclamo_session=([^;]+)/.exec((second.headers['set-cookie'] as unknown as string[]).join())![1]!;
    expect(rotated).not.toBe(sessionId);
    await request(app).get('/api/v1/batches').set('Cookie', `reclamo_session=${sessionId}`).expect(401);
    await request(app).get('/api/v1/batches').set('Cookie', `reclamo_session=${rotated}`).expect(200);

    const out = await agent
      .post('/sign-out')
      .type('form')
      .send(encodeForm({ _csrf: csrfFrom(page.text) }))
      .expect(303);
    expect(out.headers.location).toBe('/sign-in?signedOut=1&lang=it');
    expect((out.headers['set-cookie'] as unknown as string[]).join()).toMatch(/reclamo_session=;/);
    expect((await agent.get(out.headers.location as string).expect(200)).text).toContain('Sei uscito.');
    await request(app).get('/api/v1/batches').set('Cookie', `reclamo_session=${rotated}`).expect(401);
    expect((await agent.get('/batches').expect(200)).text).toContain('id="sign-in-form"');
  });

  test('a sign-in form posted without its CSRF token is refused (403) and signs nobody in', async () => {
    const res = await request(app)
      .post('/sign-in')
      .type('form')
      .send(encodeForm({ email: alice.email, password: alice.password }))
      .expect(403);
    expect(res.headers['set-cookie'] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/session/)]));
  });

  test('a session ends after 30 idle minutes, and after 12 hours even when used', async () => {
    const agent = await signedInAgent(app, alice);
    now += 29 * MINUTE;
    await agent.get('/api/v1/batches').expect(200);
    now += 29 * MINUTE; // 58 minutes after sign-in, 29 after the last request
    await agent.get('/api/v1/batches').expect(200);
    now += 30 * MINUTE;
    await agent.get('/api/v1/batches').expect(401);
    const ended = await agent.get('/batches/00000000-0000-4000-8000-000000000000').expect(401);
    expect(ended.text).toContain('La sessione è scaduta: accedi di nuovo.');

    const busy = await signedInAgent(app, alice);
    for (let hour = 0; hour < 12 * 4 - 1; hour += 1) {
      now += 15 * MINUTE;
      await busy.get('/api/v1/batches').expect(200);
    }
    now += 15 * MINUTE; // 12 hours after sign-in
    await busy.get('/api/v1/batches').expect(401);
  });

  test('the session cookie on the API: reads work; a write must show it comes from this site', async () => {
    const browser = await signedInAgent(app, alice);
    await browser.get('/api/v1/batches').expect(200);
    // No Origin and no Sec-Fetch-Site with a cookie: not a browser page of this site (tools use tokens).
    await browser.post('/api/v1/batches').attach('file', SAMPLE_CSV).expect(403);
    const host = { 'Sec-Fetch-Site': 'same-origin' };
    const created = await browser.post('/api/v1/batches').set(host).attach('file', SAMPLE_CSV).expect(202);
    await finished(created.body.id, alice.bearer);
    const origin = await browser
      .post('/api/v1/batches')
      .set({ Origin: 'http://127.0.0.1', Host: '127.0.0.1' })
      .attach('file', SAMPLE_CSV);
    expect(origin.status).toBe(202);
    await finished(origin.body.id, alice.bearer);
  });

  test('the same answer for a wrong password, an unknown address and a revoked operator', async () => {
    const accounts = new OperatorAccounts(composed.storage.operators, clock);
    await accounts.add({ email: 'carol@association.example', password: 'another long password' });
    await accounts.revoke('carol@association.example');
    const answers: string[] = [];
    for (const [email, password] of [
      [alice.email, 'not the password'],
      ['nobody@association.example', 'not the password'],
      ['carol@association.example', 'another long password'],
    ] as const) {
      const agent = request.agent(app);
      const page = await agent.get('/sign-in?lang=en').expect(200);
      const res = await agent
        .post('/sign-in?lang=en')
        .type('form')
        .send(encodeForm({ _csrf: csrfFrom(page.text), email, password }))
        .expect(401);
      answers.push(
        res.text.replace(/name="_csrf" value="[^"]+"/g, '').replace(/value="[^"]*@association\.example"/, ''),
      );
    }
    expect(answers[0]).toContain('The e-mail address or the password is not correct.');
    expect(new Set(answers).size).toBe(1);
    const failed = (await audit()).filter((entry) => entry.action === 'sign-in-failed').slice(0, 3);
    expect(failed.map((entry) => entry.operatorId)).toEqual([expect.any(String), null, alice.id]);
  });
});

describe('login throttling', () => {
  test('after failures the next attempt waits, longer each time, per address typed and per client', async () => {
    const own = testApp({ ...UNLIMITED_RATES }, { clock });
    try {
      const dave = await addTestOperator(own.storage, 'dave@association.example');
      const agent = request.agent(own.app);
      const token = csrfFrom((await agent.get('/sign-in?lang=en').expect(200)).text);
      const post = (email: string, password: string) =>
        agent
          .post('/sign-in?lang=en')
          .type('form')
          .send(encodeForm({ _csrf: token, email, password }));

      for (let failure = 1; failure <= 4; failure += 1) await post(dave.email, 'wrong password!').expect(401);
      // Three failures are free; after the fourth the next attempt waits 1 s, and is not even checked before.
      const waiting = await post(dave.email, dave.password).expect(429);
      expect(waiting.headers['retry-after']).toBe('1');
      expect(waiting.text).toContain('Too many failed attempts: wait 1 seconds and try again.');
      now += 1000;
      await post(dave.email, 'wrong password!').expect(401); // the fifth: 2 s
      now += 1000;
      expect((await post(dave.email, dave.password).expect(429)).headers['retry-after']).toBe('1');
      now += 1000;
      await post(dave.email, dave.password).expect(303); // the right password, once the wait is over
      // A success starts that address's count again.
      await post(dave.email, 'wrong password!').expect(401);
      await post(dave.email, dave.password).expect(303);

      // An address without an account waits the same way: the waits tell nothing about which ones exist.
      for (let failure = 1; failure <= 4; failure += 1) await post('ghost@association.example', 'x'.repeat(12));
      expect((await post('ghost@association.example', 'x'.repeat(12))).status).toBe(429);

      // Per client: after ten failures over any addresses (counted since the last hour), this client waits.
      now += 61 * MINUTE;
      for (let failure = 1; failure <= 11; failure += 1)
        await post(`guess${failure}@association.example`, 'wrong password!').expect(401);
      await post(dave.email, dave.password).expect(429);
      expect(own.internalErrors).toEqual([]);
    } finally {
      await own.stop();
    }
  });
});

test('behind HTTPS (COOKIE_SECURE=true) the session cookie is __Host-reclamo_session, Secure, HttpOnly, Strict', async () => {
  const secure = testApp({ COOKIE_SECURE: true });
  try {
    const carol = await addTestOperator(secure.storage, 'carol@association.example');
    const page = await request(secure.app).get('/sign-in').expect(200);
    const cookies = (page.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]).join('; ');
    const signedIn = await request(secure.app)
      .post('/sign-in')
      .set('Cookie', cookies)
      .type('form')
      .send(encodeForm({ _csrf: csrfFrom(page.text), email: carol.email, password: carol.password }))
      .expect(303);
    const session = (signedIn.headers['set-cookie'] as unknown as string[]).find((line) =>
      line.startsWith('__Host-reclamo_session='),
    )!;
    expect(session).toMatch(/; Path=\/; .*HttpOnly; Secure; SameSite=Strict$/);
    expect(session).not.toMatch(/Domain=/i);
    const value = /__Host-reclamo_session=([^;]+)/.exec(session)![1]!;
    await request(secure.app).get('/api/v1/batches').set('Cookie', `__Host-reclamo_session=${value}`).expect(200);
    // The unprefixed name is not read when cookies are secure (a sibling subdomain could have planted it).
    await request(secure.app).get('/api/v1/batches').set('Cookie', `reclamo_session=${value}`).expect(401);
  } finally {
    await secure.stop();
  }
});
