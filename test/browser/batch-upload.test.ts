import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { writeBenchList } from '../../tools/bench/batch-bench';
import {
  auditAtBothWidths,
  expectGoodAtBothWidths as expectGood,
  startBrowserHarness,
  type BrowserHarness,
} from '../support/browser';
import { readZip, SAMPLE_CSV, TEST_ASSOCIATION_INPUT } from '../support/batch-run';
import { flatText } from '../support/pdf-tools';
import { addTestOperator, type TestOperator } from '../support/operators';

jest.setTimeout(120_000);

let harness: BrowserHarness;
let dir: string;
let operator: TestOperator;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batch-browser-'));
  harness = await startBrowserHarness({ BATCH_DIR: path.join(dir, 'store'), BATCH_WORKERS: 2 });
  operator = await addTestOperator(harness.storage, 'desk@association.example');
});
afterAll(async () => {
  await harness?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(pageErrors).toEqual([]));

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await harness.browser.newContext({
    javaScriptEnabled,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
  return page;
}

/** The batch page asks who you are first: the sign-in form in place, then back to the upload form. */
async function signIn(page: Page, lang: 'it' | 'en'): Promise<void> {
  await page.goto(`${harness.baseUrl}/batches?lang=${lang}`);
  await page.getByLabel(lang === 'it' ? 'Indirizzo e-mail' : 'E-mail address').fill(operator.email);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: lang === 'it' ? 'Accedi' : 'Sign in' }).click();
  await page.waitForSelector('#batch-form');
}

async function waitForText(page: Page, text: string, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(`document.body.textContent.includes(${JSON.stringify(text)})`, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
}

async function downloadZip(page: Page): Promise<Map<string, Buffer>> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Scarica il file ZIP|Download the ZIP file/ }).click(),
  ]);
  return readZip(await download.path());
}

test('with JavaScript: upload with association details, the bar moves, then the summary and the ZIP', async () => {
  const list = path.join(dir, 'soci.csv');
  writeBenchList(list, 120);
  const page = await newPage(true);
  await page.goto(`${harness.baseUrl}/batches?lang=it`);
  expectGood(await auditAtBothWidths(page, 'operator-sign-in'));
  await signIn(page, 'it');
  expectGood(await auditAtBothWidths(page, 'batch-upload'));
  await page.getByLabel('File CSV o .xlsx').setInputFiles(list);
  await page.getByLabel('Nome dell’associazione', { exact: true }).fill(TEST_ASSOCIATION_INPUT.name);
  await page.getByLabel('Codice fiscale', { exact: true }).fill(TEST_ASSOCIATION_INPUT.taxCode);
  await page.getByLabel('Indirizzo della sede', { exact: true }).fill(TEST_ASSOCIATION_INPUT.street);
  await page.getByLabel('CAP', { exact: true }).fill(TEST_ASSOCIATION_INPUT.postalCode);
  await page.getByLabel('Comune', { exact: true }).fill(TEST_ASSOCIATION_INPUT.city);
  await page.getByLabel('Provincia', { exact: true }).fill(TEST_ASSOCIATION_INPUT.province);
  await page.getByRole('textbox', { name: 'PEC' }).fill(TEST_ASSOCIATION_INPUT.pec);
  await page.getByLabel('Legale rappresentante', { exact: true }).fill(TEST_ASSOCIATION_INPUT.representative);
  await page.getByRole('button', { name: 'Prepara le lettere' }).click();

  await page.waitForURL(/\/batches\/[0-9a-f-]{36}/);
  const seen = new Set<number>();
  while (!(await page.isVisible('text=Le lettere sono pronte.'))) {
    const value = await page
      .evaluate<number | null>("document.getElementById('batch-progress-bar')?.value ?? null")
      .catch(() => null);
    if (value !== null) seen.add(value);
    await page.waitForTimeout(200);
  }
  // The bar showed something between empty and full on the way (the list takes seconds on two workers).
  expect([...seen].some((value) => value > 0 && value < 100)).toBe(true);
  expect(await page.textContent('main')).toContain('lettere pronte: 120');
  expectGood(await auditAtBothWidths(page, 'batch-done'));

  const entries = await downloadZip(page);
  expect([...entries.keys()].filter((name) => name.endsWith('.pdf'))).toHaveLength(120);
  expect(flatText(entries.get('0001-rossi-mario.pdf')!)).toContain('agisce in nome e per conto di Mario Rossi');
});

test('without JavaScript: the form posts, the status page refreshes itself until the summary, the ZIP downloads', async () => {
  const page = await newPage(false);
  await signIn(page, 'en');
  await page.getByLabel('CSV or .xlsx file').setInputFiles(SAMPLE_CSV);
  await page.getByRole('button', { name: 'Make the letters' }).click();
  await page.waitForURL(/\/batches\/[0-9a-f-]{36}/);
  await waitForText(page, 'The letters are ready.');
  const main = (await page.textContent('main'))!;
  expect(main).toContain('letters ready: 4');
  expect(main).toContain('Giulia Bianchi');
  const entries = await downloadZip(page);
  expect([...entries.keys()]).toHaveLength(5);

  // Signing out (a button in the header, a form post: no JavaScript needed) brings the sign-in form back.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await waitForText(page, 'You are signed out.');
  await page.goto(`${harness.baseUrl}/batches?lang=en`);
  expect(await page.isVisible('#sign-in-form')).toBe(true);
  expect(await page.isVisible('#batch-form')).toBe(false);
});

test('a wrong password: the same page again with the error summary, the address kept, the password not', async () => {
  const page = await newPage(true);
  await page.goto(`${harness.baseUrl}/batches?lang=en`);
  await page.getByLabel('E-mail address').fill(operator.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitForText(page, 'The e-mail address or the password is not correct.');
  expect(await page.inputValue('#f-email')).toBe(operator.email);
  expect(await page.inputValue('#f-password')).toBe('');
  expectGood(await auditAtBothWidths(page, 'operator-sign-in-error'));
});

test('a session that ended while the form was open: the upload brings the sign-in page, then the form again', async () => {
  const page = await newPage(false);
  await signIn(page, 'en');
  await page.getByLabel('CSV or .xlsx file').setInputFiles(SAMPLE_CSV);
  // The session ends (as after 30 idle minutes) while the form is on the screen.
  await harness.storage.operators.sessions.removeForOperator(operator.id);
  const batches = () => (fs.existsSync(path.join(dir, 'store')) ? fs.readdirSync(path.join(dir, 'store')) : []);
  const before = batches();
  await page.getByRole('button', { name: 'Make the letters' }).click();
  await waitForText(page, 'Your session has ended: sign in again.');
  expect(batches()).toEqual(before);
  await page.getByLabel('E-mail address').fill(operator.email);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('#batch-form');
});
