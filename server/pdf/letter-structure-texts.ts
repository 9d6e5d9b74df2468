import type { Language, Localized } from '../core/i18n/language';

/** The language tag (BCP 47) a PDF declares for text in each language the letter is written in. */
export const PDF_LANGUAGE: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * The title (`T`) of the courtesy translation's part of the structure tree, in the translation's language, so that
 * a screen reader announces the part as a translation and never as the letter that was signed.
 */
export const TRANSLATION_PART_TITLE: Localized = {
  it: 'Traduzione di cortesia in italiano: non è l’originale firmato',
  en: 'Courtesy translation into English: not the signed original',
};
