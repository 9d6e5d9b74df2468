import type { Localized } from '../../core/i18n/language';

export const API_MESSAGES = {
  malformedJson: { it: 'Il corpo della richiesta non è JSON valido.', en: 'The request body is not valid JSON.' },
  badUrl: { it: 'L’indirizzo della richiesta non è valido.', en: 'The address of the request is malformed.' },
  tooLarge: {
    it: 'Il corpo della richiesta è troppo grande (massimo {limit} KB).',
    en: 'The request body is too large (at most {limit} KB).',
  },
  unsupportedType: { it: 'Inviare il corpo come application/json.', en: 'Send the body as application/json.' },
  notFound: { it: 'Risorsa non trovata.', en: 'Not found.' },
  tooManyRequests: {
    it: 'Troppe richieste: riprovare tra un minuto.',
    en: 'Too many requests: try again in a minute.',
  },
  busy: {
    it: 'Il servizio è molto richiesto in questo momento: riprovare tra qualche secondo.',
    en: 'The service is very busy right now: try again in a few seconds.',
  },
  internal: {
    it: 'Errore interno: la richiesta non è stata elaborata.',
    en: 'Internal error: the request was not processed.',
  },
} satisfies Record<string, Localized>;
