import { z } from 'zod';
import { PROVIDERS, type ProviderId } from '../core/rules/ruleset-types';
import { EMAIL } from '../core/validation/text-fields';
import { sendBudgetConfigFields } from './send-budget-config';

const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** `Name <address>` or a bare address: the sender of every message. */
export const MAILBOX = /^(?:([^<>\r\n]*?)\s*<([^<>\s]+)>|([^<>\s]+))$/;

export function parseMailbox(text: string): { name: string; address: string } | null {
  const match = MAILBOX.exec(text.trim());
  if (!match) return null;
  const address = match[2] ?? match[3]!;
  return EMAIL.test(address) ? { name: (match[1] ?? '').replace(/^"|"$/g, '').trim(), address } : null;
}

const smtpUrl = z.preprocess(
  blankAsUndefined,
  z
    .string()
    .refine((text) => {
      try {
        const url = new URL(text);
        return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must look like smtp://user:password@host:587 or smtps://user:password@host:465 (password URL-encoded)')
    .optional(),
);

export type ProviderAddresses = Partial<Record<ProviderId, string[]>>;

/** `libero=reclami@example.it,altro@example.it;virgilio=…`: the only provider addresses a letter can be mailed to. */
export function parseProviderAddresses(text: string, ctx: z.RefinementCtx): ProviderAddresses {
  const result: ProviderAddresses = {};
  for (const entry of text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [provider, list = ''] = entry.split('=', 2).map((part) => part.trim());
    if (!(PROVIDERS as readonly string[]).includes(provider!)) {
      ctx.addIssue({
        code: 'custom',
        message:
          `unknown provider "${provider}" (known: ` +
          `${PROVIDERS.join(', ')}); format libero=a@b.it,c@d.it;virgilio=e@f.it`,
      });
      continue;
    }
    const addresses = list
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean);
    const wrong = addresses.filter((address) => !EMAIL.test(address));
    if (addresses.length === 0 || wrong.length) {
      ctx.addIssue({ code: 'custom', message: `${provider}: needs one or more e-mail addresses separated by commas` });
      continue;
    }
    result[provider as ProviderId] = addresses;
  }
  return result;
}

/** The mail and outbox part of the configuration (merged into the app's one schema). */
export const mailConfigFields = {
  /** Unset: messages are written as .eml files under OUTBOX_DIR instead of being sent. */
  SMTP_URL: smtpUrl,
  MAIL_FROM: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .refine(
        (text) => parseMailbox(text) !== null,
        'must be an address, optionally with a name: Reclamo <reclamo@example.org>',
      )
      .optional(),
  ),
  MAIL_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(2),
  /** Messages per second handed to the SMTP server; 0 = no limit. */
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0).max(1000).default(5),
  /** Attempts per message before a temporary failure becomes final. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).max(86_400_000).default(30_000),
  MAIL_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
  /** Connection, greeting and socket timeouts towards the SMTP server. */
  MAIL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  PROVIDER_ADDRESSES: z
    .preprocess(blankAsUndefined, z.string().optional())
    .transform((text, ctx) => (text ? parseProviderAddresses(text, ctx) : {})),
  /** The SQLite file of the outbox; relative paths are from the project folder. */
  DATABASE_PATH: z.preprocess(blankAsUndefined, z.string().default('data/reclamo.sqlite')),
  /** Where the local outbox writes .eml files when SMTP_URL is unset. */
  OUTBOX_DIR: z.preprocess(blankAsUndefined, z.string().default('outbox')),
  /** How often the outbox worker looks for due messages written by other processes. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  ...sendBudgetConfigFields,
};

/** Checks that span several variables; reported like the others, naming the variable. */
export function checkMailConfig(config: { SMTP_URL?: string; MAIL_FROM?: string }, ctx: z.RefinementCtx): void {
  if (config.SMTP_URL && !config.MAIL_FROM) {
    ctx.addIssue({
      code: 'custom',
      path: ['MAIL_FROM'],
      message: 'is required when SMTP_URL is set (the sender address of every message)',
    });
  }
}
