import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const count = (fallback: number) => z.coerce.number().int().min(0).max(10_000_000).default(fallback);

/**
 * Address confirmation and send budgets (merged into the mail part of the configuration). Every budget counts the
 * messages the outbox took in over a sliding window, whichever route queued them; 0 refuses every message of that
 * kind.
 */
export const sendBudgetConfigFields = {
  /**
   * Keys the confirmation codes and the hashes the budgets count by. Without it each start picks a random one: codes
   * already sent stop working at a restart and the per-address and per-client counts start again; the cluster
   * primary passes its own to the web processes so they agree.
   */
  MAIL_CONFIRMATION_SECRET: z
    .preprocess(blankAsUndefined, z.string().min(32, 'at least 32 characters').optional())
    .transform((value) => value ?? randomBytes(32).toString('hex')),
  /** A code is accepted for at least this many minutes after it was sent, and at most twice as long. */
  MAIL_CONFIRMATION_MINUTES: z.coerce.number().int().min(5).max(1440).default(20),
  MAIL_CONFIRMATIONS_PER_CLIENT_HOUR: count(10),
  MAIL_CONFIRMATIONS_PER_ADDRESS_DAY: count(5),
  MAIL_CONFIRMATIONS_PER_DAY: count(500),
  /** Wrong codes accepted before confirmations are refused for a while (each address, each client). */
  MAIL_CODE_FAILURES_PER_CLIENT_HOUR: count(20),
  MAIL_CODE_FAILURES_PER_ADDRESS_DAY: count(10),
  MAIL_LETTERS_PER_CLIENT_HOUR: count(10),
  MAIL_LETTERS_PER_ADDRESS_DAY: count(10),
  MAIL_LETTERS_PER_OPERATOR_DAY: count(2000),
  MAIL_LETTERS_PER_DAY: count(2000),
};
