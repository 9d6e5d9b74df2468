import type { Localized } from '../i18n/language';

export const CLAIM_RECORD_TEXTS = {
  /** The embedded file's description, shown by PDF readers in their attachments panel. */
  description: {
    it: 'Dati della richiesta e calcolo, leggibili da un programma (Reclamo)',
    en: 'Claim data and calculation, machine-readable (Reclamo)',
  },
} satisfies Record<string, Localized>;
