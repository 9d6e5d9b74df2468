import type { Language } from '../i18n/language';
import { BATCH_COLUMN_KEYS, columnName } from './batch-columns';
import { csvLine } from './report-row';

const EXAMPLE: Record<string, string> = {
  firstName: 'Mario',
  lastName: 'Rossi',
  taxCode: 'RSSMRA79B11C566R',
  street: 'Via Roma 12',
  postalCode: '20121',
  city: 'Milano',
  province: 'MI',
  email: 'mario.rossi@example.org',
  mailbox: 'mario.rossi@libero.it',
  accountType: 'a_pagamento',
  plan: 'libero-plus-5gb',
  annualFee: '19,99',
  incidents: '2023-01|2023-06',
  severity: 'totale',
  compensationReceived: '10,00',
  compensationDescription: 'Estensione di 6 mesi',
  damagesAmount: '150,00',
  damagesDescription: 'Preventivo perso',
  damagesKind: 'lost-mail',
  customerSince: '15/03/2015',
  complaintReference: '123456',
  complaintDate: '24/01/2023',
  termination: 'no',
};

const EXAMPLE_EN: Record<string, string> = {
  ...EXAMPLE,
  accountType: 'paid',
  annualFee: '19.99',
  severity: 'total',
  compensationReceived: '10.00',
  compensationDescription: '6-month extension',
  damagesAmount: '150.00',
  damagesDescription: 'Lost quotation',
  customerSince: '2015-03-15',
  complaintDate: '2023-01-24',
};

/** The downloadable template: every column, one example row; `;` and a BOM for Italian spreadsheets. */
export function batchTemplateCsv(language: Language): string {
  const separator = language === 'it' ? ';' : ',';
  const example = language === 'it' ? EXAMPLE : EXAMPLE_EN;
  const header = csvLine(
    BATCH_COLUMN_KEYS.map((column) => columnName(column, language)),
    separator,
  );
  return `\uFEFF${header}${csvLine(
    BATCH_COLUMN_KEYS.map((column) => example[column] ?? ''),
    separator,
  )}`;
}
