import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { BatchInputError } from '../../server/batch/batch-input-error';
import { inspectBatchFile } from '../../server/batch/batch-source';
import { RenderPool } from '../../server/batch/render-pool';
import { flatText } from '../support/pdf-tools';
import { fixture, reportLines, runFixture } from '../support/batch-run';

// One fixture per edge case of the "Input" list; each row's outcome is asserted, so nothing is dropped.
let pool: RenderPool;
beforeAll(() => {
  pool = new RenderPool({ size: 2, providerPec: null });
});
afterAll(() => pool.close());

test('UTF-8 without BOM, LF line ends: accents and the euro sign survive into the letter', async () => {
  const run = await runFixture(fixture('utf8-no-bom-lf.csv'), pool);
  expect(reportLines(run.report)).toEqual(['1 ok']);
  const text = flatText(run.entries.get('0001-rossi-mario.pdf')!);
  expect(text).toContain('Via del Caffè 12');
  expect(text).toContain('Spese di 12,50 € per un corriere');
});

test('Windows-1252 is detected: è and € survive', async () => {
  const info = await inspectBatchFile(fixture('windows-1252.csv'), { maxRows: 10 });
  expect(info.format).toEqual({ encoding: 'windows-1252', separator: ';' });
  const run = await runFixture(fixture('windows-1252.csv'), pool);
  const text = flatText(run.entries.get('0001-rossi-mario.pdf')!);
  expect(text).toContain('Via Mosè 3');
  expect(text).toContain('Spese di 12,50 € per un corriere');
});

test('a comma separator is detected; the report uses it too, quoting amounts with a decimal comma', async () => {
  const run = await runFixture(fixture('comma-separator.csv'), pool);
  expect(reportLines(run.report)).toEqual(['1 ok']);
  expect(run.report[1]![3]).toBe('1260,89');
  expect(run.entries.get('report.csv')!.toString('utf8')).toContain(',"1260,89",');
  expect(flatText(run.entries.get('0001-rossi-mario.pdf')!)).toContain('Preventivo perso, poi recuperato');
});

test('a tab separator is detected', async () => {
  const run = await runFixture(fixture('tab-separated.csv'), pool);
  expect(reportLines(run.report)).toEqual(['1 ok']);
});

test('quoted fields keep their separators, line breaks and doubled quotes', async () => {
  const run = await runFixture(fixture('quoted-fields.csv'), pool);
  expect(reportLines(run.report)).toEqual(['1 ok']);
  const text = flatText(run.entries.get('0001-rossi-mario.pdf')!);
  expect(text).toContain('Via Roma 12; scala B');
  expect(text).toContain('Preventivo "urgente" perso; poi rifatto');
});

test('English column names, ISO dates, plain amounts, yes/no and English account types; the report answers in English', async () => {
  const run = await runFixture(fixture('english-columns.csv'), pool);
  expect(run.report[0]).toEqual(['row', 'name', 'status', 'total', 'reasons', 'file', 'sha256']);
  expect(reportLines(run.report)).toEqual([
    '1 ok',
    '2 invalid compensation_received: Give the amount of the compensation received (for example 10.00) or no.',
  ]);
  expect(run.report[1]![3]).toBe('1243.72');
  const text = flatText(run.entries.get('0001-rossi-mario.pdf')!);
  expect(text).toContain('Dalle ore 08:00 del 14/06/2023');
  expect(text).toContain('alle ore 18:00 del 16/06/2023');
  expect(text).toContain('1.234,56 €');
});

test('amounts as 1.234,56 and 1234.56 give the same figure; a malformed one is an error of its column', async () => {
  const run = await runFixture(fixture('amounts.csv'), pool);
  expect(reportLines(run.report)).toEqual([
    '1 ok',
    '2 ok',
    '3 invalid canone_annuo: Importo non valido: scrivere ad esempio 1234,56 oppure 1.234,56.',
  ]);
  expect(flatText(run.entries.get('0002-ricci-manuela.pdf')!)).toContain('1.234,56 €');
});

test('dates as dd/mm/yyyy hh:mm or ISO; an impossible date is reported', async () => {
  const run = await runFixture(fixture('dates.csv'), pool);
  expect(reportLines(run.report)).toEqual(['1 ok', '2 ok', '3 invalid inizio_disservizio: Questa data non esiste.']);
  for (const file of ['0001-rossi-mario.pdf', '0002-ricci-manuela.pdf']) {
    expect(flatText(run.entries.get(file)!)).toContain('Dalle ore 08:00 del 14/06/2023 alle ore 18:00 del 16/06/2023');
  }
});

test('incidents as 2023-01|2023-06, one id, or custom; an unknown id or none is reported', async () => {
  const run = await runFixture(fixture('incidents.csv'), pool);
  expect(reportLines(run.report)).toEqual([
    '1 ok',
    '2 ok',
    '3 ok',
    '4 invalid disservizi: Valore non ammesso: 2023-03. Usare 2023-01, ' +
      '2023-06 (anche insieme: 2023-01|2023-06) o custom con inizio e fine.',
    '5 invalid disservizi: Indicare il disservizio (2023-01, 2023-06 o custom con inizio e fine).',
  ]);
  const both = flatText(run.entries.get('0001-rossi-mario.pdf')!);
  expect(both).toContain('dal 22/01/2023 al 28/01/2023 e dal 13/06/2023 al 19/06/2023');
});

test('account types in Italian or English, inferred when empty; an unknown one is reported', async () => {
  const run = await runFixture(fixture('account-types.csv'), pool);
  expect(reportLines(run.report)).toEqual([
    '1 ok',
    '2 ok',
    '3 ok',
    '4 ok',
    '5 invalid tipo_account: Valore non ammesso: usare gratuito, a_pagamento o business.',
  ]);
  expect(flatText(run.entries.get('0003-verdi-luca.pdf')!)).toContain('La società Verdi Consulenze S.r.l.');
  expect(flatText(run.entries.get('0004-neri-anna.pdf')!)).toContain(
    'abbonamento a pagamento (piano Libero Mail Plus 5 GB)',
  );
});

test('the provider follows the mailbox domain unless a provider column says otherwise', async () => {
  const run = await runFixture(fixture('provider-column.csv'), pool);
  expect(reportLines(run.report)).toEqual([
    '1 ok',
    '2 ok',
    '3 invalid gestore: Valore non ammesso: usare libero o virgilio.',
  ]);
  expect(flatText(run.entries.get('0001-blu-sara.pdf')!)).toContain('del servizio Libero Mail');
  expect(flatText(run.entries.get('0002-rossi-mario.pdf')!)).toContain('del servizio Virgilio Mail');
});

test('the same codice fiscale + mailbox twice is a duplicate (the first wins); another mailbox is not', async () => {
  const run = await runFixture(fixture('duplicates.csv'), pool);
  expect(reportLines(run.report)).toEqual([
    '1 ok',
    '2 duplicate Duplicato della riga 1: stesso codice fiscale e stessa casella (vale la prima).',
    '3 ok',
    '4 duplicate Duplicato della riga 1: stesso codice fiscale e stessa casella (vale la prima).',
  ]);
  expect(run.summary.counts).toEqual({ ok: 2, 'not-eligible': 0, invalid: 0, duplicate: 2 });
});

test('formula cells are refused in names and addresses and neutralised in the report', async () => {
  const run = await runFixture(fixture('formula-cells.csv'), pool);
  expect(reportLines(run.report)).toEqual([
    '1 invalid nome: Non può iniziare con =, +, - o @.',
    '2 invalid cognome: Non può iniziare con =, +, - o @.',
    '3 invalid nome: Non può iniziare con =, +, - o @. | cognome: Non può ' +
      'iniziare con =, +, - o @. | indirizzo: Non può iniziare con =, +, - o ' +
      '@.',
    '4 ok',
  ]);
  expect(run.report.slice(1).map((cells) => cells[1])).toEqual([
    "'@SUM(A1) Rossi",
    'Mario +Rossi',
    "'=1+1 -Rossi",
    'Anna Neri',
  ]);
  for (const cells of run.report) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});

test('yes/no for the compensation received; a CAP that lost its leading zero gets it back; the mailbox stands in for a missing e-mail', async () => {
  const run = await runFixture(fixture('yes-no-and-cap.csv'), pool);
  expect(reportLines(run.report)).toEqual([
    '1 ok',
    '2 invalid ristoro_ricevuto_importo: Indicare l’importo del ristoro ricevuto (ad esempio 10,00) o no.',
  ]);
  const text = flatText(run.entries.get('0001-rossi-mario.pdf')!);
  expect(text).toContain('00100 Roma (RM)');
  expect(text).toContain('E-mail: mario.rossi@libero.it');
});

test('an .xlsx workbook (first sheet) is read like a CSV: numbers, dates, rich text and formulas as their values', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-xlsx-'));
  const file = path.join(dir, 'soci.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Soci');
  sheet.addRow([
    'nome',
    'cognome',
    'codice_fiscale',
    'indirizzo',
    'cap',
    'comune',
    'provincia',
    'casella',
    'tipo_account',
    'piano',
    'canone_annuo',
    'disservizi',
    'inizio_disservizio',
    'fine_disservizio',
    'gravita',
  ]);
  sheet.addRow([
    'Mario',
    'Rossi',
    'RSSMRA79B11C566R',
    'Via Roma 12',
    20121,
    'Milano',
    'MI',
    'mario.rossi@libero.it',
    'a_pagamento',
    'libero-plus-5gb',
    19.99,
    'custom',
    new Date(Date.UTC(2023, 5, 14, 8, 0)),
    new Date(Date.UTC(2023, 5, 16, 18, 0)),
    'totale',
  ]);
  sheet.addRow([]);
  sheet.addRow([
    { richText: [{ text: 'Manu' }, { text: 'ela' }] },
    'Ricci',
    'RCCMNL83S18D969H',
    'Piazza De Ferrari 3',
    16121,
    'Genova',
    'GE',
    'manuela.ricci@virgilio.it',
    'gratuito',
    '',
    { formula: '0*1', result: 0 },
    '2023-01|2023-06',
    null,
    null,
    'totale',
  ]);
  sheet.addRow([
    'Anna',
    'Neri',
    'RSSMRA79B11C566X',
    'Via Dante 7',
    50123,
    'Firenze',
    'FI',
    'anna.neri@libero.it',
    'gratuito',
    '',
    '',
    '2023-01',
    null,
    null,
    'totale',
  ]);
  workbook.addWorksheet('Altro').addRow(['ignored']);
  await workbook.xlsx.writeFile(file);
  try {
    const run = await runFixture(file, pool);
    expect(reportLines(run.report)).toEqual([
      '1 ok',
      '2 ok',
      '3 invalid codice_fiscale: Codice fiscale non valido: il carattere di ' +
        'controllo non corrisponde. Verificare di averlo copiato senza errori.',
    ]);
    expect(flatText(run.entries.get('0001-rossi-mario.pdf')!)).toContain(
      'Dalle ore 08:00 del 14/06/2023 alle ore 18:00 del 16/06/2023',
    );
    expect(run.entries.has('0002-ricci-manuela.pdf')).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('a file that cannot be processed is refused as a whole, with a clear message', () => {
  async function problem(
    name: string,
    maxRows = 10,
  ): Promise<{ problem: string; status: number; it: string; en: string }> {
    try {
      await inspectBatchFile(fixture(name), { maxRows });
    } catch (error) {
      if (!(error instanceof BatchInputError)) throw error;
      return { problem: error.problem, status: error.httpStatus, it: error.messageIn('it'), en: error.messageIn('en') };
    }
    throw new Error(`${name} was accepted`);
  }

  test.each([
    ['not-a-spreadsheet.png', 'unsupported-type', 415, 'non è un CSV né un foglio Excel .xlsx'],
    ['old-excel.xls', 'old-excel', 415, 'I file .xls (Excel 97-2003) non sono letti'],
    ['missing-columns.csv', 'missing-columns', 422, 'Mancano le colonne obbligatorie: codice_fiscale, casella.'],
    ['header-only.csv', 'empty', 422, 'non contiene righe di soci'],
    ['unclosed-quote.csv', 'unclosed-quote', 422, 'Virgolette aperte e mai chiuse'],
  ])('%s → %s (%d)', async (name, expectedProblem, status, message) => {
    const found = await problem(name);
    expect(found).toMatchObject({ problem: expectedProblem, status });
    expect(found.it).toContain(message);
  });

  test('more rows than the limit → 413 with the limit in the message', async () => {
    const found = await problem('duplicates.csv', 3);
    expect(found).toMatchObject({ problem: 'too-many-rows', status: 413 });
    expect(found.it).toBe('Il file ha più di 3 righe: dividerlo in più file.');
  });
});
