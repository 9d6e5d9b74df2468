import type { Localized } from '../core/i18n/language';

/** The words of the command line's own output (the claim's messages come from the core). */
export const CLI_TEXTS = {
  eligible: { it: 'Idoneo: la diffida può essere inviata.', en: 'Eligible: the notice can be sent.' },
  notEligible: { it: 'Non idoneo:', en: 'Not eligible:' },
  warnings: { it: 'Avvertenze:', en: 'Warnings:' },
  total: { it: 'Totale', en: 'Total' },
  deadline: { it: 'Termine per rispondere', en: 'Deadline to answer' },
  deadlineDetail: {
    it: '{days} giorni dal ricevimento, se la lettera è ricevuta il giorno della sua data',
    en: '{days} days from receipt, if the letter is received on its own date',
  },
  ruleset: { it: 'Regole', en: 'Rules' },
  unreadable: { it: 'Impossibile leggere il file {file}.', en: 'Cannot read the file {file}.' },
  notJson: { it: 'Il file {file} non contiene JSON valido.', en: 'The file {file} does not contain valid JSON.' },
  inspectHeader: {
    it: '{file} (schema {schema}) — lettera del {date} in {language}, regole {ruleset}',
    en: '{file} (schema {schema}) — letter of {date} in {language}, rules {ruleset}',
  },
  claimant: { it: 'Richiedente', en: 'Claimant' },
  mailbox: { it: 'Casella', en: 'Mailbox' },
  onBehalf: { it: 'Inviata da', en: 'Sent by' },
  matches: {
    it: 'Verifica: il calcolo nel PDF corrisponde alle regole {ruleset}, ricalcolato ora.',
    en: 'Check: the calculation in the PDF matches rules {ruleset}, computed again now.',
  },
  differs: {
    it: 'Verifica: il calcolo nel PDF NON corrisponde alle regole {ruleset} (nel PDF → ricalcolato):',
    en: 'Check: the calculation in the PDF does NOT match rules {ruleset} (in the PDF → computed again):',
  },
  claimInvalid: {
    it: 'Verifica: la richiesta nel PDF non è più valida:',
    en: 'Check: the claim in the PDF is no longer valid:',
  },
  rulesetUnknown: {
    it: 'Verifica impossibile: il PDF cita le regole {ruleset}, questa versione conosce solo {known}.',
    en: 'Cannot check: the PDF names rules {ruleset}, this version knows only {known}.',
  },
  missingLetter: {
    it: 'inspect: manca il file PDF della lettera',
    en: 'inspect: missing the letter PDF file',
  },
} satisfies Record<string, Localized>;

/** `reclamo followup`: its messages and the LEGGIMI.txt / README.txt it writes. */
export const FOLLOWUP_CLI_TEXTS = {
  heading: {
    it: 'Reclamo – seguito della diffida del {date}',
    en: 'Reclamo – follow-up to the formal notice of {date}',
  },
  standing: { it: 'A che punto è il reclamo', en: 'Where your claim stands' },
  /** The file each language's summary is written to. */
  readmeFile: { it: 'LEGGIMI.txt', en: 'README.txt' },
  receipt: { it: 'La ricevuta PEC', en: 'The PEC receipt' },
  written: { it: 'File scritti', en: 'Files written' },
  calendar: {
    it: 'la scadenza del sollecito ({date}), da aggiungere al calendario',
    en: 'the reminder’s deadline ({date}), to add to your calendar',
  },
  notApplying: { it: 'Documenti che non si applicano', en: 'Documents that do not apply' },
  nothing: { it: 'Nessun documento si applica.', en: 'No document applies.' },
  disclaimer: {
    it: 'Documenti da controllare prima di firmarli e inviarli: non sono una consulenza legale.',
    en: 'Documents to check before you sign and send them: this is not legal advice.',
  },
  needsOutput: { it: 'manca -o <cartella>', en: 'missing -o <folder>' },
  badOutcome: {
    it: '--outcome: no-reply | refused | partial | paid',
    en: '--outcome: no-reply | refused | partial | paid',
  },
  badSentBy: { it: '--sent-by: pec | raccomandata | hand', en: '--sent-by: pec | raccomandata | hand' },
} satisfies Record<string, Localized>;
