import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { workedExampleClaim } from '../fixtures/claims';
import { SAMPLE_CSV } from '../support/batch-run';
import { startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { csrfFrom, encodeForm, workedExampleForm } from '../support/web-forms';
import { codeFromLocalOutbox } from '../support/confirmation-mail';
import Database from 'better-sqlite3';
import { reclamo, TEST_PASSWORD } from '../support/operators';
import { Browser } from '../support/http-browser';

const OPERATOR = 'desk@association.example';

/**
 * The log of a whole run of the real server, at the most verbose level: the form (result, PDF, send by e-mail),
 * the API (assess, letter, send), an operator (created on the command line, signed in on the page, a failed
 * attempt, signed out), a batch (upload, status, ZIP) and the mail worker writing the messages. Not one name,
 * codice fiscale, address or e-mail address of the test data may appear in it, nor the operator's address, password,
 * session or token; the audit log holds operator ids, actions, times and batch ids only.
 */
const SAMPLE_PERSONAL_COLUMNS = ['nome', 'cognome', 'codice_fiscale', 'indirizzo', 'email', 'casella'];

function personalValues(): string[] {
  const rows = parse(fs.readFileSync(SAMPLE_CSV, 'utf8'), {
    delimiter: ';',
    columns: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
  }) as Record<string, string>[];
  const fromSample = rows.flatMap((row) => SAMPLE_PERSONAL_COLUMNS.map((column) => row[column] ?? ''));
  const form = workedExampleForm();
  const fromForm = [
    'claimant.firstName',
    'claimant.lastName',
    'claimant.taxCode',
    'claimant.email',
    'claimant.address.street',
    'account.mailbox',
  ].map((name) => String(form[name]));
  const claim = withPayment(workedExampleClaim());
  const fromClaim = [
    IBAN,
    IBAN.replace(/ /g, ''),
    'Conto Mario Rossi',
    claim.previousComplaints![0]!.reference,
    claim.account.customerNumber!,
    claim.claimant.firstName,
    claim.claimant.lastName,
    claim.claimant.taxCode,
    claim.claimant.email,
    claim.claimant.address.street,
    claim.account.mailbox,
  ];
  // Short or generic cells (a one-letter name, an empty cell) would match by chance: keep distinctive values.
  return [
    ...new Set(
      [...fromSample, ...fromForm, ...fromClaim].map((value) => value.trim()).filter((value) => value.length >= 4),
    ),
  ];
}

/** The account to be paid into and the contract references are personal data too: never in a log. */
const IBAN = 'IT60 X054 2811 1010 0000 0123 456';
function withPayment(claim: ReturnType<typeof workedExampleClaim>) {
  return {
    ...claim,
    account: { ...claim.account, customerNumber: 'CLIENTE-998877' },
    previousComplaints: [{ reference: 'TICKET-445566', date: '2023-01-24' }],
    payment: { iban: IBAN, holder: 'Conto Mario Rossi' },
  };
}

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

let server: ServerProcess;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-full-run-'));
  const env = { STORAGE_DATABASE_PATH: path.join(dir, 'storage.sqlite') };
  expect((await reclamo(['operator', 'add', OPERATOR], { env, input: `${TEST_PASSWORD}\n` })).code).toBe(0);
  server = await startServerProcess({
    LOG_LEVEL: 'trace',
    BATCH_DIR: path.join(dir, 'batches'),
    DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
    OUTBOX_POLL_MS: '50',
    BATCH_WORKERS: '1',
    STORAGE_DATABASE_PATH: path.join(dir, 'storage.sqlite'),
  });
  await waitUntilReady(server.port);
});

afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a full run (form, API, batch, mail) logs no personal data and no confirmation code', async () => {
  const codes: string[] = [];
  const browser = new Browser(`http://127.0.0.1:${server.port}`);
  const token = csrfFrom(await (await browser.fetch('/?lang=it')).text());
  const form = (extra: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: encodeForm({ ...workedExampleForm(), ...extra, _csrf: token }),
  });
  expect((await browser.fetch('/claim', form())).status).toBe(200);
  expect((await browser.fetch('/claim/letter.pdf', form())).headers.get('content-type')).toBe('application/pdf');
  // Send by e-mail in its two steps: the code goes to the address, the page posts it back.
  expect((await browser.fetch('/claim/send', form({ 'send.claimant': 'yes' }))).status).toBe(202);
  const code = await codeFromLocalOutbox(path.join(dir, 'outbox'), workedExampleClaim().claimant.email);
  codes.push(code);
  const confirmed = await browser.fetch(
    '/claim/send',
    form({ 'send.claimant': 'yes', confirm: 'yes', confirmationCode: code }),
  );
  expect(confirmed.status).toBe(202);
  const broken = await browser.fetch('/claim', form({ 'claimant.taxCode': 'RSSMRA79B11C566X' }));
  expect(broken.status).toBe(422);

  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect((await browser.fetch('/api/v1/claims/assess', json(workedExampleClaim()))).status).toBe(200);
  expect((await browser.fetch('/api/v1/claims/letter', json(withPayment(workedExampleClaim())))).status).toBe(200);
  expect(
    (
      await browser.fetch(
        `/api/v1/claims/assess?email=${encodeURIComponent(workedExampleClaim().claimant.email)}`,
        json({}),
      )
    ).status,
  ).toBe(422);
  const apiClaim = withPayment({ ...workedExampleClaim(), letter: { place: 'Torino' } });
  const asked = Date.now();
  expect((await browser.fetch('/api/v1/claims/send', json({ claim: apiClaim }))).status).toBe(202);
  codes.push(await codeFromLocalOutbox(path.join(dir, 'outbox'), apiClaim.claimant.email, asked));
  const sent = await browser.fetch('/api/v1/claims/send', json({ claim: apiClaim, confirmationCode: codes[1] }));
  expect(sent.status).toBe(202);

  // The operator: a wrong password first, then signed in on the page; the upload is this browser's, same-origin.
  const signIn = (password: string) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: encodeForm({ _csrf: token, email: OPERATOR, password, next: '/batches' }),
  });
  expect((await browser.fetch('/sign-in', signIn('not the password at all'))).status).toBe(401);
  expect((await browser.fetch('/sign-in', signIn(TEST_PASSWORD))).status).toBe(303);
  const upload = new FormData();
  upload.append('file', new Blob([fs.readFileSync(SAMPLE_CSV)], { type: 'text/csv' }), 'soci.csv');
  const origin = `http://127.0.0.1:${server.port}`;
  const created = await browser.fetch('/api/v1/batches', { method: 'POST', body: upload, headers: { Origin: origin } });
  expect(created.status).toBe(202);
  const { id } = (await created.json()) as { id: string };
  await waitFor(async () => {
    const status = (await (await browser.fetch(`/api/v1/batches/${id}`)).json()) as { state: string };
    return status.state === 'done' ? status : undefined;
  });
  expect((await browser.fetch(`/api/v1/batches/${id}/letters.zip`)).status).toBe(200);
  const signOut = await browser.fetch('/sign-out', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: encodeForm({ _csrf: token }),
  });
  expect(signOut.status).toBe(303);

  // The mail worker has written the messages (local outbox mode): two codes and two letters.
  await waitFor(async () =>
    fs.existsSync(path.join(dir, 'outbox')) &&
    fs.readdirSync(path.join(dir, 'outbox')).filter((name) => name.endsWith('.eml')).length >= 4
      ? true
      : undefined,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));

  const log = server.output();
  expect(log.split('\n').filter(Boolean).length).toBeGreaterThan(12);
  for (const route of [
    '/claim',
    '/claim/send',
    '/api/v1/claims/send',
    '/api/v1/batches',
    '/api/v1/batches/:id/letters.zip',
    '/sign-in',
    '/sign-out',
  ])
    expect(log).toContain(`"route":"${route}"`);
  const personal = personalValues();
  expect(personal.length).toBeGreaterThan(40);
  const leaked = personal.filter((value) => log.includes(value));
  expect(leaked).toEqual([]);
  expect(log).not.toMatch(/[\w.+-]+@(example\.org|libero\.it|virgilio\.it)/);
  // A code stands alone as six digits (inside a longer number such as a time stamp it is not a code).
  expect(codes).toHaveLength(2);
  for (const code of codes) expect(log).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
  for (const secret of [OPERATOR, 'association.example', TEST_PASSWORD, 'reclamo_session', 'Bearer'])
    expect(log).not.toContain(secret);

  // The audit log: who (an operator id), what, when, which batch; nothing about members, no address, no IP.
  const db = new Database(path.join(dir, 'storage.sqlite'), { readonly: true });
  const entries = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
  const operatorId = db.prepare('SELECT id FROM operators').pluck().get();
  db.close();
  expect(entries.map((entry) => entry.action)).toEqual([
    'operator-added',
    'sign-in-failed',
    'sign-in',
    'batch-submitted',
    'batch-downloaded',
    'sign-out',
  ]);
  expect(new Set(entries.map((entry) => entry.operator_id))).toEqual(new Set([operatorId]));
  expect(entries.filter((entry) => entry.batch_id !== null).map((entry) => entry.batch_id)).toEqual([id, id]);
  expect(Object.keys(entries[0]!).sort()).toEqual(['action', 'at', 'batch_id', 'id', 'operator_id', 'token_id']);
  const audit = JSON.stringify(entries);
  for (const value of [...personal, OPERATOR, '127.0.0.1', '::1']) expect(audit).not.toContain(value);
});
