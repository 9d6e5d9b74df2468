import type { Language, Localized } from '../core/i18n/language';

/**
 * The confirmation message, whole: fixed text in which only the code, its expiry and the provider's name (all from
 * the server, never from the request) are filled in. One paragraph per entry.
 */
export const CONFIRMATION_TEXTS = {
  subject: {
    it: 'Reclamo: il codice per confermare il tuo indirizzo e-mail',
    en: 'Reclamo: the code to confirm your e-mail address',
  },
  body: {
    it: [
      'Buongiorno,',
      'è stato chiesto di inviare a questo indirizzo una diffida preparata con Reclamo{providerCopy}. Prima di ' +
        'inviarla dobbiamo sapere che l’indirizzo è tuo.',
      'Il codice di conferma è:',
      '{code}',
      'Inseriscilo nella pagina da cui hai chiesto l’invio. Vale fino al {expiresAt} (ora italiana), solo per ' +
        'questa lettera e per questo indirizzo.',
      'Se non sei stato tu, ignora questo messaggio: senza il codice non ti verrà inviato nient’altro.',
      'Messaggio automatico: non rispondere.',
    ],
    en: [
      'Hello,',
      'someone asked to send a formal notice prepared with Reclamo to this address{providerCopy}. Before it is sent ' +
        'we need to know that the address is yours.',
      'The confirmation code is:',
      '{code}',
      'Type it into the page where the sending was asked for. It is valid until {expiresAt} (Italian time), only ' +
        'for this letter and this address.',
      'If it was not you, ignore this message: without the code nothing else will be sent to you.',
      'Automatic message: do not reply.',
    ],
  },
  providerCopy: {
    it: ', con una copia a {provider}',
    en: ', with a copy to {provider}',
  },
} satisfies { subject: Localized; body: Record<Language, string[]>; providerCopy: Localized };
