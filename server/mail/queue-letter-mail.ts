import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { RULESET } from '../core/rules/ruleset';
import type { Ruleset } from '../core/rules/ruleset-types';
import type { EnqueueStatus, NewMessage } from './outbox/outbox-port';
import type { EnqueueAllOutcome } from './outbox/outbox';
import { buildLetterMail, type LetterForMail, type RecipientKind } from './build-letter-mail';
import type { MailSettings } from './mail-settings';
import type { BudgetClaim, BudgetRefusal, Requester } from './send-budget';

export interface RecipientsChoice {
  claimant: boolean;
  provider: boolean;
}

export interface QueuedMail {
  kind: RecipientKind;
  address: string;
  status: EnqueueStatus;
  /** Idempotency key: a hash of the letter's SHA-256 and the recipient. */
  key: string;
  messageId: string;
}

export type QueueLetterMailOutcome =
  | { ok: true; messages: QueuedMail[] }
  | { ok: false; problem: 'no-recipient' | 'provider-not-configured' }
  | { ok: false; problem: 'over-budget'; refusal: BudgetRefusal };

/** What queueing needs from an outbox (the whole Outbox fits): every message goes in charged to a budget. */
export interface MailQueue {
  settings: Pick<MailSettings, 'from' | 'providerAddresses' | 'mode' | 'confirmation'>;
  enqueueAll(messages: readonly NewMessage[], claim: BudgetClaim): Promise<EnqueueAllOutcome>;
}

/** Same letter, same recipient, same key: asking again never sends again. */
export function messageKey(letterSha256: string, address: string): string {
  return createHash('sha256').update(`${letterSha256}\n${address.trim().toLowerCase()}`).digest('hex');
}

/** Stable per key, so a receiver can drop the rare duplicate of an at-least-once delivery. */
export function messageIdFor(key: string, fromAddress: string): string {
  return `<${key.slice(0, 40)}@${fromAddress.slice(fromAddress.lastIndexOf('@') + 1)}>`;
}

/** Only the claimant's own address and the provider's configured complaint addresses: never an address typed in. */
export function mailRecipients(
  letter: LetterForMail,
  choice: RecipientsChoice,
  settings: MailQueue['settings'],
): { kind: RecipientKind; address: string }[] | 'provider-not-configured' {
  const recipients: { kind: RecipientKind; address: string }[] = [];
  if (choice.claimant) recipients.push({ kind: 'claimant', address: letter.claim.claimant.email });
  if (choice.provider) {
    const addresses = settings.providerAddresses[letter.claim.account.provider] ?? [];
    if (addresses.length === 0) return 'provider-not-configured';
    for (const address of addresses) recipients.push({ kind: 'provider', address });
  }
  return recipients;
}

/**
 * Queues one message per chosen recipient for an eligible letter, all or none, and says, for each, whether it was
 * queued now, is already queued, was already sent, or had failed and is queued again. Every new copy (the
 * claimant's and the provider's) is charged to the letter budgets of `requester` and of the claimant's address.
 * Used by the form and the API (after the address was confirmed) and by batches (an operator's member list).
 */
export async function queueLetterMail(
  outbox: MailQueue,
  request: { letter: LetterForMail; recipients: RecipientsChoice; requester: Requester },
  ruleset: Ruleset = RULESET,
): Promise<QueueLetterMailOutcome> {
  const recipients = mailRecipients(request.letter, request.recipients, outbox.settings);
  if (recipients === 'provider-not-configured') return { ok: false, problem: recipients };
  if (recipients.length === 0) return { ok: false, problem: 'no-recipient' };
  const { sha256 } = request.letter.rendered;
  const from = outbox.settings.from;
  const messages: (Omit<QueuedMail, 'status'> & { raw: Buffer })[] = [];
  for (const { kind, address } of recipients) {
    const key = messageKey(sha256, address);
    if (messages.some((message) => message.key === key)) continue;
    const messageId = messageIdFor(key, from.address);
    const options = buildLetterMail(request.letter, { from, kind, to: address, messageId, date: new Date() }, ruleset);
    messages.push({ kind, address, key, messageId, raw: await new MailComposer(options).compile().build() });
  }
  const queued = await outbox.enqueueAll(
    messages.map(({ kind, address, key, messageId, raw }) => ({
      key,
      letterSha256: sha256,
      recipientKind: kind,
      messageId,
      envelopeFrom: from.address,
      recipient: address,
      raw,
    })),
    { kind: 'letter', requester: request.requester, address: request.letter.claim.claimant.email },
  );
  if (!queued.ok) return { ok: false, problem: 'over-budget', refusal: queued.refusal };
  return {
    ok: true,
    messages: messages.map(({ kind, address, key, messageId }, index) => ({
      kind,
      address,
      key,
      messageId,
      status: queued.statuses[index]!,
    })),
  };
}
