/** `--send member|provider|both`: who receives each eligible row's letter by e-mail. */
export const SEND_TARGETS = ['member', 'provider', 'both'] as const;
export type SendTarget = (typeof SEND_TARGETS)[number];

export function isSendTarget(value: unknown): value is SendTarget {
  return typeof value === 'string' && (SEND_TARGETS as readonly string[]).includes(value);
}

export { MAIL_REPORT_COLUMN } from './member-list-texts';
