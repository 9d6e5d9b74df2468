import type { Localized } from '../i18n/language';

/**
 * The document title's note when a courtesy translation follows the Italian letter, keyed by the translation's
 * language; the title itself is Italian, like the letter that is sent.
 */
export const TRANSLATION_NOTE: Localized = {
  it: 'con traduzione di cortesia in italiano',
  en: 'con traduzione di cortesia in inglese',
};
