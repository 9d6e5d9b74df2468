import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { interpolate, type Language } from '../core/i18n/language';
import { formatDate, formatLongDate, type IsoDate } from '../core/time/rome-time';
import { escapeHtml, mailbox } from './build-letter-mail';
import { FOLLOWUP_MAIL_TEXTS } from './followup-mail-texts';
import { asciiFileName, headerSafe } from './header-safety';
import type { EnqueueStatus } from './outbox/outbox-port';
import { messageIdFor, messageKey, type MailQueue } from './queue-letter-mail';
import type { BudgetRefusal, Requester } from './send-budget';

/** A follow-up document for one member, and what its message says about it. */
export interface FollowUpMail {
  /** The member's address: only one the campaign's own letter already reached (the caller checks). */
  to: string;
  memberName: string;
  associationName: string;
  service: string;
  letterDate: IsoDate;
  deadline: IsoDate;
  fileName: string;
  pdf: Buffer;
  language: Language;
  requester: Requester;
}

export type QueueFollowUpOutcome =
  { ok: true; status: EnqueueStatus; messageId: string } | { ok: false; refusal: BudgetRefusal };

/**
 * Queues a campaign's reminder to the member, charged to the send budgets like every letter (of the operator, the
 * address and the server). Fixed text in the member's language; the same document to the same address is queued once.
 */
export async function queueFollowUpMail(outbox: MailQueue, mail: FollowUpMail): Promise<QueueFollowUpOutcome> {
  const sha256 = createHash('sha256').update(mail.pdf).digest('hex');
  const from = outbox.settings.from;
  const key = messageKey(sha256, mail.to);
  const messageId = messageIdFor(key, from.address);
  const fileName = asciiFileName(mail.fileName);
  const params = {
    member: mail.memberName,
    association: mail.associationName,
    service: mail.service,
    letterDate: formatDate(mail.letterDate),
    deadline: formatLongDate(mail.deadline, mail.language),
    sha256,
    fileName,
  };
  const paragraphs = FOLLOWUP_MAIL_TEXTS.body[mail.language].map((paragraph) => interpolate(paragraph, params));
  const raw = await new MailComposer({
    from: mailbox(from.name, from.address),
    to: headerSafe(mail.to),
    subject: headerSafe(interpolate(FOLLOWUP_MAIL_TEXTS.subject[mail.language], params)),
    messageId: headerSafe(messageId),
    date: new Date(),
    headers: { 'Content-Language': mail.language },
    text: `${paragraphs.join('\n\n')}\n`,
    html:
      `<!doctype html><html lang="${mail.language}"><body>` +
      `${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}</body></html>`,
    attachments: [{ filename: fileName, content: mail.pdf, contentType: 'application/pdf' }],
  })
    .compile()
    .build();
  const queued = await outbox.enqueueAll(
    [
      {
        key,
        letterSha256: sha256,
        recipientKind: 'claimant',
        messageId,
        envelopeFrom: from.address,
        recipient: mail.to,
        raw,
      },
    ],
    { kind: 'letter', requester: mail.requester, address: mail.to },
  );
  if (!queued.ok) return { ok: false, refusal: queued.refusal };
  return { ok: true, status: queued.statuses[0]!, messageId };
}
