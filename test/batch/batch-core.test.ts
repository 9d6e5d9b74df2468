import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import {
  BATCH_COLUMN_KEYS,
  columnForPath,
  normalizeHeader,
  resolveHeader,
} from '../../server/core/member-list/batch-columns';
import { rowToClaimInput, type BatchRecord } from '../../server/core/member-list/row-to-claim';
import {
  parseAccountType,
  parseIncidents,
  parseSeverity,
  parseYesNo,
  providerOfMailbox,
  toLocalDateTime,
} from '../../server/core/member-list/batch-values';
import { batchTemplateCsv } from '../../server/core/member-list/batch-template';
import { DuplicateDetector } from '../../server/core/member-list/duplicate-detector';
import { csvLine, neutralizeCell } from '../../server/core/member-list/report-row';
import { RULESET } from '../../server/core/rules/ruleset';
import { detectSeparator } from '../../server/batch/detect-separator';

test('headers are matched in Italian, English or a common variant; the language is the majority', () => {
  expect(normalizeHeader('\uFEFFCodice Fiscale ')).toBe('codice_fiscale');
  expect(normalizeHeader('Gravità')).toBe('gravita');
  const italian = resolveHeader(['Nome', 'Cognome', 'CF', 'Casella', 'email', 'colore preferito']);
  expect(italian).toMatchObject({ language: 'it', missing: [], unknown: ['colore preferito'] });
  expect(italian.columns).toEqual(['firstName', 'lastName', 'taxCode', 'mailbox', 'email', null]);
  expect(resolveHeader(['first_name', 'last_name', 'tax_code', 'mailbox'])).toMatchObject({
    language: 'en',
    missing: [],
  });
  expect(resolveHeader(['nome', 'indirizzo']).missing).toEqual(['lastName', 'taxCode', 'mailbox']);
});

test('errors are named by the column of the file', () => {
  expect(columnForPath('claimant.taxCode', 'it')).toBe('codice_fiscale');
  expect(columnForPath('claimant.address.postalCode', 'en')).toBe('postal_code');
  expect(columnForPath('outages.0.end', 'it')).toBe('fine_disservizio');
  expect(columnForPath('outages', 'en')).toBe('incidents');
  expect(columnForPath('damages.0.amount', 'it')).toBe('danni_importo');
  expect(columnForPath('letter.date', 'it')).toBe('letter.date');
});

test('spreadsheet values in Italian or English', () => {
  expect(['sì', 'Si', 'yes', 'X'].map(parseYesNo)).toEqual([true, true, true, true]);
  expect(['no', 'No', 'false'].map(parseYesNo)).toEqual([false, false, false]);
  expect(parseYesNo('10,00')).toBeNull();
  expect(['gratuito', 'Free', 'A pagamento', 'paid', 'Business', 'azienda'].map(parseAccountType)).toEqual([
    'free',
    'free',
    'paid',
    'paid',
    'business',
    'business',
  ]);
  expect(parseAccountType('boh')).toBeNull();
  expect(['totale', 'Partial'].map(parseSeverity)).toEqual(['total', 'partial']);
  expect(parseIncidents('2023-01|2023-06')).toEqual({ ok: true, incidents: ['2023-01', '2023-06'] });
  expect(parseIncidents(' 2023-06 , custom ')).toEqual({ ok: true, incidents: ['2023-06', 'custom'] });
  expect(parseIncidents('2023-03')).toEqual({ ok: false, invalid: '2023-03' });
  expect(toLocalDateTime('14/06/2023 08:00')).toBe('2023-06-14T08:00');
  expect(toLocalDateTime('4/6/2023 8.05')).toBe('2023-06-04T08:05');
  expect(toLocalDateTime('14/06/2023')).toBe('2023-06-14T00:00');
  expect(toLocalDateTime('2023-06-14 08:00')).toBe('2023-06-14T08:00');
  expect(toLocalDateTime('2023-06-14T08:00+02:00')).toBe('2023-06-14T08:00+02:00');
  expect(toLocalDateTime('ieri')).toBe('ieri');
  expect(providerOfMailbox('Luca@IOL.it', RULESET)).toBe('libero');
  expect(providerOfMailbox('a@virgilio.it', RULESET)).toBe('virgilio');
  expect(providerOfMailbox('a@gmail.com', RULESET)).toBeNull();
});

test('duplicates: same codice fiscale and mailbox, whatever the case and spaces', () => {
  const detector = new DuplicateDetector();
  expect(detector.check('RSSMRA79B11C566R', 'a@libero.it', 1)).toBeNull();
  expect(detector.check('rssmra79b11c566r ', ' A@Libero.it', 2)).toBe(1);
  expect(detector.check('RSSMRA79B11C566R', 'b@libero.it', 3)).toBeNull();
  expect(detector.check('', 'a@libero.it', 4)).toBeNull();
});

test('property: a neutralised cell never starts a formula (fullwidth, after spaces or invisible characters too)', () => {
  const starter = fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', '\t', '\r');
  const hidden = fc.array(fc.constantFrom(' ', '\u00a0', '\u200b', '\u2060', '\ufeff', '\u3000'), { maxLength: 3 });
  const risky = /^([\t\r]|[\s\u200b-\u200f\u2060\ufeff]*[=+\-@＝＋－＠﹦﹢﹣﹫])/u;
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.tuple(hidden, starter, fc.string()).map(([h, s, rest]) => h.join('') + s + rest),
      ),
      (value) => {
        const cell = neutralizeCell(value);
        expect(cell).not.toMatch(risky);
        expect(cell).toBe(risky.test(value) ? `'${value}` : value);
      },
    ),
  );
});

test('property: a CSV line reads back as the same cells, whatever they hold', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string(), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(';', ',', '\t'),
      (cells, separator) => {
        const [record] = parse(csvLine(cells, separator), {
          delimiter: separator,
          relax_column_count: true,
        }) as string[][];
        expect(record).toEqual(cells);
      },
    ),
  );
});

test('the separator is the one seen most often outside quotes on the first line', () => {
  expect(detectSeparator('a;b;c\n1,2;3')).toBe(';');
  expect(detectSeparator('"a;b",c,d\r\n')).toBe(',');
  expect(detectSeparator('a\tb\tc')).toBe('\t');
  expect(detectSeparator('solo')).toBe(';');
});

test('the template lists every column with one example row', () => {
  const [header, example] = parse(batchTemplateCsv('it'), { delimiter: ';', bom: true }) as string[][];
  expect(header!.slice(0, 3)).toEqual(['nome', 'cognome', 'codice_fiscale']);
  expect(header).toContain('casella');
  expect(example!.length).toBe(header!.length);
  expect(header).toEqual(
    expect.arrayContaining(['cliente_dal', 'segnalazione_numero', 'iban', 'intestatario_conto', 'risoluzione']),
  );
  const [englishHeader] = parse(batchTemplateCsv('en'), { delimiter: ',', bom: true }) as string[][];
  expect(englishHeader).toContain('tax_code');
  expect(englishHeader).toEqual(expect.arrayContaining(['customer_since', 'iban', 'account_holder', 'termination']));
});

test('a row carries its references, IBAN and termination into the claim; a bad yes/no is named by its column', () => {
  const record = Object.fromEntries(BATCH_COLUMN_KEYS.map((column) => [column, ''])) as BatchRecord;
  Object.assign(record, {
    firstName: 'Mario',
    lastName: 'Rossi',
    taxCode: 'RSSMRA79B11C566R',
    mailbox: 'mario.rossi@libero.it',
    incidents: '2023-01',
    plan: 'libero-plus-5gb',
    customerSince: '15/03/2015',
    customerNumber: 'LIB-1',
    complaintReference: '123456',
    complaintDate: '24/01/2023',
    iban: 'IT60 X054 2811 1010 0000 0123 456',
    termination: 'sì',
  });
  const options = { ruleset: RULESET, language: 'it' as const, columns: 'it' as const, letter: {} };
  const { input, errors } = rowToClaimInput(record, options);
  expect(errors).toEqual([]);
  expect(input).toMatchObject({
    account: { customerSince: '2015-03-15', customerNumber: 'LIB-1' },
    previousComplaints: [{ reference: '123456', date: '2023-01-24' }],
    payment: { iban: 'IT60 X054 2811 1010 0000 0123 456' },
    letter: { termination: true },
  });
  const wrong = rowToClaimInput({ ...record, termination: 'forse' }, options);
  expect(wrong.errors).toEqual([{ path: 'letter.termination', message: 'Valore non ammesso: usare sì o no.' }]);
  expect(columnForPath('letter.termination', 'it')).toBe('risoluzione');
  expect(columnForPath('payment.iban', 'en')).toBe('iban');
});
