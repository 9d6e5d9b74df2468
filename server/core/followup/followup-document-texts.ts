import type { Localized } from '../i18n/language';

/** The sentences of the AGCM facts field, first person, in the order they are written. */
export const AGCM_FACT_TEXTS = {
  holder: {
    it: 'Sono titolare della casella {mailbox} del servizio {service} di {provider}.',
    en: 'I hold the mailbox {mailbox} of the {service} service of {provider}.',
  },
  periodTotal: {
    it: 'Dal {from} al {to} il servizio è rimasto inaccessibile per {days} giorni.',
    en: 'From {from} to {to} the service could not be used for {days} days.',
  },
  periodPartial: {
    it: 'Dal {from} al {to} il servizio è stato irregolare per {days} giorni.',
    en: 'From {from} to {to} the service was irregular for {days} days.',
  },
  letter: {
    it: 'Il {date} ho inviato al gestore una diffida chiedendo {total}.',
    en: 'On {date} I sent the provider a formal notice claiming {total}.',
  },
  noReply: {
    it: 'Il termine è scaduto il {deadline} senza risposta.',
    en: 'The term ran out on {deadline} without an answer.',
  },
  refused: {
    it: 'Il gestore ha respinto la richiesta.',
    en: 'The provider refused the claim.',
  },
  partial: {
    it: 'Il gestore ha offerto soltanto {offer}.',
    en: 'The provider offered only {offer}.',
  },
  request: {
    it: 'Chiedo all’Autorità di valutare la condotta del gestore verso gli utenti.',
    en: 'I ask the Authority to assess how the provider treats its users.',
  },
  lost: {
    it: 'Ho perso messaggi o dati: {items}.',
    en: 'I lost mail or data: {items}.',
  },
} satisfies Record<string, Localized>;

/** The headings and labels of the plain-text documents (AGCM, ConciliaWeb) and of LEGGIMI.txt. */
export const PLAIN_TEXT_LABELS = {
  translation: {
    it: 'Traduzione di cortesia in inglese: non è il testo da inviare',
    en: 'Courtesy translation into English: not the text to send',
  },
} satisfies Record<string, Localized>;
