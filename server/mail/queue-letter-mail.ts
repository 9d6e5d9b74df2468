import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { RULESET } from '../core/rules/ruleset';
import type { Ruleset } from '../core/rules/ruleset-types';
import type { EnqueueStatus, NewMessage } from './outbox/outbox-store';
import { buildLetterMail, type LetterForMail, type RecipientKind } from './build-letter-mail';
import type { MailSettings } from './mail-settings';

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
  { ok: true; messages: QueuedMail[] } | { ok: false; problem: 'no-recipient' | 'provider-not-configured' };

/** What queueing needs from an outbox (the whole Outbox fits). */
export interface MailQueue {
  settings: Pick<MailSettings, 'from' | 'providerAddresses' | 'mode'>;
  enqueue(message: NewMessage): { status: EnqueueStatus };
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
 * Queues one message per chosen recipient for an eligible letter and says, for each, whether it was queued now,
 * is already queued, was already sent, or had failed and is queued again. Used by the form, the API and batches.
 */
export async function queueLetterMail(
  outbox: MailQueue,
  request: { letter: LetterForMail; recipients: RecipientsChoice },
  ruleset: Ruleset = RULESET,
): Promise<QueueLetterMailOutcome> {
  const recipients = mailRecipients(request.letter, request.recipients, outbox.settings);
  if (recipients === 'provider-not-configured') return { ok: false, problem: recipients };
  if (recipients.length === 0) return { ok: false, problem: 'no-recipient' };
  const { sha256 } = request.letter.rendered;
  const from = outbox.settings.from;
  const messages: QueuedMail[] = [];
  for (const { kind, address } of recipients) {
    const key = messageKey(sha256, address);
    if (messages.some((message) => message.key === key)) continue;
    const messageId = messageIdFor(key, from.address);
    const options = buildLetterMail(request.letter, { from, kind, to: address, messageId, date: new Date() }, ruleset);
    const raw = await new MailComposer(options).compile().build();
    const { status } = outbox.enqueue({
      key,
      letterSha256: sha256,
      recipientKind: kind,
      messageId,
      envelopeFrom: from.address,
      recipient: address,
      raw,
    });
    messages.push({ kind, address, status, key, messageId });
  }
  return { ok: true, messages };
}
