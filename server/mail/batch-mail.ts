import type { SendTarget } from '../core/member-list/send-target';
import type { Ruleset } from '../core/rules/ruleset-types';
import type { Assessment } from '../core/assessment/assess-claim';
import type { Claim } from '../core/claim/claim-schema';
import { queueLetterMail, type MailQueue, type RecipientsChoice } from './queue-letter-mail';

export function recipientsFor(target: SendTarget): RecipientsChoice {
  return { claimant: target !== 'provider', provider: target !== 'member' };
}

/** The parts of a batch row a message needs (the batch pipeline's row result fits). */
export interface MailableRow {
  claim: Claim | null;
  assessment: Pick<Assessment, 'letterDate' | 'deadline' | 'deadlineDays'> | null;
  letter: { pdf: Buffer; sha256: string; fileName: string } | null;
}

function describe(messages: readonly { kind: string; status: string }[]): string {
  return messages
    .map((message) => `${message.kind === 'claimant' ? 'member' : 'provider'}: ${message.status}`)
    .join(' | ');
}

/**
 * The batch pipeline's per-row hook: queues each eligible row's letter for the chosen recipients and returns the
 * report cell (`member: queued | provider: already-sent`; `provider: not-configured` when no address is set).
 */
export function batchMailHook(
  outbox: MailQueue,
  target: SendTarget,
  ruleset?: Ruleset,
): (row: MailableRow) => Promise<string> {
  return async (row) => {
    if (!row.claim || !row.assessment || !row.letter) return '';
    const letter = { claim: row.claim, assessment: row.assessment, rendered: row.letter };
    const queued = await queueLetterMail(outbox, { letter, recipients: recipientsFor(target) }, ruleset);
    if (queued.ok) return describe(queued.messages);
    if (queued.problem !== 'provider-not-configured') return '';
    // No address for this row's provider: the member still gets their copy when it was asked for.
    if (target !== 'both') return 'provider: not-configured';
    const memberOnly = await queueLetterMail(outbox, { letter, recipients: recipientsFor('member') }, ruleset);
    return [memberOnly.ok ? describe(memberOnly.messages) : '', 'provider: not-configured'].filter(Boolean).join(' | ');
  };
}
