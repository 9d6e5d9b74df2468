import path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { PROJECT_ROOT } from '../config/project-paths';
import type { Mailbox } from './build-letter-mail';
import { parseMailbox, type ProviderAddresses } from '../config/mail-config';
import { budgetLimits, type BudgetConfig, type BudgetLimits } from './send-budget';

/** Without SMTP_URL nothing leaves the machine: messages become .eml files a newcomer can open. */
const LOCAL_FROM = 'Reclamo <reclamo@reclamo.localhost>';

export type MailSettings = {
  from: Mailbox;
  providerAddresses: ProviderAddresses;
  poolSize: number;
  ratePerSecond: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
  pollMs: number;
  databasePath: string;
  /** PostgreSQL shared by every machine instead of the SQLite file at databasePath (DATABASE_URL). */
  databaseUrl: string | null;
  /** Keys the confirmation codes and the budgets' hashes; a code is accepted for at least windowMs, less than 2×. */
  confirmation: { secret: string; windowMs: number };
  budgets: BudgetLimits;
} & ({ mode: 'smtp'; smtpUrl: string } | { mode: 'local'; outboxDir: string });

export type MailConfig = Pick<
  AppConfig,
  | 'SMTP_URL'
  | 'MAIL_FROM'
  | 'MAIL_POOL_SIZE'
  | 'MAIL_RATE_PER_SECOND'
  | 'MAIL_MAX_ATTEMPTS'
  | 'MAIL_RETRY_BASE_MS'
  | 'MAIL_RETRY_MAX_MS'
  | 'MAIL_TIMEOUT_MS'
  | 'PROVIDER_ADDRESSES'
  | 'DATABASE_PATH'
  | 'DATABASE_URL'
  | 'OUTBOX_DIR'
  | 'OUTBOX_POLL_MS'
  | 'MAIL_CONFIRMATION_SECRET'
  | 'MAIL_CONFIRMATION_MINUTES'
  | keyof BudgetConfig
>;

export function mailSettings(config: MailConfig): MailSettings {
  const common = {
    from: parseMailbox(config.MAIL_FROM ?? LOCAL_FROM)!,
    providerAddresses: config.PROVIDER_ADDRESSES,
    poolSize: config.MAIL_POOL_SIZE,
    ratePerSecond: config.MAIL_RATE_PER_SECOND,
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    retryBaseMs: config.MAIL_RETRY_BASE_MS,
    retryMaxMs: Math.max(config.MAIL_RETRY_MAX_MS, config.MAIL_RETRY_BASE_MS),
    timeoutMs: config.MAIL_TIMEOUT_MS,
    pollMs: config.OUTBOX_POLL_MS,
    databasePath: config.DATABASE_PATH === ':memory:' ? ':memory:' : path.resolve(PROJECT_ROOT, config.DATABASE_PATH),
    databaseUrl: config.DATABASE_URL ?? null,
    confirmation: { secret: config.MAIL_CONFIRMATION_SECRET, windowMs: config.MAIL_CONFIRMATION_MINUTES * 60_000 },
    budgets: budgetLimits(config),
  };
  return config.SMTP_URL
    ? { ...common, mode: 'smtp', smtpUrl: config.SMTP_URL }
    : { ...common, mode: 'local', outboxDir: path.resolve(PROJECT_ROOT, config.OUTBOX_DIR) };
}
