import type Mail from 'nodemailer/lib/mailer';
import type { Assessment } from '../core/assessment/assess-claim';
import type { Claim } from '../core/claim/claim-schema';
import { DEFAULT_LANGUAGE, interpolate, type Language } from '../core/i18n/language';
import type { Ruleset } from '../core/rules/ruleset-types';
import { formatDate, formatLongDate } from '../core/time/rome-time';
import { asciiFileName, headerSafe } from './header-safety';
import { MAIL_TEXTS } from './mail-texts';

export const RECIPIENT_KINDS = ['claimant', 'provider'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** An eligible claim, its assessment and its PDF: everything a message about it is made from (form, API, batch row). */
export interface LetterForMail {
  claim: Claim;
  assessment: Pick<Assessment, 'letterDate' | 'deadline' | 'deadlineDays'>;
  /** The rendered PDF, its SHA-256 (the proof of what was sent) and its file name. */
  rendered: { pdf: Buffer; sha256: string; fileName: string };
  /** The deadline as a calendar file, attached to the claimant's copy only. */
  calendar?: { fileName: string; content: string } | null;
}

export interface Mailbox {
  name: string;
  address: string;
}

export interface MailAddressing {
  from: Mailbox;
  kind: RecipientKind;
  to: string;
  messageId: string;
  /** When the message was queued; the Date header, so a rebuilt message is byte-identical. */
  date: Date;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A mailbox as nodemailer takes it: it encodes a non-ASCII name (RFC 2047) itself; line breaks never reach it. */
export function mailbox(name: string, address: string): Mail.Address {
  return { name: headerSafe(name), address: headerSafe(address) };
}

/**
 * The message that carries a letter: the PDF attached under an ASCII name, a short text and HTML body in the
 * letter's language (what the attachment is, the deadline, the SHA-256), and a Message-ID fixed by the caller.
 */
export function buildLetterMail(letter: LetterForMail, addressing: MailAddressing, ruleset: Ruleset): Mail.Options {
  const { claim, assessment, rendered } = letter;
  // The claimant reads their own language; the provider gets Italian, like the letter that is sent.
  const language: Language =
    addressing.kind === 'provider' ? DEFAULT_LANGUAGE : (claim.letter?.language ?? DEFAULT_LANGUAGE);
  const claimantName = `${claim.claimant.firstName} ${claim.claimant.lastName}`;
  const fileName = asciiFileName(rendered.fileName);
  const params = {
    firstName: claim.claimant.firstName,
    claimant: claimantName,
    claimantEmail: claim.claimant.email,
    service: ruleset.services[claim.account.provider].name,
    provider: ruleset.provider.name,
    letterDate: formatDate(assessment.letterDate),
    deadline: formatLongDate(assessment.deadline, language),
    days: assessment.deadlineDays,
    sha256: rendered.sha256,
    fileName,
  };
  const paragraphs = MAIL_TEXTS[addressing.kind][language].map((paragraph) => interpolate(paragraph, params));
  const calendar = addressing.kind === 'claimant' ? (letter.calendar ?? null) : null;
  if (calendar) {
    const note = interpolate(MAIL_TEXTS.calendarNote[language], { calendarFile: asciiFileName(calendar.fileName) });
    paragraphs.splice(3, 0, note);
  }
  return {
    from: mailbox(addressing.from.name, addressing.from.address),
    to: headerSafe(addressing.to),
    ...(addressing.kind === 'provider' ? { replyTo: mailbox(claimantName, claim.claimant.email) } : {}),
    subject: headerSafe(interpolate(MAIL_TEXTS.subject[language], params)),
    messageId: headerSafe(addressing.messageId),
    date: addressing.date,
    headers: { 'Content-Language': language },
    text: `${paragraphs.join('\n\n')}\n`,
    html:
      `<!doctype html><html lang="${language}"><body>` +
      `${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}</body></html>`,
    attachments: [
      { filename: fileName, content: rendered.pdf, contentType: 'application/pdf' },
      ...(calendar
        ? [
            {
              filename: asciiFileName(calendar.fileName),
              content: calendar.content,
              contentType: 'text/calendar; charset=utf-8',
            },
          ]
        : []),
    ],
  };
}
