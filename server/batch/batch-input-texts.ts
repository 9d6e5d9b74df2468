import type { Localized } from '../core/i18n/language';

/** Why a member list cannot be processed as a whole: the file, not a row. */
export const BATCH_INPUT_MESSAGES = {
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
  'xlsx-invalid': {
    it: 'Il file .xlsx non è un foglio di calcolo leggibile: salvarlo di nuovo da Excel come .xlsx, oppure come CSV.',
    en: 'The .xlsx file is not a readable workbook: save it again from Excel as .xlsx, or as CSV.',
  },
  'xlsx-entries': {
    it: 'Il file .xlsx contiene più di {limit} parti: non sembra un elenco di soci. Salvarlo come CSV.',
    en: 'The .xlsx file holds more than {limit} parts: it does not look like a member list. Save it as CSV.',
  },
  'xlsx-too-large': {
    it: 'Il file .xlsx, decompresso, supera {limit} MB: dividerlo in più file o salvarlo come CSV.',
    en: 'Once decompressed, the .xlsx file is larger than {limit} MB: split it or save it as CSV.',
  },
  'xlsx-ratio': {
    it: 'Il file .xlsx è compresso in modo anomalo (oltre {limit}:1): salvarlo di nuovo da Excel o come CSV.',
    en: 'The .xlsx file is compressed abnormally (over {limit}:1): save it again from Excel, or as CSV.',
  },
  'xlsx-too-complex': {
    it: 'Il file .xlsx contiene troppi testi o stili per un elenco di soci: salvarlo come CSV.',
    en: 'The .xlsx file holds too many texts or styles for a member list: save it as CSV.',
  },
  'xlsx-rows': {
    it:
      'Il foglio ha più di {limit} righe, contando quelle vuote: cancellare le righe vuote in fondo al foglio ' +
      'o dividerlo in più file.',
    en: 'The sheet has more than {limit} rows, empty ones included: delete the empty rows at its end or split it.',
  },
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
