import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import {
  auditAtBothWidths,
  axeViolations,
  startBrowserHarness,
  type BrowserHarness,
  type WidthAudit,
} from '../support/browser';
import { fillWorkedExample, TODAY } from '../support/browser-form';
import { flatText } from '../support/pdf-tools';

jest.setTimeout(90_000);

let harness: BrowserHarness;
const cspErrors: string[] = [];

beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
});
afterEach(() => expect(cspErrors).toEqual([]));

async function newPage(
  options: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    acceptDownloads: true,
    locale: 'en-GB',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  page.on('pageerror', (error) => cspErrors.push(`page error: ${error.message}`));
  return { context, page };
}

/** Reads until the value passes the check (generous: a slow machine must not fail the test); returns the last read. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** No sideways scrolling and no serious or critical axe violation, at 360 px and at 1280 px. */
function expectGoodAtBothWidths(audits: WidthAudit[]): void {
  const problems = audits.map(({ width, overflow, violations }) => ({
    width,
    overflow,
    serious: violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
  }));
  expect(problems).toEqual(audits.map(({ width }) => ({ width, overflow: 0, serious: [] })));
}

async function downloadPdf(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-pdf')]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: flatText(fs.readFileSync(file)) };
}

test('the empty form: Italian by default, accessible, readable at 360 px without sideways scrolling', async () => {
  const { context, page } = await newPage({ width: 360 });
  await page.goto(`${harness.baseUrl}/`);
  expect(await page.getAttribute('html', 'lang')).toBe('it');
  await expect(page.locator('h1').textContent()).resolves.toBe('Prepara la tua diffida');
  // JavaScript hides what does not apply yet.
  expect(await page.isVisible('#business-fields')).toBe(false);
  expectGoodAtBothWidths(await auditAtBothWidths(page, 'form'));
  await context.close();
});

test('Italian flow with JavaScript: live estimate, result with its breakdown, PDF with the right text', async () => {
  const { context, page } = await newPage();
  const estimateBodies: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/claim/estimate')) estimateBodies.push(request.postData() ?? '');
  });
  await page.goto(`${harness.baseUrl}/`);
  await fillWorkedExample(page, 'it');
  // Picking the plan filled in its yearly fee; Virgilio's plans are greyed out for a Libero mailbox.
  expect(await page.inputValue('#f-account-annualFee')).toBe('19,99');
  expect(await page.locator('option[value="virgilio-plus-100gb"]').isDisabled()).toBe(true);
  expect(await page.locator('option[value="mail-basic"]').isDisabled()).toBe(false);

  // The worked example is worth 176,33 €; a damage 1.000 € larger must show 1.176,33 € as the user types.
  const estimate = page.locator('#estimate-text');
  expect(
    await eventually(
      () => estimate.textContent(),
      (text) => text === 'Totale stimato: 176,33 €',
    ),
  ).toBe('Totale stimato: 176,33 €');
  await page.getByLabel('Importo in euro', { exact: true }).first().fill('1.150,00');
  expect(
    await eventually(
      () => estimate.textContent(),
      (text) => text === 'Totale stimato: 1.176,33 €',
    ),
  ).toBe('Totale stimato: 1.176,33 €');
  await page.getByLabel('Importo in euro', { exact: true }).first().fill('150,00');
  // The estimate posts the form's own fields to the server's mapping, never who the person is or what they wrote.
  expect(estimateBodies.length).toBeGreaterThan(0);
  for (const body of estimateBodies) {
    const fields = [...new URLSearchParams(body).keys()];
    expect(fields).toContain('account.plan');
    expect(fields.filter((name) => /^claimant\.|mailbox|description|letter\.place/.test(name))).toEqual([]);
    for (const personal of ['Mario', 'Rossi', 'RSSMRA79B11C566R', 'example.org', 'Preventivo', 'Estensione'])
      expect(body).not.toContain(personal);
  }

  await page.click('#submit-claim');
  await page.waitForSelector('#compensation-table');
  expect(await page.textContent('#result-status')).toContain('La richiesta risulta fondata');
  const table = (await page.textContent('#compensation-table'))!.replace(/\s+/g, ' ');
  expect(table).toContain('Mancata fruizione del servizio');
  expect(table).toContain('Totale richiesto');
  expect(await page.textContent('#compensation-total')).toMatch(/^[\d.,]+ €$/);
  expect(await page.textContent('#result-deadline')).toContain('La lettera concede 15 giorni dal ricevimento');
  expectGoodAtBothWidths(await auditAtBothWidths(page, 'result'));

  const pdf = await downloadPdf(page);
  expect(pdf.name).toBe(`diffida-rossi-mario-${TODAY}.pdf`);
  expect(pdf.text).toContain('Mario Rossi');
  expect(pdf.text).toContain('diffida');
  expect(pdf.text).toContain((await page.textContent('#compensation-total'))!.trim());
  await context.close();
});

test('English flow: business account with a custom partial period, English result and letter', async () => {
  const { context, page } = await newPage();
  await page.goto(`${harness.baseUrl}/?lang=en`);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await fillWorkedExample(page, 'en');
  expect(await page.inputValue('#f-account-annualFee')).toBe('19.99');
  await page.getByLabel('Plan', { exact: true }).selectOption('libero-plus-1tb');
  expect(await page.inputValue('#f-account-annualFee')).toBe('49.99');
  await page.getByRole('radio', { name: /^Business/ }).check();
  expect(await eventually(() => page.isVisible('#business-fields'), Boolean)).toBe(true);
  await page.getByLabel('Company or practice name', { exact: true }).fill('Rossi Consulenze S.r.l.');
  await page.getByLabel('VAT number (partita IVA)', { exact: true }).fill('00743110157');
  await page.getByRole('checkbox', { name: /^January 2023/ }).uncheck();
  await page.getByRole('checkbox', { name: /^Another period/ }).check();
  expect(await eventually(() => page.isVisible('#custom-period'), Boolean)).toBe(true);
  await page.getByLabel('Start of the period', { exact: true }).fill('2023-06-14T08:00');
  await page.getByLabel('End of the period', { exact: true }).fill('2023-06-16T18:00');
  await page.getByRole('radio', { name: 'Partial outage' }).check();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByLabel('Date of the letter', { exact: false }).fill(TODAY);
  await page.click('#submit-claim');
  await page.waitForSelector('#compensation-table');
  expect(await page.textContent('#result-status')).toContain('The claim looks eligible');
  expect(await page.textContent('#result-periods')).toContain('Partial outage');
  const pdf = await downloadPdf(page);
  expect(pdf.name).toBe(`formal-notice-rossi-mario-${TODAY}.pdf`);
  expect(pdf.text).toContain('Rossi Consulenze S.r.l.');
  expect(pdf.text).toContain('00743110157');
  await context.close();
});

test('a broken form shows the error summary first, keeps the answers, and its links lead to the fields', async () => {
  const { context, page } = await newPage();
  await page.goto(`${harness.baseUrl}/`);
  await fillWorkedExample(page, 'it');
  await page.getByLabel('Codice fiscale', { exact: true }).fill('RSSMRA79B11C566X');
  await page.getByLabel('Nome', { exact: true }).fill('');
  await page.click('#submit-claim');
  await page.waitForSelector('#error-summary');
  expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('error-summary');
  const links = await page.locator('#error-summary a').allTextContents();
  expect(links.length).toBe(2);
  expect(await page.inputValue('#f-claimant-taxCode')).toBe('RSSMRA79B11C566X');
  expect(await page.inputValue('#f-damages-0-description')).toBe('Preventivo perso');
  expect(await page.isChecked('#f-incidents')).toBe(true);
  await page.click('#error-summary a[href="#f-claimant-taxCode"]');
  expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('f-claimant-taxCode');
  expectGoodAtBothWidths(await auditAtBothWidths(page, 'form-errors'));
  await context.close();
});

test('with JavaScript off: every field shows, rows are added by the server, the result and the PDF work', async () => {
  const { context, page } = await newPage({ javaScriptEnabled: false });
  await page.goto(`${harness.baseUrl}/`);
  expect(await page.isVisible('#business-fields')).toBe(true);
  expect(await page.isVisible('#estimate')).toBe(false);
  await fillWorkedExample(page, 'it');
  await page.click('[data-action="add-damage"]');
  await page.waitForSelector('#f-damages-1-amount');
  expect(await page.inputValue('#f-damages-0-description')).toBe('Preventivo perso');
  await page.selectOption('#f-damages-1-kind', 'extra-costs');
  await page.fill('#f-damages-1-description', 'Spese di recupero');
  await page.fill('#f-damages-1-amount', '20');
  await page.click('#submit-claim');
  await page.waitForSelector('#compensation-table');
  expect(await page.textContent('#compensation-table')).toContain('2 voci');
  const pdf = await downloadPdf(page);
  expect(pdf.text).toContain('Spese di recupero');
  await page.click('#change-answers');
  await page.waitForSelector('#claim-form');
  expect(await page.inputValue('#f-damages-1-description')).toBe('Spese di recupero');
  await context.close();
});

test('damage rows are added and removed in the page with JavaScript, renumbered', async () => {
  const { context, page } = await newPage();
  await page.goto(`${harness.baseUrl}/`);
  await page.click('[data-action="add-damage"]');
  await page.click('[data-action="add-damage"]');
  expect(await page.locator('[data-damage-row]').count()).toBe(3);
  await page.fill('#f-damages-2-description', 'terza');
  await page.locator('[data-action="remove-damage"]').nth(1).click();
  expect(await page.locator('[data-damage-row]').count()).toBe(2);
  expect(await page.inputValue('#f-damages-1-description')).toBe('terza');
  expect(await page.locator('[data-damage-row] legend').allTextContents()).toEqual(['Danno 1', 'Danno 2']);
  expect(page.url()).toBe(`${harness.baseUrl}/`);
  await context.close();
});

test('the accessibility check itself notices a field without a label', async () => {
  const { context, page } = await newPage();
  await page.goto(`${harness.baseUrl}/`);
  await page.evaluate("document.getElementById('f-claimant-firstName').labels[0].remove()");
  expect((await axeViolations(page)).map((violation) => violation.id)).toContain('label');
  await context.close();
});

test('keyboard focus is visible: the skip link appears first, fields and buttons get a focus outline', async () => {
  const { context, page } = await newPage();
  await page.goto(`${harness.baseUrl}/`);
  await page.keyboard.press('Tab');
  expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
  expect(await page.evaluate<number>('document.activeElement.getBoundingClientRect().left')).toBeGreaterThanOrEqual(0);
  const outlineOf = (selector: string) =>
    page.evaluate<{ style: string; width: string }>(
      `(() => { const s = getComputedStyle(document.querySelector(${JSON.stringify(selector)})); ` +
        'return { style: s.outlineStyle, width: s.outlineWidth }; })()',
    );
  await page.focus('#f-claimant-firstName');
  expect(await outlineOf('#f-claimant-firstName')).toEqual({ style: 'solid', width: '3px' });
  // Tab from the last field of the form to the submit button, as a keyboard user would.
  await page.focus('#f-letter-termination');
  await page.keyboard.press('Tab');
  expect(await page.evaluate<string>('document.activeElement.id')).toBe('submit-claim');
  expect(await outlineOf('#submit-claim')).toEqual({ style: 'solid', width: '3px' });
  await context.close();
});
