import type { Localized } from '../core/i18n/language';

/** What the use cases themselves say (the claim's own messages come from the core). */
export const SUBMIT_BATCH_TEXTS = {
  busy: {
    it: 'Troppi lotti in coda: riprovare tra qualche minuto.',
    en: 'Too many batches waiting: try again in a few minutes.',
  },
  clientBusy: {
    it: 'Questo operatore ha già lotti in attesa o in corso: caricare il prossimo quando saranno finiti.',
    en: 'This operator already has batches waiting or running: upload the next one when they are done.',
  },
} satisfies Record<string, Localized>;

/** The follow-up's own files: the calendar file of the sollecito's term. */
export const FOLLOWUP_FILE_TEXTS = {
  calendarTitle: {
    it: 'Scadenza del sollecito a Italiaonline',
    en: 'Deadline of the reminder to Italiaonline',
  },
  calendarDescription: {
    it:
      'Scade oggi l’ultimo termine dato con il sollecito. Se il gestore non ha pagato, riprendi la pratica: troverai ' +
      'i documenti per il passo successivo.',
    en:
      'The last term given in the reminder runs out today. If the provider has not paid, come back to your claim: ' +
      'you will find the documents for the next step.',
  },
} satisfies Record<string, Localized>;

/** Why an uploaded case file cannot be read. */
export const CASE_FILE_TEXTS = {
  empty: { it: 'Il file della pratica è vuoto.', en: 'The case file is empty.' },
  notJson: {
    it: 'Il file non è una lettera di Reclamo in PDF né i dati della pratica in JSON.',
    en: 'The file is neither a Reclamo letter PDF nor the case data as JSON.',
  },
  pdfNotYet: {
    it: 'La lettura della pratica dal PDF non è ancora disponibile: carica i dati della pratica in JSON.',
    en: 'Reading the case from the PDF is not available yet: upload the case data as JSON.',
  },
  missing: {
    it: 'Allega la lettera in PDF o i dati della pratica in JSON.',
    en: 'Attach the letter PDF or the case data as JSON.',
  },
} satisfies Record<string, Localized>;

/** The first letter's calendar file: its event title and what to do on the day. */
export const LETTER_CALENDAR_TEXTS = {
  title: { it: 'Scadenza della diffida a {provider}', en: 'Deadline of the formal notice to {provider}' },
  description: {
    it:
      'Oggi scadono i {days} giorni dati con la diffida del {letterDate} (contati dal ricevimento: se la lettera è ' +
      'arrivata più tardi, il termine scade qualche giorno dopo). Se {provider} non ha pagato o ha risposto con un ' +
      'rifiuto o un’offerta parziale, prosegui il reclamo: carica la lettera e prepariamo il sollecito e gli altri ' +
      'documenti.',
    en:
      'The {days} days given by the formal notice of {letterDate} end today (counted from receipt: if the letter ' +
      'arrived later, the term ends a few days later). If {provider} has not paid, or answered with a refusal or a ' +
      'partial offer, continue your claim: upload the letter and we prepare the reminder and the other documents.',
  },
} satisfies Record<string, Localized>;
