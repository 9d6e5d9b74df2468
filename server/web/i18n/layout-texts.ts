import type { Catalog } from './catalog';

/** Words of the layout and of the shared error pages. */
export const LAYOUT_STRINGS: Catalog = {
  'layout.skip': { it: 'Vai al contenuto', en: 'Skip to content' },
  'layout.tagline': {
    it: 'Diffida per i disservizi di Libero Mail e Virgilio Mail',
    en: 'Formal notice for the Libero Mail and Virgilio Mail outages',
  },
  'layout.languageNav': { it: 'Lingua', en: 'Language' },
  'layout.notAdvice': {
    it:
      'Reclamo non è una consulenza legale. I dati inseriti non vengono ' +
      'salvati: servono solo a preparare la lettera.',
    en: 'Reclamo is not legal advice. What you type is not stored: it is only used to prepare the letter.',
  },
  'layout.rules': { it: 'Regole in vigore: versione {version}', en: 'Rules in force: version {version}' },
  'error.back': { it: 'Torna al modulo', en: 'Back to the form' },
  'error.csrf.title': { it: 'Il modulo è scaduto', en: 'The form has expired' },
  'error.csrf.body': {
    it:
      'Per sicurezza non abbiamo accettato questo invio: il modulo era stato ' +
      'aperto troppo tempo fa, da un altro sito, o ' +
      'il browser non conserva i cookie. Nulla è stato salvato. Riapri il modulo e invialo di nuovo.',
    en:
      'For your safety this submission was not accepted: the form was opened too long ago, from another site, or the ' +
      'browser does not keep cookies. Nothing was saved. Open the form again and send it again.',
  },
  'error.notFound.title': { it: 'Pagina non trovata', en: 'Page not found' },
  'error.notFound.body': {
    it: "L'indirizzo non corrisponde a nessuna pagina.",
    en: 'There is no page at this address.',
  },
  'error.tooLarge.title': { it: 'Dati troppo lunghi', en: 'Too much data' },
  'error.tooLarge.body': {
    it: 'Il modulo inviato supera il limite di {limit} KB. Accorcia i testi più lunghi e riprova.',
    en: 'The form sent is over the {limit} KB limit. Shorten the longest texts and try again.',
  },
  'error.tooMany.title': { it: 'Troppe richieste', en: 'Too many requests' },
  'error.tooMany.body': {
    it: 'Sono arrivate troppe richieste in poco tempo. Attendi un minuto e riprova.',
    en: 'Too many requests arrived in a short time. Wait a minute and try again.',
  },
  'error.busy.title': { it: 'Servizio occupato', en: 'Service busy' },
  'error.busy.body': {
    it:
      'In questo momento stiamo preparando molte lettere. Riprova tra qualche ' +
      'secondo: i tuoi dati sono ancora nella pagina precedente.',
    en:
      'Many letters are being prepared right now. Try again in a few seconds: ' +
      'your answers are still on the previous page.',
  },
  'error.badUrl.title': { it: 'Indirizzo non valido', en: 'Malformed address' },
  'error.badUrl.body': {
    it: 'L’indirizzo della pagina contiene caratteri non validi. Controllarlo, o tornare alla pagina iniziale.',
    en: 'The address of the page has invalid characters in it. Check it, or go back to the home page.',
  },
  'error.internal.title': { it: 'Si è verificato un errore', en: 'Something went wrong' },
  'error.internal.body': {
    it: 'Non è stato possibile completare la richiesta. Nulla è stato salvato. Riprova tra poco.',
    en: 'The request could not be completed. Nothing was saved. Please try again shortly.',
  },
};
