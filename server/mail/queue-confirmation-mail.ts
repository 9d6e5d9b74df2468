import MailComposer from 'nodemailer/lib/mail-composer';
import type { Language } from '../core/i18n/language';
import { buildConfirmationMail } from './confirmation-mail';
import { issueCode, type CodeSubject } from './confirmation-code';
import type { EnqueueStatus } from './outbox/outbox-port';
import { messageIdFor, type MailQueue } from './queue-letter-mail';
import type { BudgetRefusal, Requester } from './send-budget';

export const CONFIRMATION_KIND = 'confirmation';

export type QueueConfirmationOutcome =
  { ok: true; status: EnqueueStatus; expiresAt: number; messageId: string } | { ok: false; refusal: BudgetRefusal };

/**
 * Queues the message that carries the confirmation code of `subject` to its address, charged to the confirmation
 * budgets. Asked again in the same window, it is the same message (already queued / already sent), not a new one.
 */
export async function queueConfirmationMail(
  outbox: MailQueue,
  request: { subject: CodeSubject; language: Language; provider: string | null; requester: Requester },
  now = Date.now(),
): Promise<QueueConfirmationOutcome> {
  const { subject } = request;
  const issued = issueCode(outbox.settings.confirmation, subject, now);
  const from = outbox.settings.from;
  const messageId = messageIdFor(issued.messageKey, from.address);
  const options = buildConfirmationMail({
    from,
    to: subject.address,
    messageId,
    date: new Date(now),
    language: request.language,
    code: issued.code,
    expiresAt: issued.expiresAt,
    provider: request.provider,
  });
  const queued = await outbox.enqueueAll(
    [
      {
        key: issued.messageKey,
        letterSha256: '',
        recipientKind: CONFIRMATION_KIND,
        messageId,
        envelopeFrom: from.address,
        recipient: subject.address,
        raw: await new MailComposer(options).compile().build(),
      },
    ],
    { kind: 'confirmation', requester: request.requester, address: subject.address },
  );
  if (!queued.ok) return queued;
  return { ok: true, status: queued.statuses[0]!, expiresAt: issued.expiresAt, messageId };
}
