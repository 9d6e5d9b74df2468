import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { BrowserContext, Page } from 'playwright-core';
import { workedExampleClaim } from '../fixtures/claims';
import { auditAtBothWidths, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { fillWorkedExample } from '../support/browser-form';
import { daticertXml, receiptEntity, unsignedReceipt } from '../support/pec-receipts';
import { flatText } from '../support/pdf-tools';

/**
 * "Continue your claim" in Chromium, Italian and English, with and without JavaScript: a letter written and
 * downloaded from the form, then the follow-up page with each outcome, the documents downloaded from the result page
 * and read back, and a PEC delivery receipt built around the downloaded letter. "Today" is 23/11/2026 (TEST_NOW).
 */
jest.setTimeout(120_000);

let harness: BrowserHarness;
let dir: string;
const pageErrors: string[] = [];
beforeAll(async () => {
  harness = await startBrowserHarness();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-followup-browser-'));
});
afterAll(async () => {
  await harness?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(pageErrors).toEqual([]));

async function newPage(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({ javaScriptEnabled, acceptDownloads: true, locale: 'en-GB' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  return { context, page };
}

async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

function writeFile(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The case as JSON: the worked example's claim with its letter's date (and language). */
function caseJson(name: string, letter: Record<string, string>): string {
  return writeFile(
    name,
    JSON.stringify({ claim: { ...workedExampleClaim(), letter: { place: 'Milano', ...letter } } }),
  );
}

/** Writes the first letter on the form (dated 20/11/2026) and downloads it. */
async function writeLetter(page: Page, language: 'it' | 'en'): Promise<Buffer> {
  await page.goto(`${harness.baseUrl}/?lang=${language}`);
  await fillWorkedExample(page, language);
  await page.fill('#f-letter-date', '2026-11-20');
  await page.click('#submit-claim');
  await page.waitForSelector('#download-pdf');
  return (await download(page, '#download-pdf')).bytes;
}

/** A complete PEC delivery receipt whose original message carries the letter, delivered on 21/11/2026. */
async function deliveryReceipt(pdf: Buffer): Promise<string> {
  const messageId = '<diffida.browser@pec.example.it>';
  const original = await new MailComposer({
    from: 'mario.rossi@pec.example.it',
    to: 'reclami@pec.provider.example.it',
    subject: 'Diffida e messa in mora',
    messageId,
    date: new Date(Date.UTC(2026, 10, 20, 9)),
    text: 'In allegato la diffida.',
    attachments: [{ filename: 'diffida.pdf', content: pdf, contentType: 'application/pdf' }],
  })
    .compile()
    .build();
  const entity = receiptEntity({
    daticert: daticertXml({
      type: 'avvenuta-consegna',
      messageId,
      day: '21/11/2026',
      time: '09:15:00',
      form: 'completa',
    }),
    original,
  });
  return writeFile('consegna.eml', unsignedReceipt('avvenuta-consegna', messageId, entity));
}

async function fillFollowup(page: Page, fields: Record<string, string>, files: Record<string, string>) {
  for (const [name, file] of Object.entries(files)) await page.setInputFiles(`input[name="${name}"]`, file);
  for (const [name, value] of Object.entries(fields)) {
    const input = page.locator(`[name="${name}"]`);
    if ((await input.first().getAttribute('type')) === 'radio') await page.check(`[name="${name}"][value="${value}"]`);
    else await input.fill(value);
  }
  await page.click('#followup-submit');
}

test('Italian, with JavaScript: the letter PDF, a refusal, the PEC receipt with the letter inside, the sollecito', async () => {
  const { context, page } = await newPage(true);
  const pdf = await writeLetter(page, 'it');

  await page.goto(`${harness.baseUrl}/followup`);
  expect(await page.textContent('#nothing-stored')).toContain('Nulla viene conservato');
  const audits = await auditAtBothWidths(page, 'followup-form');
  expect(
    audits.map(({ width, overflow, violations }) => ({
      width,
      overflow,
      serious: violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
    })),
  ).toEqual([
    { width: 360, overflow: 0, serious: [] },
    { width: 1280, overflow: 0, serious: [] },
  ]);

  // The letter PDF itself is the case file: its claim is read back from it, its SHA-256 taken from its bytes.
  const letterFile = writeFile('diffida.pdf', pdf);
  await fillFollowup(
    page,
    { 'sent.method': 'pec', 'sent.on': '2026-11-20', outcome: 'refused', replyOn: '2026-11-22' },
    { case: letterFile, receipt: await deliveryReceipt(pdf) },
  );
  await page.waitForSelector('#receipt-verdict');
  expect(await page.textContent('#receipt-verdict')).toContain('è esattamente');
  expect(await page.textContent('#standing')).toContain('consegnata il 21/11/2026 (ricevuta PEC di avvenuta consegna)');
  const sollecito = await download(page, '#download-sollecito');
  expect(sollecito.name).toBe('sollecito.pdf');
  const text = flatText(sollecito.bytes);
  expect(text).toContain('e consegnata il 21/11/2026 alle ore 09:15, come attesta la ricevuta di avvenuta consegna');
  expect(text).toContain('Con comunicazione del 22/11/2026, Italiaonline S.p.A. ha respinto le richieste.');
  const agcm = await download(page, '#download-agcm');
  expect(agcm.bytes.toString('utf8')).toContain('Il gestore ha respinto la richiesta.');
  await context.close();
});

test('English, without JavaScript: a partial offer, the acceptance letter and the courtesy translation', async () => {
  const { context, page } = await newPage(false);
  await writeLetter(page, 'en');
  await page.goto(`${harness.baseUrl}/followup?lang=en`);
  expect(await page.textContent('#nothing-stored')).toContain('Nothing is stored');
  await fillFollowup(
    page,
    {
      'sent.method': 'raccomandata',
      'sent.on': '2026-11-20',
      'sent.raccomandataNumber': 'RR 77/2026',
      outcome: 'partial',
      'offer.amount': '50',
    },
    { case: caseJson('case-en.json', { date: '2026-11-20', language: 'en' }) },
  );
  await page.waitForSelector('#documents');
  expect(await page.textContent('#standing')).toContain('Raccomandata no. RR 77/2026.');
  const acceptance = flatText((await download(page, '#download-accettazione-parziale')).bytes);
  expect(acceptance).toContain('di corrispondere 50,00 €');
  expect(acceptance).toContain('COURTESY TRANSLATION');
  expect(acceptance).toContain('accepts that sum as a part payment of the larger claim of €176.33');
  const sollecito = flatText((await download(page, '#download-sollecito')).bytes);
  expect(sollecito).toContain('raccomandata A/R n. RR 77/2026 il 20/11/2026');
  await context.close();
});

test('English, with JavaScript: no reply after the term, every document and the calendar file', async () => {
  const { context, page } = await newPage(true);
  await page.goto(`${harness.baseUrl}/followup?lang=en`);
  await fillFollowup(
    page,
    { 'sent.method': 'hand', 'sent.on': '2026-11-02', outcome: 'no-reply' },
    { case: caseJson('case-old.json', { date: '2026-11-01' }) },
  );
  await page.waitForSelector('#documents');
  const garante = flatText((await download(page, '#download-garante')).bytes);
  expect(garante).toContain('Garante per la protezione dei dati personali');
  const gdp = flatText((await download(page, '#download-giudice-di-pace')).bytes);
  expect(gdp).toContain('Ricorso ai sensi dell’art. 316 c.p.c.');
  const ics = await download(page, '#download-calendar');
  expect(ics.name).toBe('scadenza.ics');
  expect(ics.bytes.toString('utf8')).toContain('DTSTART;VALUE=DATE:20261209');
  await context.close();
});

test('Italian, without JavaScript: paid in full, nothing to write, and why', async () => {
  const { context, page } = await newPage(false);
  await page.goto(`${harness.baseUrl}/followup`);
  await fillFollowup(
    page,
    { 'sent.method': 'raccomandata', 'sent.on': '2026-11-02', outcome: 'paid' },
    { case: caseJson('case-paid.json', { date: '2026-11-01' }) },
  );
  await page.waitForSelector('#no-documents');
  expect(await page.textContent('#not-applicable')).toContain('Il gestore ha pagato per intero');
  await context.close();
});
