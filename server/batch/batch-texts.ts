import type { RowStatus } from '../core/member-list/report-row';
import type { Localized } from '../core/i18n/language';

/** Words of a batch summary, shared by the command line and the upload page. */
export const STATUS_LABELS: Record<RowStatus, Localized> = {
  ok: { it: 'lettere pronte', en: 'letters ready' },
  'not-eligible': { it: 'non idonee', en: 'not eligible' },
  invalid: { it: 'dati non validi', en: 'invalid data' },
  duplicate: { it: 'duplicati', en: 'duplicates' },
};

export const BATCH_WORDS = {
  rows: { it: 'Righe', en: 'Rows' },
  problems: { it: 'Primi problemi', en: 'First problems' },
  row: { it: 'riga', en: 'row' },
  report: {
    it: 'Il resoconto di ogni riga è in report.csv, dentro il file ZIP.',
    en: 'Every row is in report.csv, inside the ZIP file.',
  },
} satisfies Record<string, Localized>;

/** The CLI's --association file could not be read. */
export const ASSOCIATION_FILE_UNREADABLE: Localized = {
  it: 'Impossibile leggere il file dell’associazione {file} (JSON o YAML).',
  en: 'Cannot read the association file {file} (JSON or YAML).',
};

/** The error of a batch whose process stopped before it ended (a crash, a kill, a shutdown that could not wait). */
export const INTERRUPTED_MESSAGE: Localized = {
  it: 'Lotto interrotto da un riavvio del server: caricare di nuovo l’elenco.',
  en: 'The batch was interrupted by a restart of the server: upload the list again.',
};

/** A row with more cells than the header has columns. */
export const EXTRA_CELLS: Localized = {
  it: 'Celle oltre le colonne dell’intestazione: {count}. Un separatore dentro un campo senza virgolette?',
  en: 'Cells beyond the header’s columns: {count}. A separator inside an unquoted field?',
};
