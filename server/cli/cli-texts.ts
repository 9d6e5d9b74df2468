import type { Localized } from '../core/i18n/language';

/** The words of the command line's own output (the claim's messages come from the core). */
export const CLI_TEXTS = {
  eligible: { it: 'Idoneo: la diffida può essere inviata.', en: 'Eligible: the notice can be sent.' },
  notEligible: { it: 'Non idoneo:', en: 'Not eligible:' },
  warnings: { it: 'Avvertenze:', en: 'Warnings:' },
  total: { it: 'Totale', en: 'Total' },
  deadline: { it: 'Termine per rispondere', en: 'Deadline to answer' },
  ruleset: { it: 'Regole', en: 'Rules' },
  unreadable: { it: 'Impossibile leggere il file {file}.', en: 'Cannot read the file {file}.' },
  notJson: { it: 'Il file {file} non contiene JSON valido.', en: 'The file {file} does not contain valid JSON.' },
} satisfies Record<string, Localized>;
