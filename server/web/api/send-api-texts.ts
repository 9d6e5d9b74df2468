import type { Localized } from '../../core/i18n/language';

/** The messages of POST /api/v1/claims/send. */
export const SEND_API_TEXTS = {
  noRecipient: { it: 'Scegliere almeno un destinatario.', en: 'Choose at least one recipient.' },
  providerNotConfigured: {
    it:
      'Questo server non ha un indirizzo configurato per i reclami a ' +
      '{service}: inviare la lettera personalmente (ad esempio dalla propria ' +
      'PEC).',
    en:
      'This server has no address configured for complaints to {service}: ' +
      'send the letter yourself (for example from your own PEC).',
  },
  notEligible: {
    it: 'La richiesta non è idonea: nessuna lettera da inviare.',
    en: 'The claim is not eligible: there is no letter to send.',
  },
  invalidRecipients: { it: 'Indicare true o false.', en: 'Give true or false.' },
  codeFormat: {
    it: 'Indicare le 6 cifre del codice ricevuto per e-mail.',
    en: 'Give the 6 digits of the code received by e-mail.',
  },
  wrongCode: {
    it:
      'Il codice non è giusto o è scaduto. Controllare l’ultimo messaggio ricevuto, oppure chiedere un nuovo ' +
      'codice inviando la stessa richiesta senza codice.',
    en:
      'The code is wrong or has expired. Check the latest message received, or ask for a new code by sending the ' +
      'same request without a code.',
  },
  unavailable: {
    it: "L'invio per e-mail non è disponibile su questo server.",
    en: 'Sending by e-mail is not available on this server.',
  },
} satisfies Record<string, Localized>;
