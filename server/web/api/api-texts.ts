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
  signInRequired: {
    it:
      'Serve un operatore: inviare Authorization: Bearer <token> (creato con ' +
      'npx reclamo operator token <email>) o accedere da /sign-in.',
    en:
      'An operator is needed: send Authorization: Bearer <token> (made with ' +
      'npx reclamo operator token <email>) or sign in at /sign-in.',
  },
  invalidToken: {
    it: 'Token non valido o revocato.',
    en: 'The token is not valid or was revoked.',
  },
  crossSite: {
    it: 'Richiesta rifiutata: proviene da un altro sito.',
    en: 'Request refused: it comes from another site.',
  },
  internal: {
    it: 'Errore interno: la richiesta non è stata elaborata.',
    en: 'Internal error: the request was not processed.',
  },
} satisfies Record<string, Localized>;

/** The batch routes' own answers. */
export const BATCH_API_MESSAGES = {
  notFound: { it: 'Lotto inesistente, scaduto o già scaricato.', en: 'Unknown, expired or already downloaded batch.' },
  notReady: { it: 'Le lettere non sono ancora pronte.', en: 'The letters are not ready yet.' },
} satisfies Record<string, Localized>;

/** What is wrong with a member-list upload as a request (the file itself: batch-input-texts.ts). */
export const UPLOAD_MESSAGES = {
  notMultipart: {
    it: 'Inviare il file come multipart/form-data, nel campo "file".',
    en: 'Send the file as multipart/form-data, in the "file" field.',
  },
  noFile: { it: 'Allegare l’elenco dei soci (CSV o .xlsx).', en: 'Attach the member list (CSV or .xlsx).' },
  malformed: { it: 'Caricamento non valido o interrotto.', en: 'The upload is malformed or was interrupted.' },
  send: { it: 'Indicare member, provider o both.', en: 'Give member, provider or both.' },
} satisfies Record<string, Localized>;
