import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import { z } from 'zod';
import { EMAIL } from '../core/validation/text-fields';
import { checkMailConfig, mailConfigFields } from './mail-config';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `10.0.0.1`, `10.0.0.0/8`, `fd00::/8`, or one of Express's names for a range (loopback, linklocal, uniquelocal). */
function isProxyAddress(item: string): boolean {
  if (PROXY_NAMES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies in front may say who the client is (X-Forwarded-For, -Proto): off (the default; the socket's address
 * is the client), a number of hops (1 = the one proxy in front), or the proxies' addresses and ranges. Never "all":
 * anyone could then choose their own address, and their own rate limits.
 */
const trustProxy = z.preprocess(
  (value) => (value === '' || value === undefined ? 'false' : value),
  z.string().transform((value, ctx): false | number | string[] => {
    const text = value.trim();
    if (text === 'false') return false;
    if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 10) return Number(text);
    const items = text.split(',').map((item) => item.trim());
    if (items.every(isProxyAddress)) return items;
    ctx.addIssue({ code: 'custom', message: 'a hop count (1-10) or proxy addresses/ranges separated by commas' });
    return z.NEVER;
  }),
);

/** Everything configurable, read from the environment once and validated; defaults make `npm start` work as is. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** The address to listen on: this machine only by default; 0.0.0.0 (every interface) in production. */
    HOST: z.string().default('127.0.0.1'),
    TRUST_PROXY: trustProxy,
    /** Where to report a vulnerability of this deployment (mailto: or https:), served as /.well-known/security.txt. */
    SECURITY_CONTACT: optionalText.pipe(
      z
        .string()
        .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'a mailto: or https:// address')
        .optional(),
    ),
    /** The local outbox page (/outbox, .eml mode only, answered only to this machine): on unless false. */
    OUTBOX_PAGE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    PROVIDER_PEC: optionalText.pipe(z.string().regex(EMAIL, 'must be an e-mail address').optional()),
    /** Where the site is reached from outside: the link back to the follow-up page in calendar files and e-mails. */
    PUBLIC_URL: optionalText
      .pipe(
        z
          .string()
          .regex(/^https?:\/\/[^\s/]+/, 'must be an http(s) address')
          .optional(),
      )
      .transform((value) => (value ?? 'http://localhost:3000').replace(/\/+$/, '')),
    /** Requests per client address and minute, per route family (see server/web/rate-limits.ts). */
    RATE_LIMIT_ASSESS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_LETTER_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    RATE_LIMIT_FORMS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    RATE_LIMIT_UPLOADS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_SEND_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    JSON_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(1024).default(64),
    /** Letters waiting to be rendered in one web process before new ones get 503 + Retry-After. */
    RENDER_QUEUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(512),
    /** The longest a letter may expect to wait for its turn (jobs ahead × measured time per job) before 503. */
    RENDER_QUEUE_MAX_WAIT_MS: z.coerce.number().int().min(1).max(600_000).default(750),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Web processes; 1 runs without a cluster. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
    /** How long a shutdown waits for requests and batch work in flight before closing connections. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** A client must send a request's headers within this time (slow-header connections are closed with a 408). */
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** A request (headers and body, a 10 MB upload included) must arrive whole within this time, or gets a 408. */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
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
    /** Batches one client may have waiting or running in one web process; further uploads get 429. */
    BATCH_QUEUE_PER_OPERATOR: z.coerce.number().int().min(1).max(1000).default(2),
    /**
     * How often a process shows it still runs its batches; a batch without one for 6 times this long is failed (or,
     * with DATABASE_URL, run again by another machine, once).
     */
    BATCH_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
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
    /**
     * postgres://user:password@host:port/database — when set, the data layer (operators, campaigns) is on that
     * PostgreSQL server, shared by every machine, instead of STORAGE_DATABASE_PATH.
     */
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
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
