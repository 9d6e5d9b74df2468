import type Mail from 'nodemailer/lib/mailer';
import { interpolate, type Language } from '../core/i18n/language';
import { formatRomeDateTime } from '../core/time/rome-time';
import { escapeHtml, mailbox, type Mailbox } from './build-letter-mail';
import { CONFIRMATION_TEXTS } from './confirmation-texts';
import { headerSafe } from './header-safety';

export interface ConfirmationMail {
  from: Mailbox;
  to: string;
  messageId: string;
  date: Date;
  language: Language;
  code: string;
  expiresAt: number;
  /** The provider's name when its copy was asked for (from the ruleset, not from the request). */
  provider: string | null;
}

/**
 * The short message that carries a confirmation code: fixed text in the request's language, no attachment, nothing
 * the requester typed (not even the name), marked as automatic (RFC 3834) so auto-responders keep quiet.
 */
export function buildConfirmationMail(mail: ConfirmationMail): Mail.Options {
  const { language } = mail;
  const params = {
    code: mail.code,
    expiresAt: formatRomeDateTime(mail.expiresAt, language),
    providerCopy: mail.provider
      ? interpolate(CONFIRMATION_TEXTS.providerCopy[language], { provider: mail.provider })
      : '',
  };
  const paragraphs = CONFIRMATION_TEXTS.body[language].map((paragraph) => interpolate(paragraph, params));
  return {
    from: mailbox(mail.from.name, mail.from.address),
    to: headerSafe(mail.to),
    subject: CONFIRMATION_TEXTS.subject[language],
    messageId: headerSafe(mail.messageId),
    date: mail.date,
    headers: { 'Content-Language': language, 'Auto-Submitted': 'auto-generated' },
    text: `${paragraphs.join('\n\n')}\n`,
    html:
      `<!doctype html><html lang="${language}"><body>` +
      paragraphs
        .map((paragraph) =>
          paragraph === mail.code
            ? `<p style="font-size:1.5em;letter-spacing:0.2em"><strong>${escapeHtml(paragraph)}</strong></p>`
            : `<p>${escapeHtml(paragraph)}</p>`,
        )
        .join('') +
      '</body></html>',
  };
}
