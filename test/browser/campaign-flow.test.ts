import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  auditAtBothWidths,
  expectGoodAtBothWidths as expectGood,
  startBrowserHarness,
  type BrowserHarness,
} from '../support/browser';
import { readZip, SAMPLE_CSV, TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { addTestOperator, type TestOperator } from '../support/operators';
import { deliveryReceipt, recordLetterMember, zipOf } from '../support/campaign-letters';
import { workedExampleClaim } from '../fixtures/claims';
import { flatText } from '../support/pdf-tools';
import { sample } from '../support/pec-receipts';

jest.setTimeout(240_000);

let harness: BrowserHarness;
let dir: string;
let operator: TestOperator;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-campaign-browser-'));
  harness = await startBrowserHarness({ BATCH_DIR: path.join(dir, 'store'), BATCH_WORKERS: 1 });
  operator = await addTestOperator(harness.storage, 'campagne@association.example');
});
afterAll(async () => {
  await harness?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(pageErrors).toEqual([]));

async function waitForText(page: Page, text: string, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(`document.body.textContent.includes(${JSON.stringify(text)})`, undefined, {
    timeout: timeoutMs,
    polling: 200,
  });
}

/**
 * axe-core runs in the page, which needs JavaScript: the page the flow is on, opened again with the same session in
 * a context that has it.
 */
async function audit(page: Page, name: string): Promise<void> {
  const context = await harness.browser.newContext({ storageState: await page.context().storageState() });
  const copy = await context.newPage();
  await copy.goto(page.url());
  expectGood(await auditAtBothWidths(copy, name));
  await context.close();
}

const mainText = async (page: Page) => (await page.textContent('main'))!;

/** The cells of a table's body rows. */
const rowsOf = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
  );

async function download(page: Page, link: RegExp | string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return (await file.path())!;
}

test('an operator runs a campaign without JavaScript: sign in, create, members, receipts, outcomes, register, delete', async () => {
  const context = await harness.browser.newContext({
    javaScriptEnabled: false,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });

  // Sign in: the campaigns page asks who you are, then comes back.
  await page.goto(`${harness.baseUrl}/campaigns?lang=it`);
  await page.getByLabel('Indirizzo e-mail').fill(operator.email);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.waitForSelector('#campaign-form');
  expect(await mainText(page)).toContain('Nessuna campagna per ora.');

  // A form with a field left out names it; then the campaign is created.
  await page.getByLabel('Nome della campagna').fill('Libero gennaio 2023');
  await page.getByLabel('Nome dell’associazione', { exact: true }).fill(TEST_ASSOCIATION_INPUT.name);
  await page.getByLabel('Codice fiscale', { exact: true }).fill(TEST_ASSOCIATION_INPUT.taxCode);
  await page.getByLabel('Indirizzo della sede', { exact: true }).fill(TEST_ASSOCIATION_INPUT.street);
  await page.getByLabel('CAP', { exact: true }).fill(TEST_ASSOCIATION_INPUT.postalCode);
  await page.getByLabel('Comune', { exact: true }).fill(TEST_ASSOCIATION_INPUT.city);
  await page.getByLabel('Provincia', { exact: true }).fill(TEST_ASSOCIATION_INPUT.province);
  await page.getByLabel('Legale rappresentante', { exact: true }).fill(TEST_ASSOCIATION_INPUT.representative);
  await page.getByRole('button', { name: 'Crea la campagna' }).click();
  await page.waitForSelector('#error-summary');
  expect(await page.textContent('#error-summary')).toContain('PEC');
  expect(await page.getByLabel('Nome della campagna').inputValue()).toBe('Libero gennaio 2023');
  await page.getByRole('textbox', { name: 'PEC' }).fill(TEST_ASSOCIATION_INPUT.pec);
  await audit(page, 'campaigns');
  await page.getByRole('button', { name: 'Crea la campagna' }).click();
  await waitForText(page, 'Campagna creata.');
  const campaignUrl = page.url().replace(/&created=1$/, '');
  const campaignId = /\/campaigns\/([0-9a-f-]{36})/.exec(campaignUrl)![1]!;

  // The member list goes through the batch pipeline; its page refreshes itself until the report.
  await page.getByLabel('File CSV o .xlsx').setInputFiles(SAMPLE_CSV);
  await page.getByRole('button', { name: 'Aggiungi l’elenco' }).click();
  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/lists\/[0-9a-f-]{36}/);
  await waitForText(page, 'Le lettere sono pronte.');
  const letters = await readZip(await download(page, /Scarica il file ZIP/));
  const pdfs = [...letters.entries()].filter(([name]) => name.endsWith('.pdf'));
  expect(pdfs.length).toBeGreaterThan(1);
  await page.getByRole('link', { name: 'Torna alla campagna' }).click();

  // The dashboard: the figures (as the API gives them), the chart and its table, the list, the members.
  const api = (await (await page.request.get(`${harness.baseUrl}/api/v1/campaigns/${campaignId}`)).json()) as {
    figures: { members: number; byStatus: Record<string, number> };
  };
  expect(await page.textContent('[data-figure="members"]')).toBe(String(api.figures.members));
  expect(api.figures.byStatus['letter-ready']).toBe(pdfs.length);
  const byStatus = Object.fromEntries(await rowsOf(page, '#by-status'));
  expect(byStatus['Lettera pronta']).toBe(String(pdfs.length));
  expect(await page.getAttribute('svg.chart__svg', 'role')).toBe('img');
  expect(await page.textContent('svg.chart__svg title')).toBe('Lettere e consegne nel tempo');
  expect(await page.locator('svg.chart__svg rect.chart__bar--letters').count()).toBeGreaterThan(0);
  await page.getByText('Le stesse cifre in tabella').click();
  const timeline = await rowsOf(page, '#timeline-table');
  expect(timeline.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(pdfs.length);
  expect(await rowsOf(page, '#campaign-lists')).toHaveLength(1);
  expect(await rowsOf(page, '#members-table')).toHaveLength(api.figures.members);
  await audit(page, 'campaign-dashboard');

  // PEC receipts: one of a real letter of the list (by its PDF's fingerprint), one real-format failure notice.
  const [firstName, firstPdf] = pdfs[0]!;
  const receipts = path.join(dir, 'ricevute.zip');
  fs.writeFileSync(
    receipts,
    await zipOf({
      'consegna.eml': await deliveryReceipt(firstPdf, '<lettera-1@association.example>', '25/11/2026'),
      'errore-consegna.eml': sample('errore-consegna'),
    }),
  );
  await page.getByLabel('Ricevute (.eml o .zip)').setInputFiles(receipts);
  await page.getByRole('button', { name: 'Importa le ricevute' }).click();
  await waitForText(page, 'Ricevute PEC importate');
  expect(await mainText(page)).toContain('Registrati: 1');
  const [recorded] = await rowsOf(page, '#import-recorded-table');
  expect(recorded).toEqual(['consegna.eml', '1', expect.any(String), expect.any(String), 'consegnata']);
  expect((await rowsOf(page, '#import-problems')).map((row) => row[0])).toEqual(['errore-consegna.eml']);
  const deliveredRow = recorded![2]!;
  expect(firstName).toMatch(/\.pdf$/);
  await page.getByRole('link', { name: 'Torna alla campagna' }).click();

  // Outcomes in bulk: the delivered member paid, a row that does not exist named by its line.
  const outcomes = path.join(dir, 'esiti.csv');
  fs.writeFileSync(outcomes, `riga;esito;importo\r\n${deliveredRow};pagato;150,00\r\n99;pagato;1,00\r\n`);
  await page.getByLabel('File CSV', { exact: true }).last().setInputFiles(outcomes);
  await page.getByRole('button', { name: 'Registra gli esiti del file' }).click();
  await waitForText(page, 'Esiti registrati');
  expect(await mainText(page)).toContain('Registrati: 1');
  expect((await rowsOf(page, '#import-problems')).map((row) => row[0])).toEqual(['3']);
  await page.getByRole('link', { name: 'Torna alla campagna' }).click();
  expect(await page.textContent('[data-figure="recovered"]')).toBe('150,00 €');
  expect(Object.fromEntries(await rowsOf(page, '#by-status'))).toMatchObject({
    Pagata: '1',
    'Lettera pronta': String(pdfs.length - 1),
  });

  // The register, as Excel reads it.
  const register = fs.readFileSync(await download(page, 'Scarica il registro (CSV per Excel)'), 'utf8');
  expect(register.startsWith('\ufeffLista;Riga;Socio')).toBe(true);
  expect(register.split('\r\n').filter(Boolean)).toHaveLength(api.figures.members + 1);
  expect(register).toContain(';Pagata;150,00');

  // A member's page and log, then their deletion after the confirmation step.
  await page
    .getByRole('link', { name: /^Dettagli di / })
    .first()
    .click();
  await page.waitForSelector('#events-table');
  const name = (await page.textContent('h1'))!.replace('Socio: ', '');
  expect((await rowsOf(page, '#events-table'))[0]![2]).toMatch(/^Lettera (prodotta|non prodotta)/);
  await page.getByRole('link', { name: 'Cancella i dati del socio' }).click();
  await waitForText(page, `Cancellare i dati di ${name}?`);
  await page.getByRole('button', { name: 'Sì, cancella per sempre' }).click();
  await waitForText(page, 'I dati del socio sono stati cancellati.');
  expect(await page.textContent('[data-figure="members"]')).toBe(String(api.figures.members - 1));
  expect((await rowsOf(page, '#members-table')).map((row) => row[2])).not.toContain(name);

  // The reminders: a member whose letter of October went by raccomandata, delivered, no reply by the deadline.
  const late = await recordLetterMember(harness.storage.campaigns, campaignId, workedExampleClaim(), 900);
  const raccomandate = path.join(dir, 'raccomandate.csv');
  fs.writeFileSync(
    raccomandate,
    'lista;riga;numero raccomandata;data consegna\r\n1;900;RR 1234 5678 9IT;22/10/2026\r\n',
  );
  await page.getByLabel('File CSV', { exact: true }).first().setInputFiles(raccomandate);
  await page.getByRole('button', { name: 'Importa i numeri del file' }).click();
  await waitForText(page, 'Registrati: 1');
  await page.getByRole('link', { name: 'Torna alla campagna' }).click();
  const [reminders] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Scarica i solleciti (ZIP)' }).click(),
  ]);
  const reminderZip = await readZip((await reminders.path())!);
  expect([...reminderZip.keys()].sort()).toEqual(['0900-mario-rossi-sollecito.pdf', 'report.csv']);
  const reminderText = flatText(reminderZip.get('0900-mario-rossi-sollecito.pdf')!);
  expect(reminderText).toContain('Oggetto: sollecito e ultima diffida');
  expect(reminderText).toContain(`impronta SHA-256 del file PDF: ${late.sha256}`);
  await page.reload();
  expect(Object.fromEntries(await rowsOf(page, '#by-status'))).toMatchObject({ Sollecitata: '1' });

  // The privacy note, from the footer of an operator page.
  await page.getByRole('link', { name: 'Informativa sui dati dei soci' }).first().click();
  await waitForText(page, 'Informativa sul trattamento dei dati dei soci');
  expect(await mainText(page)).toContain(`Titolare del trattamento è ${TEST_ASSOCIATION_INPUT.name}`);
  expect(await mainText(page)).toContain('reclamo campaign sweep');
  await context.close();
});
