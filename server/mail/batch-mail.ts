import type { SendTarget } from '../core/member-list/send-target';
import type { Ruleset } from '../core/rules/ruleset-types';
import type { Assessment } from '../core/assessment/assess-claim';
import type { Claim } from '../core/claim/claim-schema';
import {
  queueLetterMail,
  type MailQueue,
  type QueueLetterMailOutcome,
  type QueuedMail,
  type RecipientsChoice,
} from './queue-letter-mail';
import type { Requester } from './send-budget';

export function recipientsFor(target: SendTarget): RecipientsChoice {
  return { claimant: target !== 'provider', provider: target !== 'member' };
}

/** The parts of a batch row a message needs (the batch pipeline's row result fits). */
export interface MailableRow {
  claim: Claim | null;
  assessment: Pick<Assessment, 'letterDate' | 'deadline' | 'deadlineDays'> | null;
  letter: { pdf: Buffer; sha256: string; fileName: string } | null;
}

/** Who a batch's messages are charged to when no operator is named: all such batches share one budget. */
export const UNNAMED_BATCH_REQUESTER: Requester = { kind: 'client', id: 'batch without an operator' };

function describe(outcome: QueueLetterMailOutcome, target: SendTarget): string {
  if (outcome.ok)
    return outcome.messages
      .map((message) => `${message.kind === 'claimant' ? 'member' : 'provider'}: ${message.status}`)
      .join(' | ');
  if (outcome.problem !== 'over-budget') return '';
  // Over a send budget nothing of the row was queued: each recipient says so, and the rows after it still run.
  const { claimant, provider } = recipientsFor(target);
  const cell = `limit-reached (${outcome.refusal.dimension})`;
  return [claimant ? `member: ${cell}` : '', provider ? `provider: ${cell}` : ''].filter(Boolean).join(' | ');
}

/**
 * The batch pipeline's per-row hook: queues each eligible row's letter for the chosen recipients and returns the
 * report cell (`member: queued | provider: already-sent`; `provider: not-configured` when no address is set;
 * `member: limit-reached (global)` over a send budget). Every message is charged to the letter budgets of the
 * member's address, of the server, and of `requester`: the signed-in operator who submitted the batch, or this
 * machine for the command line.
 */
export function batchMailHook(
  outbox: MailQueue,
  target: SendTarget,
  options: { ruleset?: Ruleset; requester: Requester; onQueued?: (messages: readonly QueuedMail[]) => void },
): (row: MailableRow) => Promise<string> {
  const { ruleset, requester, onQueued } = options;
  return async (row) => {
    if (!row.claim || !row.assessment || !row.letter) return '';
    const letter = { claim: row.claim, assessment: row.assessment, rendered: row.letter };
    const queued = await queueLetterMail(outbox, { letter, recipients: recipientsFor(target), requester }, ruleset);
    if (queued.ok) onQueued?.(queued.messages);
    if (queued.ok || queued.problem !== 'provider-not-configured') return describe(queued, target);
    // No address for this row's provider: the member still gets their copy when it was asked for.
    if (target !== 'both') return 'provider: not-configured';
    const memberOnly = await queueLetterMail(
      outbox,
      { letter, recipients: recipientsFor('member'), requester },
      ruleset,
    );
    if (memberOnly.ok) onQueued?.(memberOnly.messages);
    return [describe(memberOnly, 'member'), 'provider: not-configured'].filter(Boolean).join(' | ');
  };
}
