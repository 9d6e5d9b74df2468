import type { Localized } from '../../core/i18n/language';

/** What the follow-up upload (API and page) says about the request itself. */
export const FOLLOWUP_UPLOAD_TEXTS = {
  notMultipart: {
    it:
      'Inviare i file come multipart/form-data: «case» (lettera PDF o dati della pratica in JSON), «receipt» ' +
      '(ricevuta PEC, facoltativa), «followup» (JSON).',
    en:
      'Send the files as multipart/form-data: "case" (the letter PDF or the case data as JSON), "receipt" (PEC ' +
      'receipt, optional), "followup" (JSON).',
  },
  malformed: { it: 'Caricamento non valido o interrotto.', en: 'The upload is malformed or was interrupted.' },
  tooLarge: { it: 'File troppo grande: al massimo {limit} MB.', en: 'File too large: at most {limit} MB.' },
  followupJson: {
    it: 'Il campo «followup» deve contenere un oggetto JSON.',
    en: 'The "followup" field must hold a JSON object.',
  },
} satisfies Record<string, Localized>;
