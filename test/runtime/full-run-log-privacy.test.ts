import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { workedExampleClaim } from '../fixtures/claims';
import { SAMPLE_CSV } from '../support/batch-run';
import { startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { csrfFrom, encodeForm, workedExampleForm } from '../support/web-forms';

/**
 * The log of a whole run of the real server, at the most verbose level: the form (result, PDF, send by e-mail),
 * the API (assess, letter, send), a batch (upload, status, ZIP) and the mail worker writing the messages. Not one
 * name, codice fiscale, address or e-mail address of the test data may appear in it.
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

class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size)
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const res = await fetch(`${this.base}${url}`, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!, value.join('='));
    }
    return res;
  }
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
  server = await startServerProcess({
    LOG_LEVEL: 'trace',
    BATCH_DIR: path.join(dir, 'batches'),
    DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
    OUTBOX_POLL_MS: '50',
    BATCH_WORKERS: '1',
  });
  await waitUntilReady(server.port);
});

afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a full run (form, API, batch, mail) logs no personal data', async () => {
  const browser = new Browser(`http://127.0.0.1:${server.port}`);
  const token = csrfFrom(await (await browser.fetch('/?lang=it')).text());
  const form = (extra: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: encodeForm({ ...workedExampleForm(), ...extra, _csrf: token }),
  });
  expect((await browser.fetch('/claim', form())).status).toBe(200);
  expect((await browser.fetch('/claim/letter.pdf', form())).headers.get('content-type')).toBe('application/pdf');
  expect((await browser.fetch('/claim/send', form({ 'send.claimant': 'yes' }))).status).toBeLessThan(400);
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
  const sent = await browser.fetch(
    '/api/v1/claims/send',
    json({ claim: withPayment({ ...workedExampleClaim(), letter: { place: 'Torino' } }) }),
  );
  expect(sent.status).toBe(202);

  const upload = new FormData();
  upload.append('file', new Blob([fs.readFileSync(SAMPLE_CSV)], { type: 'text/csv' }), 'soci.csv');
  const created = await browser.fetch('/api/v1/batches', { method: 'POST', body: upload });
  expect(created.status).toBe(202);
  const { id } = (await created.json()) as { id: string };
  await waitFor(async () => {
    const status = (await (await browser.fetch(`/api/v1/batches/${id}`)).json()) as { state: string };
    return status.state === 'done' ? status : undefined;
  });
  expect((await browser.fetch(`/api/v1/batches/${id}/letters.zip`)).status).toBe(200);

  // The mail worker has written the messages (local outbox mode).
  await waitFor(async () =>
    fs.existsSync(path.join(dir, 'outbox')) &&
    fs.readdirSync(path.join(dir, 'outbox')).filter((name) => name.endsWith('.eml')).length >= 2
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
  ])
    expect(log).toContain(`"route":"${route}"`);
  const personal = personalValues();
  expect(personal.length).toBeGreaterThan(40);
  const leaked = personal.filter((value) => log.includes(value));
  expect(leaked).toEqual([]);
  expect(log).not.toMatch(/[\w.+-]+@(example\.org|libero\.it|virgilio\.it)/);
});
