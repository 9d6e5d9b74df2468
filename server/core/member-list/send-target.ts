import type { Localized } from '../i18n/language';

/** `--send member|provider|both`: who receives each eligible row's letter by e-mail. */
export const SEND_TARGETS = ['member', 'provider', 'both'] as const;
export type SendTarget = (typeof SEND_TARGETS)[number];

export function isSendTarget(value: unknown): value is SendTarget {
  return typeof value === 'string' && (SEND_TARGETS as readonly string[]).includes(value);
}

/** The report's extra column when a batch sends: what happened to each row's messages when they were queued. */
export const MAIL_REPORT_COLUMN: Localized = { it: 'e-mail', en: 'e-mail' };
