import type { Localized } from '../core/i18n/language';

/** What the use cases themselves say (the claim's own messages come from the core). */
export const SUBMIT_BATCH_TEXTS = {
  busy: {
    it: 'Troppi lotti in coda: riprovare tra qualche minuto.',
    en: 'Too many batches waiting: try again in a few minutes.',
  },
} satisfies Record<string, Localized>;
