import { interpolate, type Language, type Localized } from '../core/i18n/language';
import { formatCount } from '../core/text/format-count';

const MESSAGES = {
  'unsupported-type': {
    it:
      'Il file non è un CSV né un foglio Excel .xlsx: salvarlo come CSV ' +
      '(UTF-8, separato da punto e virgola) o .xlsx.',
    en: 'The file is neither a CSV nor an Excel .xlsx workbook: save it as CSV (UTF-8) or .xlsx.',
  },
  'old-excel': {
    it: 'I file .xls (Excel 97-2003) non sono letti: salvarlo come .xlsx o CSV.',
    en: '.xls files (Excel 97-2003) are not read: save it as .xlsx or CSV.',
  },
  'too-large': { it: 'Il file supera il limite di {limit} MB.', en: 'The file is larger than the {limit} MB limit.' },
  'too-many-rows': {
    it: 'Il file ha più di {limit} righe: dividerlo in più file.',
    en: 'The file has more than {limit} rows: split it into several files.',
  },
  empty: {
    it: 'Il file non contiene righe di soci sotto l’intestazione.',
    en: 'The file has no member rows under its header.',
  },
  'missing-columns': {
    it: 'Mancano le colonne obbligatorie: {columns}. Il modello /batches/template.csv le elenca tutte.',
    en: 'Required columns are missing: {columns}. The template /batches/template.csv lists them all.',
  },
  'cannot-open': { it: 'Impossibile aprire il file.', en: 'Cannot open the file.' },
  unreadable: { it: 'Il file non si può leggere: {detail}', en: 'The file cannot be read: {detail}' },
  'unclosed-quote': {
    it: 'Virgolette aperte e mai chiuse: alla riga {line} il file finisce ancora dentro un campo tra virgolette.',
    en: 'A quote is opened and never closed: the file ends on line {line} still inside a quoted field.',
  },
  'line-too-long': {
    it: 'La riga {line} è troppo lunga (più di {limit} KB): il file non sembra un elenco di soci.',
    en: 'Line {line} is too long (over {limit} KB): the file does not look like a member list.',
  },
  'too-many-columns': {
    it: 'La riga {line} ha più di {limit} colonne: controllare il separatore o il file.',
    en: 'Line {line} has more than {limit} columns: check the separator or the file.',
  },
  'malformed-csv': { it: 'CSV non valido alla riga {line}.', en: 'Invalid CSV on line {line}.' },
} satisfies Record<string, Localized>;

export type BatchInputProblem = keyof typeof MESSAGES;

/** A file that cannot be processed as a whole (as opposed to a bad row, which only gets a line in the report). */
export class BatchInputError extends Error {
  constructor(
    readonly problem: BatchInputProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`batch input: ${problem}`);
  }

  messageIn(language: Language): string {
    const params = Object.fromEntries(
      Object.entries(this.params).map(([name, value]) => [
        name,
        typeof value === 'number' ? formatCount(value, language) : value,
      ]),
    );
    return interpolate(MESSAGES[this.problem][language], params);
  }

  /** The HTTP status that says it: too big is 413, not a spreadsheet 415, anything else about the content 422. */
  get httpStatus(): number {
    if (this.problem === 'too-large' || this.problem === 'too-many-rows') return 413;
    if (this.problem === 'unsupported-type' || this.problem === 'old-excel') return 415;
    return 422;
  }
}
