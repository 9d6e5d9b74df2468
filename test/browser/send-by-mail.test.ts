import { simpleParser } from 'mailparser';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { auditAtBothWidths, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { fillWorkedExample } from '../support/browser-form';
import { codeFrom, nextReceived, otherCode, receivedBy } from '../support/confirmation-mail';
import { testMailSettings, waitFor } from '../support/mail-fixtures';
import { flatText } from '../support/pdf-tools';

jest.setTimeout(120_000);

let smtp: LoopbackSmtp;
let outbox: Outbox;
let harness: BrowserHarness;

beforeAll(async () => {
  smtp = await LoopbackSmtp.start();
  // One-day code windows: "asking again" below stays in the window of the first request.
  const settings = testMailSettings({
    SMTP_URL: smtp.url,
    PROVIDER_ADDRESSES: 'libero=reclami@provider.example',
    MAIL_CONFIRMATION_MINUTES: '1440',
  });
  outbox = openOutbox(settings, {
    drain: true,
  });
  harness = await startBrowserHarness({}, { outbox });
});
afterAll(async () => {
  await harness?.close();
  await outbox?.close();
  await smtp?.close();
});

test('"send by e-mail" without JavaScript: send → the code from the real SMTP server → the letter is sent', async () => {
  const context = await harness.browser.newContext({ javaScriptEnabled: false, locale: 'it-IT' });
  const page = await context.newPage();
  await page.goto(`${harness.baseUrl}/`);
  await fillWorkedExample(page, 'it');
  await page.click('#submit-claim');
  await page.waitForSelector('#send-by-mail');
  expect(await page.textContent('#send-confirm-note')).toContain('Prima ti inviamo un codice di 6 cifre');
  await page.check('#send-provider');

  const message = await nextReceived(smtp, 'mario.rossi@example.org', () => page.click('#send-by-mail-submit'));
  await page.waitForSelector('#confirmation-code');
  expect(await page.textContent('#confirmation-sent')).toContain(
    'Abbiamo inviato un codice di 6 cifre a mario.rossi@example.org',
  );
  expect(receivedBy(smtp, 'reclami@provider.example')).toEqual([]);
  expect((await simpleParser(message.raw)).attachments).toEqual([]);
  const code = await codeFrom(message.raw);
  // A wrong code: the error is shown, linked from the summary, and nothing is sent.
  await page.fill('#confirmation-code', otherCode(code));
  await page.click('#confirm-and-send');
  await page.waitForSelector('#error-summary');
  expect(await page.textContent('#confirmation-code-error')).toContain('Il codice non è giusto o è scaduto');
  expect(await page.getAttribute('#confirmation-code', 'aria-invalid')).toBe('true');
  expect(receivedBy(smtp, 'reclami@provider.example')).toEqual([]);

  // The right one, typed as a person might (with a space).
  await page.fill('#confirmation-code', `${code.slice(0, 3)} ${code.slice(3)}`);
  await page.click('#confirm-and-send');
  await page.waitForSelector('#mail-queued');
  const queued = (await page.textContent('#mail-messages'))!.replace(/\s+/g, ' ');
  expect(queued).toContain('Copia a te (mario.rossi@example.org): in coda');
  expect(queued).toContain('Fornitore (reclami@provider.example): in coda');

  await waitFor(() => receivedBy(smtp, 'reclami@provider.example').length === 1, 20_000, 'the provider copy');
  await waitFor(() => receivedBy(smtp, 'mario.rossi@example.org').length === 2, 20_000, 'the claimant copy');
  // The claimant's copy also carries the deadline as a calendar file; the provider's only the letter.
  for (const [received, types] of [
    [receivedBy(smtp, 'mario.rossi@example.org')[1]!, ['application/pdf', 'text/calendar']],
    [receivedBy(smtp, 'reclami@provider.example')[0]!, ['application/pdf']],
  ] as const) {
    const letter = await simpleParser(received.raw);
    expect(letter.attachments.map((attachment) => attachment.contentType)).toEqual(types);
    expect(flatText(letter.attachments[0]!.content)).toContain('Mario Rossi');
  }
  await context.close();
});

test('the confirmation page is accessible and fits a phone; asking again sends no second code', async () => {
  const context = await harness.browser.newContext({ locale: 'it-IT' });
  const page = await context.newPage();
  await page.goto(`${harness.baseUrl}/`);
  await fillWorkedExample(page, 'it');
  await page.getByLabel('Importo in euro', { exact: true }).first().fill('151,00');
  await page.click('#submit-claim');
  await page.waitForSelector('#send-by-mail');
  await nextReceived(smtp, 'mario.rossi@example.org', () => page.click('#send-by-mail-submit'));
  await page.waitForSelector('#confirmation-code');
  const received = smtp.received.length;
  await page.click('#send-code-again');
  await page.waitForSelector('#confirmation-code');
  expect(await page.textContent('#confirmation-sent')).toMatch(/Il codice (è già stato inviato|è in arrivo)/);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(smtp.received.length).toBe(received);
  const audits = await auditAtBothWidths(page, 'mail-confirm');
  const problems = audits.map(({ width, overflow, violations }) => ({
    width,
    overflow,
    serious: violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
  }));
  expect(problems).toEqual(audits.map(({ width }) => ({ width, overflow: 0, serious: [] })));
  await context.close();
});
