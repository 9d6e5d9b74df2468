import type { Localized } from '../core/i18n/language';
import type { LetterReadProblem } from './read-claim-from-letter';

/** Why a file is not accepted as one of our letters, in words a claimant can act on. */
export const LETTER_READ_TEXTS = {
  'too-large': {
    it: 'Il file è troppo grande per essere una lettera di Reclamo (massimo {limit} MB).',
    en: 'The file is too large to be a Reclamo letter (at most {limit} MB).',
  },
  'not-pdf': {
    it: 'Il file non è un PDF.',
    en: 'The file is not a PDF.',
  },
  truncated: {
    it: 'Il PDF è incompleto (troncato): forse il download o la copia si sono interrotti. Usare il file originale.',
    en: 'The PDF is incomplete (truncated): the download or copy may have stopped. Use the original file.',
  },
  unreadable: {
    it: 'Il PDF non si riesce a leggere: è danneggiato o è stato salvato di nuovo da un altro programma.',
    en: 'The PDF cannot be read: it is damaged or was saved again by another program.',
  },
  'no-claim': {
    it: 'Questo PDF non è una lettera di Reclamo: non contiene il file {file} con i dati della richiesta.',
    en: 'This PDF is not a Reclamo letter: it does not carry the file {file} with the claim data.',
  },
  damaged: {
    it: 'Il file {file} dentro il PDF è stato modificato o è danneggiato (la sua impronta non corrisponde).',
    en: 'The file {file} inside the PDF has been changed or is damaged (its checksum does not match).',
  },
  'bad-json': {
    it: 'Il file {file} dentro il PDF non è JSON valido.',
    en: 'The file {file} inside the PDF is not valid JSON.',
  },
  'not-our-file': {
    it: 'Il file {file} dentro il PDF non è stato scritto da Reclamo.',
    en: 'The file {file} inside the PDF was not written by Reclamo.',
  },
  'unknown-version': {
    it: 'I dati della richiesta sono nella versione {version}, che questa versione di Reclamo non conosce.',
    en: 'The claim data is in version {version}, which this version of Reclamo does not know.',
  },
  'invalid-record': {
    it: 'I dati della richiesta nel PDF sono incompleti o alterati: {detail}.',
    en: 'The claim data in the PDF is incomplete or altered: {detail}.',
  },
} satisfies Record<LetterReadProblem, Localized>;
