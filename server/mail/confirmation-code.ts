import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeAddress } from './send-budget';

/** What a code confirms: this address, for this letter (a digest of the claim), to these recipients. */
export interface CodeSubject {
  address: string;
  /** A digest of the validated claim (see core/claim/claim-digest.ts). */
  letter: string;
  recipients: { claimant: boolean; provider: boolean };
}

export interface CodeSettings {
  secret: string;
  windowMs: number;
}

export interface IssuedCode {
  code: string;
  /** The time window it was derived for: the idempotency of its message. */
  window: number;
  /** The instant it stops being accepted (the end of the next window). */
  expiresAt: number;
  /** The outbox key of the message carrying it: one message per subject and window, unrelated to the code's digits. */
  messageKey: string;
}

/** One group of six digits, nothing else (spaces a person may type are removed first). */
export const CODE_FORMAT = /^\d{6}$/;

export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

function mac(secret: string, purpose: 'code' | 'message-key', subject: CodeSubject, window: number): Buffer {
  const key = createHmac('sha256', secret).update(`reclamo/confirmation-${purpose}/v1`).digest();
  return createHmac('sha256', key)
    .update(
      [
        normalizeAddress(subject.address),
        subject.letter,
        `claimant=${subject.recipients.claimant}`,
        `provider=${subject.recipients.provider}`,
        String(window),
      ].join('\n'),
    )
    .digest();
}

function derive(settings: CodeSettings, subject: CodeSubject, window: number): string {
  return (mac(settings.secret, 'code', subject, window).readBigUInt64BE(0) % 1_000_000n).toString().padStart(6, '0');
}

/**
 * The code for a subject now. Stateless: no code is kept anywhere but in the message; the same subject in the same
 * window gives the same code, so asking again within a window sends no second, different code.
 */
export function issueCode(settings: CodeSettings, subject: CodeSubject, now: number): IssuedCode {
  const window = Math.floor(now / settings.windowMs);
  return {
    code: derive(settings, subject, window),
    window,
    expiresAt: (window + 2) * settings.windowMs,
    messageKey: mac(settings.secret, 'message-key', subject, window).toString('hex'),
  };
}

/**
 * Whether `typed` is the code of this subject for the current or the previous window. Both candidates are always
 * compared, in constant time.
 */
export function verifyCode(settings: CodeSettings, subject: CodeSubject, typed: string, now: number): boolean {
  const code = normalizeCode(typed);
  if (!CODE_FORMAT.test(code)) return false;
  const window = Math.floor(now / settings.windowMs);
  let match = false;
  for (const candidate of [window, window - 1]) {
    const equal = timingSafeEqual(Buffer.from(derive(settings, subject, candidate)), Buffer.from(code));
    match = equal || match;
  }
  return match;
}
