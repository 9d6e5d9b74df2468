import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { OUTBOX_SCHEMA } from '../../server/mail/outbox/outbox-schema';
import { SqliteOutboxStore } from '../../server/mail/outbox/outbox-store';
import { queueLetterMail } from '../../server/mail/queue-letter-mail';
import type { LetterForMail } from '../../server/mail/build-letter-mail';
import { workedExampleClaim } from '../fixtures/claims';
import { letterForMail, testMailSettings, waitFor } from '../support/mail-fixtures';
import type { Requester } from '../../server/mail/send-budget';

/**
 * "Once a message is sent, its recipient address and content are deleted" holds on disk, not only in SQL: the
 * database files' raw bytes (the -wal file included) hold no address, name or PDF a few seconds after the sends.
 */
const PEOPLE = [
  ['Mario', 'Rossi'],
  ['Giulia', 'Bianchi'],
  ['Luca', 'Esposito'],
  ['Chiara', 'Romano'],
  ['Paolo', 'Colombo'],
] as const;

/** Pieces of the PDF looked for, each 24 characters from the middle of a line of its MIME base64. */
const PDF_PIECES = 12;

/**
 * What must not survive a send: the address, the name (as the attachment's file name carries it, e.g.
 * diffida-rossi-mario-2023-03-01.pdf), and pieces of the PDF as the message holds it (MIME base64). A long value
 * stored in SQLite overflow pages is cut where a page ends, so a piece can straddle two pages and not be found even
 * while the message waits: short pieces, and many of them.
 */
function secretsOf(letter: LetterForMail, email: string): { what: string; bytes: Buffer }[] {
  const base64Lines = letter.rendered.pdf.toString('base64').match(/.{1,76}/g)!;
  const pieces = Array.from({ length: PDF_PIECES }, (_, index) => {
    const line = Math.floor(((index + 1) * (base64Lines.length - 2)) / (PDF_PIECES + 1));
    return { what: `pdf line ${line}`, bytes: Buffer.from(base64Lines[line]!.slice(26, 50)) };
  });
  return [
    { what: 'address', bytes: Buffer.from(email) },
    { what: 'file name', bytes: Buffer.from(letter.rendered.fileName) },
    ...pieces,
  ];
}

/** The database's files as they are on disk now: the main file, the WAL, its index, a rollback journal. */
function databaseBytes(databasePath: string): Buffer {
  return Buffer.concat(
    ['', '-wal', '-shm', '-journal'].map((suffix) =>
      fs.existsSync(databasePath + suffix) ? fs.readFileSync(databasePath + suffix) : Buffer.alloc(0),
    ),
  );
}

async function letters(): Promise<{ letter: LetterForMail; email: string; name: string }[]> {
  return Promise.all(
    PEOPLE.map(async ([firstName, lastName]) => {
      const claim = workedExampleClaim();
      const email = `${firstName.toLowerCase()}.${lastName.toLowerCase()}@members.example`;
      claim.claimant = { ...claim.claimant, firstName, lastName, email };
      return { letter: await letterForMail(claim), email, name: `${firstName} ${lastName}` };
    }),
  );
}

const CLAIMANT_ONLY = { claimant: true, provider: false };
const LOCAL: Requester = { kind: 'local' };

let smtp: LoopbackSmtp;
beforeAll(async () => {
  smtp = await LoopbackSmtp.start();
});
afterAll(async () => smtp.close());

test('the check finds the secrets while the messages wait (so it can fail)', async () => {
  const settings = testMailSettings({ SMTP_URL: smtp.url });
  const outbox: Outbox = openOutbox(settings, { drain: false });
  try {
    const all = await letters();
    for (const { letter } of all)
      await queueLetterMail(outbox, { letter, recipients: CLAIMANT_ONLY, requester: LOCAL });
    const bytes = databaseBytes(settings.databasePath);
    for (const { letter, email, name } of all) {
      const missing = secretsOf(letter, email)
        .filter((secret) => !bytes.includes(secret.bytes))
        .map((secret) => `${name}: ${secret.what}`);
      // The address and the name always; at most one piece of the PDF lost to a page boundary.
      expect(missing.filter((what) => !what.includes('pdf line'))).toEqual([]);
      expect(missing.length).toBeLessThanOrEqual(1);
    }
  } finally {
    await outbox.close();
    fs.rmSync(path.dirname(settings.databasePath), { recursive: true, force: true });
  }
});

test('a few seconds after the sends, no address, name or PDF byte is left in the database files', async () => {
  const settings = testMailSettings({ SMTP_URL: smtp.url });
  const outbox = openOutbox(settings, { drain: true });
  try {
    const all = await letters();
    const before = smtp.received.length;
    for (const { letter } of all)
      await queueLetterMail(outbox, { letter, recipients: CLAIMANT_ONLY, requester: LOCAL });
    await waitFor(async () => (await outbox.store.counts()).sent === all.length, 20_000, 'every message sent');
    expect(smtp.received.length - before).toBe(all.length);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // The server is still running, its database open: what a backup or a copy of the disk would get now.
    const bytes = databaseBytes(settings.databasePath);
    const left = all.flatMap(({ letter, email, name }) =>
      secretsOf(letter, email)
        .filter((secret) => bytes.includes(secret.bytes))
        .map((secret) => `${name}: ${secret.what}`),
    );
    expect(left).toEqual([]);
    expect(bytes.includes(Buffer.from('Content-Type: application/pdf'))).toBe(false);
  } finally {
    await outbox.close();
    fs.rmSync(path.dirname(settings.databasePath), { recursive: true, force: true });
  }
});

test('a database made before secure_delete is converted when opened: its old free pages are gone', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-old-outbox-'));
  const file = path.join(dir, 'outbox.sqlite');
  try {
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(OUTBOX_SCHEMA);
    const insert = old.prepare(
      `INSERT INTO outbox_messages (idempotency_key, letter_sha256, recipient_kind, status, next_attempt_at,
         message_id, envelope_from, recipient, raw, created_at, updated_at)
       VALUES (?, 'sha', 'claimant', 'queued', 0, 'id', 'from@example.org', ?, ?, 0, 0)`,
    );
    for (let index = 0; index < 20; index += 1)
      insert.run(`key-${index}`, `old${index}@members.example`, Buffer.from(`old secret ${index} `.repeat(2000)));
    old.exec('UPDATE outbox_messages SET recipient = NULL, raw = NULL');
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    expect(databaseBytes(file).includes(Buffer.from('old secret 7'))).toBe(true);

    const store = new SqliteOutboxStore(file);
    await store.reclaim();
    expect(databaseBytes(file).includes(Buffer.from('old secret 7'))).toBe(false);
    expect(databaseBytes(file).includes(Buffer.from('old7@members.example'))).toBe(false);
    expect((await store.counts()).queued).toBe(20);
    await store.close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('auto_vacuum', { simple: true })).toBe(2);
    reopened.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
