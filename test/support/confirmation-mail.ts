import { simpleParser } from 'mailparser';
import { listEmlFiles, readEmlFile } from '../../server/mail/local-outbox';
import type { AppConfig } from '../../server/config/app-config';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import type { MessageState } from '../../server/mail/outbox/outbox-port';
import { LoopbackSmtp, type ReceivedMessage } from '../../tools/loopback-smtp';
import { testMailSettings, waitFor } from './mail-fixtures';
import { testApp, type TestApp } from './test-app';

/** The one group of six digits a confirmation message carries (read from its text part, as a person reads it). */
export async function codeFrom(raw: Buffer): Promise<string> {
  const parsed = await simpleParser(raw);
  const groups = (parsed.text ?? '').match(/(?<!\d)\d{6}(?!\d)/g) ?? [];
  if (groups.length !== 1) throw new Error(`expected one 6-digit code, found ${groups.length}`);
  return groups[0]!;
}

/** The messages the loopback server accepted for one address. */
export function receivedBy(smtp: LoopbackSmtp, address: string): ReceivedMessage[] {
  return smtp.received.filter((message) => message.to.includes(address));
}

const isConfirmation = (message: ReceivedMessage) => message.raw.includes('\r\nAuto-Submitted: auto-generated\r\n');

/** Runs `act`, then waits for the next confirmation message to `address` and returns it (letters are skipped). */
export async function nextReceived(
  smtp: LoopbackSmtp,
  address: string,
  act: () => Promise<unknown>,
): Promise<ReceivedMessage> {
  const confirmations = () => receivedBy(smtp, address).filter(isConfirmation);
  const before = confirmations().length;
  await act();
  await waitFor(() => confirmations().length > before, 20_000, `a new confirmation message to ${address}`);
  return confirmations()[before]!;
}

/** A six-digit code that is not `code`. */
export function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

/** Every letter the outbox holds (queued, sending, sent or failed): anything but a confirmation message. */
export async function letterRows(outbox: Outbox): Promise<MessageState[]> {
  return (await outbox.store.all()).filter((message) => message.recipientKind !== 'confirmation');
}

/** The code of the newest confirmation message the local outbox wrote to `address` (waits for it). */
export async function codeFromLocalOutbox(dir: string, address: string, notBefore = 0): Promise<string> {
  let found: Buffer | undefined;
  await waitFor(
    () => {
      found = listEmlFiles(dir)
        .filter((file) => file.modifiedAt.getTime() >= notBefore)
        .sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime())
        .map((file) => readEmlFile(dir, file.name)!)
        .find(
          (raw) =>
            raw.includes(`To: ${address}\r\n`) && raw.includes('Auto-Submitted: auto-generated') && raw.length < 20_000,
        );
      return found !== undefined;
    },
    20_000,
    `a confirmation message to ${address}`,
  );
  return codeFrom(found!);
}

export interface SmtpApp {
  smtp: LoopbackSmtp;
  outbox: Outbox;
  composed: TestApp;
  close: () => Promise<void>;
}

/**
 * The app composed as in production with an outbox that sends through a real SMTP server on loopback (Libero's
 * complaint address configured as reclami@provider.example); `env` adds mail settings.
 */
export async function startSmtpApp(
  config: Partial<AppConfig> = {},
  env: Record<string, string> = {},
): Promise<SmtpApp> {
  const smtp = await LoopbackSmtp.start();
  const outbox = openOutbox(
    testMailSettings({ SMTP_URL: smtp.url, PROVIDER_ADDRESSES: 'libero=reclami@provider.example', ...env }),
    { drain: true },
  );
  const composed = testApp(config, { outbox });
  return {
    smtp,
    outbox,
    composed,
    close: async () => {
      await composed.stop();
      await outbox.close();
      await smtp.close();
    },
  };
}
