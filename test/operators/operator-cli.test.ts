import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { tempDir } from '../support/mail-fixtures';
import { reclamo, TEST_PASSWORD } from '../support/operators';
import { testApp } from '../support/test-app';

/**
 * The command-line contract scripts rely on, run as real processes on the compiled code: the password from
 * standard input (or a terminal without echo), the token alone on one line of stdout, revoke, list, audit.
 */
let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = tempDir('operator-cli');
  env = { STORAGE_DATABASE_PATH: path.join(dir, 'storage.sqlite') };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('add reads the password from standard input; token prints one token on one line; the API takes it', async () => {
  const added = await reclamo(['operator', 'add', 'Ops@Association.Example', '--name', 'Ops Desk'], {
    env,
    input: `${TEST_PASSWORD}\n`,
  });
  expect(added).toMatchObject({ code: 0, stderr: '' });
  expect(added.stdout).toBe('Operatore aggiunto / operator added: ops@association.example\n');

  const issued = await reclamo(['operator', 'token', 'ops@association.example', '--label', 'nightly import'], { env });
  expect(issued.code).toBe(0);
  expect(issued.stdout).toMatch(/^reclamo_[A-Za-z0-9_-]{43}\n$/);
  expect(issued.stderr).toMatch(/^Token [0-9a-f]{12}: /);
  const token = issued.stdout.trim();
  const second = (await reclamo(['operator', 'token', 'ops@association.example'], { env })).stdout.trim();
  expect(second).not.toBe(token);

  // The server reads the same file: the token works there, and the password signs in.
  const composed = testApp({ STORAGE_DATABASE_PATH: env.STORAGE_DATABASE_PATH! });
  try {
    await request(composed.app).get('/api/v1/batches').set('Authorization', `Bearer ${token}`).expect(200);
    const signedIn = await composed.deps.operators.signIn({
      email: 'ops@association.example',
      password: TEST_PASSWORD,
      client: 'test',
    });
    expect(signedIn.ok).toBe(true);
  } finally {
    await composed.stop();
  }

  const listed = await reclamo(['operator', 'list'], { env });
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain('ops@association.example (Ops Desk)');
  expect(listed.stdout).toContain('"nightly import"');
  expect(listed.stdout).not.toContain(token);
  const tokenId = /Token ([0-9a-f]{12})/.exec(issued.stderr)![1]!;
  expect(listed.stdout).toMatch(new RegExp(`token ${tokenId} "nightly import" .*ultimo uso / last used 20\\d\\d-`));

  const revoked = await reclamo(['operator', 'revoke', token], { env });
  expect(revoked).toMatchObject({ code: 0, stdout: `Token revocato / token revoked: ${tokenId}\n` });
  expect((await reclamo(['operator', 'revoke', token], { env })).code).toBe(2);
  const again = testApp({ STORAGE_DATABASE_PATH: env.STORAGE_DATABASE_PATH! });
  try {
    await request(again.app).get('/api/v1/batches').set('Authorization', `Bearer ${token}`).expect(401);
    await request(again.app).get('/api/v1/batches').set('Authorization', `Bearer ${second}`).expect(200);
  } finally {
    await again.stop();
  }

  const audit = await reclamo(['operator', 'audit', '--limit', '10'], { env });
  const actions = audit.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => /UTC\s+(\S+)/.exec(line)?.[1]);
  expect(actions).toEqual(['token-revoked', 'sign-in', 'token-created', 'token-created', 'operator-added']);
});

test('refusals exit 2 with the reason: a short password, a second account, an unknown operator, bad usage', async () => {
  const short = await reclamo(['operator', 'add', 'short@association.example'], { env, input: 'tooshort\n' });
  expect(short).toMatchObject({ code: 2, stdout: '' });
  expect(short.stderr).toContain('almeno 12 caratteri / password too short: at least 12 characters');
  await reclamo(['operator', 'add', 'twice@association.example'], { env, input: `${TEST_PASSWORD}\n` });
  const twice = await reclamo(['operator', 'add', 'TWICE@association.example'], { env, input: `${TEST_PASSWORD}\n` });
  expect(twice.stderr).toContain('exists already');
  const nobody = await reclamo(['operator', 'token', 'nobody@association.example'], { env });
  expect(nobody).toMatchObject({ code: 2, stdout: '' });
  expect((await reclamo(['operator', 'add'], { env })).stderr).toContain('reclamo operator add <email>');
  expect((await reclamo(['operator', 'frobnicate'], { env })).code).toBe(2);
});

test('revoking an operator ends their sessions and tokens; they can no longer sign in', async () => {
  await reclamo(['operator', 'add', 'leaver@association.example'], { env, input: `${TEST_PASSWORD}\n` });
  const token = (await reclamo(['operator', 'token', 'leaver@association.example'], { env })).stdout.trim();
  const revoked = await reclamo(['operator', 'revoke', 'leaver@association.example'], { env });
  expect(revoked.code).toBe(0);
  expect(revoked.stdout).toContain('operator revoked');
  const composed = testApp({ STORAGE_DATABASE_PATH: env.STORAGE_DATABASE_PATH! });
  try {
    await request(composed.app).get('/api/v1/batches').set('Authorization', `Bearer ${token}`).expect(401);
    const signIn = await composed.deps.operators.signIn({
      email: 'leaver@association.example',
      password: TEST_PASSWORD,
      client: 'test',
    });
    expect(signIn).toEqual({ ok: false, problem: 'rejected' });
  } finally {
    await composed.stop();
  }
  expect((await reclamo(['operator', 'list'], { env })).stdout).toMatch(/leaver@association\.example · .* revoked/);
});

test('the password is stored only as an argon2id hash; the token only as its SHA-256', async () => {
  const token = (await reclamo(['operator', 'token', 'ops@association.example'], { env })).stdout.trim();
  const db = new Database(env.STORAGE_DATABASE_PATH!, { readonly: true });
  try {
    const hashes = db.prepare('SELECT password_hash FROM operators').pluck().all() as string[];
    expect(hashes.every((hash) => hash.startsWith('$argon2id$'))).toBe(true);
    const digests = db.prepare('SELECT hash FROM api_tokens').pluck().all() as string[];
    const { createHash } = await import('node:crypto');
    expect(digests).toContain(createHash('sha256').update(token).digest('hex'));
  } finally {
    db.close();
  }
});

/**
 * Runs `reclamo args…` on a pseudo-terminal (script(1)): each answer is typed only once its prompt is on the screen, as
 * a person would. Returns what the terminal showed, which is exactly what the command and the terminal's echo wrote.
 */
async function onTerminal(args: string, answers: string[]): Promise<{ code: number | null; shown: string }> {
  const command = `${process.execPath} ${path.join(__dirname, '../../bin/reclamo.js')} ${args}`;
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  let shown = '';
  let prompts = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString('utf8');
    const seen = (shown.match(/Password[^:]*: $/gm) ?? []).length;
    if (seen > prompts && /: $/.test(shown)) {
      prompts = seen;
      child.stdin.write(`${answers.shift() ?? ''}\r`);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  return { code, shown };
}

test('on a terminal the password is asked twice and never shown; two different answers add nobody', async () => {
  const added = await onTerminal('operator add tty@association.example', [TEST_PASSWORD, TEST_PASSWORD]);
  expect(added.code).toBe(0);
  expect(added.shown).toContain('Password: ');
  expect(added.shown).toContain('Password (di nuovo / again): ');
  expect(added.shown).toContain('operator added: tty@association.example');
  expect(added.shown).not.toContain(TEST_PASSWORD);

  const differ = await onTerminal('operator add typo@association.example', [TEST_PASSWORD, `${TEST_PASSWORD}!`]);
  expect(differ.code).toBe(2);
  expect(differ.shown).toContain('the two passwords differ');
  expect((await reclamo(['operator', 'list'], { env })).stdout).not.toContain('typo@association.example');
});
