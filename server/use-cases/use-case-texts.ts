import type { Localized } from '../core/i18n/language';

/** What the use cases themselves say (the claim's own messages come from the core). */
export const SUBMIT_BATCH_TEXTS = {
  busy: {
    it: 'Troppi lotti in coda: riprovare tra qualche minuto.',
    en: 'Too many batches waiting: try again in a few minutes.',
  },
  clientBusy: {
    it: 'Questo operatore ha già lotti in attesa o in corso: caricare il prossimo quando saranno finiti.',
    en: 'This operator already has batches waiting or running: upload the next one when they are done.',
  },
} satisfies Record<string, Localized>;
