import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { writeEmlFile } from './local-outbox';
import type { MailSettings } from './mail-settings';

export interface OutgoingMessage {
  envelopeFrom: string;
  recipient: string;
  /** The complete message as built when it was queued. */
  raw: Buffer;
  /** Names the .eml file in local mode. */
  key: string;
}

/** Hands one built message to the mail system; rejects with nodemailer's error (responseCode, code) on failure. */
export interface MailTransport {
  send(message: OutgoingMessage): Promise<{ response: string }>;
  close(): void;
}

function smtpOptions(settings: MailSettings & { mode: 'smtp' }): SMTPPool.Options {
  const url = new URL(settings.smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    maxConnections: settings.poolSize,
    maxMessages: 100,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
  };
}

/** SMTP through a nodemailer pool when SMTP_URL is set; otherwise .eml files in the local outbox folder. */
export function createMailTransport(settings: MailSettings): MailTransport {
  if (settings.mode === 'local') {
    const dir = settings.outboxDir;
    return {
      send: async (message) => ({ response: `written to ${writeEmlFile(dir, message.key, message.raw)}` }),
      close: () => undefined,
    };
  }
  const transporter = nodemailer.createTransport(smtpOptions(settings));
  return {
    send: async (message) => {
      const info = await transporter.sendMail({
        envelope: { from: message.envelopeFrom, to: [message.recipient] },
        raw: message.raw,
      });
      return { response: String(info.response ?? '') };
    },
    close: () => transporter.close(),
  };
}
