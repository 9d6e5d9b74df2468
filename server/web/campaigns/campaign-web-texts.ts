import type { Localized } from '../../core/i18n/language';

export const UPLOAD_PROBLEM_TEXTS = {
  malformed: {
    it: 'Invio non leggibile: scegliere di nuovo il file.',
    en: 'The upload could not be read: choose the file again.',
  },
  'too-large': { it: 'File troppo grande (al massimo 10 MB l’uno).', en: 'File too large (10 MB each at most).' },
  'too-many': { it: 'Troppi file in un solo invio (al massimo 5.000).', en: 'Too many files at once (5,000 at most).' },
  'no-file': { it: 'Scegliere un file.', en: 'Choose a file.' },
  'bad-zip': { it: 'Lo ZIP non è leggibile.', en: 'The ZIP cannot be read.' },
} satisfies Record<string, Localized>;

export const CAMPAIGN_API_TEXTS = {
  notFound: { it: 'Campagna non trovata.', en: 'Campaign not found.' },
  memberNotFound: { it: 'Socio non trovato in questa campagna.', en: 'Member not found in this campaign.' },
  followUpsUnavailable: {
    it: 'I documenti successivi (sollecito) non sono disponibili su questo server.',
    en: 'Follow-up documents (reminders) are not available on this server.',
  },
  mailUnavailable: {
    it: 'L’invio per e-mail non è disponibile su questo server: scaricare lo ZIP.',
    en: 'Sending by e-mail is not available on this server: download the ZIP.',
  },
} satisfies Record<string, Localized>;
