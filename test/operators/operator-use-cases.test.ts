import type { Storage } from '../../server/storage/open-storage';
import { delayAfter, ACCOUNT_THROTTLE, CLIENT_THROTTLE } from '../../server/use-cases/operators/login-throttle';
import { OperatorAccounts } from '../../server/use-cases/operators/operator-accounts';
import { OperatorAuth } from '../../server/use-cases/operators/operator-auth';
import { STORAGES, type TestStorage } from '../support/storages';

const PASSWORD = 'correct horse battery staple';

describe.each(STORAGES)('operators on %s', (_kind, open) => {
  let storage: Storage;
  let now = 1_000_000;
  const clock = () => now;
  let accounts: OperatorAccounts;
  let auth: OperatorAuth;

  let opened: TestStorage;
  beforeEach(async () => {
    opened = await open();
    storage = opened.storage;
    accounts = new OperatorAccounts(storage.operators, clock);
    auth = new OperatorAuth(storage.operators, { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 }, clock);
    await accounts.add({ email: 'ops@association.example', password: PASSWORD });
  });
  afterEach(() => opened.dispose());

  test('the delay doubles after the free failures and stops at 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, ACCOUNT_THROTTLE))).toEqual([
      0, 0, 0, 1000, 2000, 4000, 8000,
    ]);
    expect(delayAfter(10, CLIENT_THROTTLE)).toBe(0);
    expect(delayAfter(11, CLIENT_THROTTLE)).toBe(1000);
    expect(delayAfter(40, ACCOUNT_THROTTLE)).toBe(15 * 60_000);
    expect(delayAfter(10_000, ACCOUNT_THROTTLE)).toBe(15 * 60_000);
  });

  test('an address under attack waits whatever client asks; another address from a fresh client does not', async () => {
    for (let failure = 0; failure < 4; failure += 1)
      await auth.signIn({ email: 'ops@association.example', password: 'wrong', client: `198.51.100.${failure}` });
    expect(
      await auth.signIn({ email: 'ops@association.example', password: PASSWORD, client: '198.51.100.200' }),
    ).toMatchObject({ ok: false, problem: 'throttled', retryAfterMs: 1000 });
    await accounts.add({ email: 'other@association.example', password: PASSWORD });
    expect(
      await auth.signIn({ email: 'other@association.example', password: PASSWORD, client: '198.51.100.201' }),
    ).toMatchObject({
      ok: true,
    });
  });

  test('a busy client waits for every address; another client does not', async () => {
    for (let failure = 0; failure < 11; failure += 1)
      await auth.signIn({ email: `guess${failure}@association.example`, password: 'wrong', client: '203.0.113.9' });
    expect(
      await auth.signIn({ email: 'ops@association.example', password: PASSWORD, client: '203.0.113.9' }),
    ).toMatchObject({
      problem: 'throttled',
    });
    expect(
      await auth.signIn({ email: 'ops@association.example', password: PASSWORD, client: '203.0.113.10' }),
    ).toMatchObject({
      ok: true,
    });
  });

  test('accounts: addresses are one per person whatever the case; weak passwords and bad names are refused', async () => {
    expect(await accounts.add({ email: 'OPS@association.example', password: PASSWORD })).toEqual({
      ok: false,
      problem: 'exists',
    });
    expect(await accounts.add({ email: 'not an address', password: PASSWORD })).toMatchObject({
      problem: 'invalid-email',
    });
    expect(await accounts.add({ email: 'a@association.example', password: 'short' })).toMatchObject({
      problem: 'password-too-short',
    });
    // Counted in characters: twelve accented letters are enough.
    expect(await accounts.add({ email: 'b@association.example', password: 'èèèèèèèèèèèè' })).toMatchObject({
      ok: true,
    });
    expect(await accounts.add({ email: 'c@association.example', name: 'a\u0007b', password: PASSWORD })).toMatchObject({
      problem: 'invalid-name',
    });
  });

  test('a new password ends the operator’s sessions; revoking the operator ends sessions and tokens', async () => {
    const first = await auth.signIn({ email: 'ops@association.example', password: PASSWORD, client: 'c' });
    if (!first.ok) throw new Error('sign-in failed');
    expect(await auth.session(first.sessionId)).toMatchObject({ state: 'active' });
    await accounts.setPassword('ops@association.example', 'a brand new passphrase');
    expect(await auth.session(first.sessionId)).toEqual({ state: 'ended' });
    expect(await auth.signIn({ email: 'ops@association.example', password: PASSWORD, client: 'c' })).toMatchObject({
      ok: false,
    });

    const second = await auth.signIn({
      email: 'ops@association.example',
      password: 'a brand new passphrase',
      client: 'c',
    });
    const token = await accounts.issueToken('ops@association.example', 'script');
    if (!second.ok || !token.ok) throw new Error('setup failed');
    expect(await auth.bearer(token.token)).toMatchObject({ email: 'ops@association.example' });
    expect(await accounts.revoke('ops@association.example')).toMatchObject({ ok: true, kind: 'operator' });
    expect(await auth.session(second.sessionId)).toEqual({ state: 'ended' });
    expect(await auth.bearer(token.token)).toBeNull();
    expect(await accounts.issueToken('ops@association.example')).toEqual({ ok: false, problem: 'operator-revoked' });
    expect(
      await auth.signIn({ email: 'ops@association.example', password: 'a brand new passphrase', client: 'd' }),
    ).toMatchObject({
      ok: false,
      problem: 'rejected',
    });
  });

  test('the sweep deletes expired sessions and forgotten failure counts', async () => {
    const signedIn = await auth.signIn({ email: 'ops@association.example', password: PASSWORD, client: 'c' });
    if (!signedIn.ok) throw new Error('sign-in failed');
    await auth.signIn({ email: 'ops@association.example', password: 'wrong', client: 'c' });
    const remaining = () => storage.operators.sessions.removeExpired(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const counts = () => storage.operators.loginFailures.removeStale(Number.MAX_SAFE_INTEGER);
    now += 29 * 60_000;
    await auth.sweep();
    now += 2 * 60_000;
    await auth.sweep();
    expect(await remaining()).toBe(0); // idle for 31 minutes: deleted by the sweep
    now += 60 * 60_000;
    await auth.sweep();
    expect(await counts()).toBe(0); // the failures' hour has passed
  });
});
