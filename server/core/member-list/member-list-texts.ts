import type { Localized } from '../i18n/language';

/** What the batch adds to the claim's own messages: values written the spreadsheet way, duplicates, the file. */
export const BATCH_MESSAGES = {
  accountType: {
    it: 'Valore non ammesso: usare gratuito, a_pagamento o business.',
    en: 'Value not allowed: use free, paid or business.',
  },
  severity: { it: 'Valore non ammesso: usare totale o parziale.', en: 'Value not allowed: use total or partial.' },
  incidents: {
    it:
      'Valore non ammesso: {value}. Usare 2023-01, 2023-06 (anche insieme: ' +
      '2023-01|2023-06) o custom con inizio e fine.',
    en:
      'Value not allowed: {value}. Use 2023-01, 2023-06 (or both: ' +
      '2023-01|2023-06) or custom with a start and an end.',
  },
  incidentsRequired: {
    it: 'Indicare il disservizio (2023-01, 2023-06 o custom con inizio e fine).',
    en: 'Give the outage (2023-01, 2023-06, or custom with a start and an end).',
  },
  datesNeedOneIncident: {
    it: 'Inizio e fine valgono per un solo disservizio: usare una riga per ciascun periodo o custom.',
    en: 'A start and an end apply to a single outage: use custom or one outage per row.',
  },
  provider: {
    it:
      'Il dominio {domain} non è di Libero Mail né di Virgilio Mail: indicare ' +
      'il gestore nella colonna {column} (libero o virgilio).',
    en:
      'The domain {domain} is neither Libero Mail nor Virgilio Mail: give the ' +
      'provider in the {column} column (libero or virgilio).',
  },
  providerValue: {
    it: 'Valore non ammesso: usare libero o virgilio.',
    en: 'Value not allowed: use libero or virgilio.',
  },
  yesNo: { it: 'Valore non ammesso: usare sì o no.', en: 'Value not allowed: use yes or no.' },
  yesNoAmount: {
    it: 'Indicare l’importo del ristoro ricevuto (ad esempio 10,00) o no.',
    en: 'Give the amount of the compensation received (for example 10.00) or no.',
  },
  damageKind: { it: 'Valore non ammesso: scegliere tra {options}.', en: 'Value not allowed: choose one of {options}.' },
  duplicate: {
    it: 'Duplicato della riga {row}: stesso codice fiscale e stessa casella (vale la prima).',
    en: 'Duplicate of row {row}: same tax code and mailbox (the first one counts).',
  },
} satisfies Record<string, Localized>;

/** The column names of report.csv, in the language of the member list. */
export const REPORT_HEADERS: Localized[] = [
  { it: 'riga', en: 'row' },
  { it: 'nome', en: 'name' },
  { it: 'stato', en: 'status' },
  { it: 'totale', en: 'total' },
  { it: 'motivi', en: 'reasons' },
  { it: 'file', en: 'file' },
  { it: 'sha256', en: 'sha256' },
];

/** The report's extra column when a batch sends: what happened to each row's messages when they were queued. */
export const MAIL_REPORT_COLUMN: Localized = { it: 'e-mail', en: 'e-mail' };
