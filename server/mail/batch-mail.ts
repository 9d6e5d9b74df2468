import type { Localized } from '../core/i18n/language';
import type { Ruleset } from '../core/rules/ruleset-types';
import type { Assessment } from '../core/assessment/assess-claim';
import type { Claim } from '../core/claim/claim-schema';
import { queueLetterMail, type MailQueue, type RecipientsChoice } from './queue-letter-mail';

/** `--send member|provider|both`: who receives each eligible row's letter. */
export const SEND_TARGETS = ['member', 'provider', 'both'] as const;
export type SendTarget = (typeof SEND_TARGETS)[number];

export function isSendTarget(value: unknown): value is SendTarget {
  return typeof value === 'string' && (SEND_TARGETS as readonly string[]).includes(value);
}

export function recipientsFor(target: SendTarget): RecipientsChoice {
  return { claimant: target !== 'provider', provider: target !== 'member' };
}

/** The report's extra column when a batch sends: what happened to each row's messages when they were queued. */
export const MAIL_REPORT_COLUMN: Localized = { it: 'e-mail', en: 'e-mail' };

/** The parts of a batch row a message needs (the batch pipeline's row result fits). */
export interface MailableRow {
  claim: Claim | null;
  assessment: Pick<Assessment, 'letterDate' | 'deadline'> | null;
  letter: { pdf: Buffer; sha256: string; fileName: string } | null;
}

/**
 * The batch pipeline's per-row hook: queues each eligible row's letter for the chosen recipients and returns the
 * report cell (`member: queued | provider: already-sent`; `provider: not-configured` when no address is set).
 */
export function batchMailHook(outbox: MailQueue, target: SendTarget, ruleset?: Ruleset): (row: MailableRow) => Promise<string> {
  return async (row) => {
    if (!row.claim || !row.assessment || !row.letter) return '';
    const queued = await queueLetterMail(outbox, { letter: { claim: row.claim, assessment: row.assessment, rendered: row.letter }, recipients: recipientsFor(target) }, ruleset);
    if (!queued.ok) return queued.problem === 'provider-not-configured' ? 'provider: not-configured' : '';
    return queued.messages.map((message) => `${message.kind === 'claimant' ? 'member' : 'provider'}: ${message.status}`).join(' | ');
  };
}
