import type { Localized } from '../core/i18n/language';

/** What the use cases themselves say (the claim's own messages come from the core). */
export const SUBMIT_BATCH_TEXTS = {
  busy: {
    it: 'Troppi lotti in coda: riprovare tra qualche minuto.',
    en: 'Too many batches waiting: try again in a few minutes.',
  },
} satisfies Record<string, Localized>;

/** The follow-up's own files: the calendar file of the sollecito's term. */
export const FOLLOWUP_FILE_TEXTS = {
  calendarTitle: {
    it: 'Scadenza del sollecito a Italiaonline',
    en: 'Deadline of the reminder to Italiaonline',
  },
  calendarDescription: {
    it: 'Scade oggi l’ultimo termine dato con il sollecito. Se il gestore non ha pagato, riprenda la pratica: troverà i documenti per il passo successivo.',
    en: 'The last term given in the reminder runs out today. If the provider has not paid, come back to your claim: you will find the documents for the next step.',
  },
} satisfies Record<string, Localized>;
