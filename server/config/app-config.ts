import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import { EMAIL } from '../core/validation/text-fields';
import { checkMailConfig, mailConfigFields } from './mail-config';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

/** Everything configurable, read from the environment once and validated; defaults make `npm start` work as is. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PROVIDER_PEC: optionalText.pipe(z.string().regex(EMAIL, 'must be an e-mail address').optional()),
    /** Requests per client address and minute, per route family (see server/web/rate-limits.ts). */
    RATE_LIMIT_ASSESS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_LETTER_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    RATE_LIMIT_FORMS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    RATE_LIMIT_UPLOADS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_SEND_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    JSON_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(1024).default(64),
    /** Letters waiting to be rendered in one web process before new ones get 503 + Retry-After. */
    RENDER_QUEUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(512),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Web processes; 1 runs without a cluster. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
    /** How long a shutdown waits for requests and batch work in flight before closing connections. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /**
     * Signs the CSRF tokens of the HTML forms. Without it each start picks a random one (forms open before a restart
     * then ask to be sent again); the cluster primary passes its own to the web processes so they agree.
     */
    CSRF_SECRET: optionalText
      .pipe(z.string().min(32, 'at least 32 characters').optional())
      .transform((value) => value ?? randomBytes(32).toString('hex')),
    /** Mark cookies Secure: set to true behind HTTPS; false keeps the forms working on plain http://localhost. */
    COOKIE_SECURE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    /** Largest HTML form body accepted (urlencoded). */
    FORM_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(1024).default(32),
    /** Largest member list accepted by POST /api/v1/batches and the upload page. */
    BATCH_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(10),
    /** Most member rows in one list (web and API; the CLI has no limit unless given --max-rows). */
    BATCH_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    /** Where uploaded lists and finished ZIPs wait for download; empty = data/batches in the project folder. */
    BATCH_DIR: optionalText,
    /** Worker threads rendering batch letters in each web process; defaults to the number of cores. */
    BATCH_WORKERS: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
    /** A batch and its files are deleted after download or after this many minutes, whichever comes first. */
    BATCH_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    /** The data layer's SQLite file (operator accounts, sessions, API tokens, audit log); `:memory:` keeps none. */
    STORAGE_DATABASE_PATH: optionalText.pipe(z.string().default('data/storage.sqlite')),
    /** An operator's session ends after this many minutes without a request… */
    OPERATOR_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** …and this many hours after sign-in, whatever happens. */
    OPERATOR_SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 24)
      .default(12),
    ...mailConfigFields,
  })
  .superRefine(checkMailConfig);

export type AppConfig = z.output<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new ConfigError(`Invalid configuration: ${problems}`);
}
