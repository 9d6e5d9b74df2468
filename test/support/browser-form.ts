import type { Page } from 'playwright-core';
import type { Language } from '../../server/core/i18n/language';
import { translator } from '../../server/web/i18n/catalog';
import { UI_STRINGS } from '../../server/web/i18n/ui-texts';

/** The server runs on the real clock, and a letter dated so early that its term is over is refused: date it today. */
export const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

/** Fills the form the way a person does: by the visible labels, in the page's language. */
export async function fillWorkedExample(page: Page, language: Language): Promise<void> {
  const t = translator(UI_STRINGS, language);
  const label = (key: string) => page.getByLabel(t(key), { exact: true });
  await label('claimant.firstName').fill('Mario');
  await label('claimant.lastName').fill('Rossi');
  await label('claimant.taxCode').fill('RSSMRA79B11C566R');
  await label('claimant.email').fill('mario.rossi@example.org');
  await label('claimant.address.street').fill('Via Roma 12');
  await label('claimant.address.city').fill('Milano');
  await label('claimant.address.postalCode').fill('20121');
  await label('claimant.address.province').fill('MI');
  await page.getByRole('radio', { name: 'Libero Mail' }).check();
  await label('account.mailbox').fill('mario.rossi@libero.it');
  await page.getByRole('radio', { name: language === 'it' ? /^A pagamento/ : /^Paid plan/ }).check();
  await label('account.plan').selectOption('libero-plus-5gb');
  await page.getByRole('checkbox', { name: language === 'it' ? /^Gennaio 2023/ : /^January 2023/ }).check();
  await page.getByLabel(t('damages.kind'), { exact: true }).first().selectOption('lost-mail');
  await page.getByLabel(t('damages.description'), { exact: true }).first().fill('Preventivo perso');
  await page.getByLabel(t('damages.amount'), { exact: true }).first().fill('150,00');
  await page.getByLabel(t('compensationReceived.description'), { exact: false }).fill('Estensione di 6 mesi');
  await page.getByLabel(t('compensationReceived.amount'), { exact: false }).fill('10');
  await page.getByLabel(t('letter.place'), { exact: false }).fill('Milano');
  await page.getByLabel(t('letter.date'), { exact: false }).fill(TODAY);
}
