import type { RequestHandler } from 'express';
import rateLimit, { type Store } from 'express-rate-limit';
import type { AppConfig } from '../../config/app-config';

/**
 * Route families, each with its own budget per client address and minute: a cheap estimate can be asked often,
 * a PDF costs CPU, an upload costs CPU for minutes, a send reaches other people's mailboxes.
 * Counters live in each web process (in cluster mode a client may get up to WEB_CONCURRENCY times the figure), or,
 * with DATABASE_URL, in PostgreSQL, shared by every process of every machine (postgres-rate-limit-store.ts). The
 * client is req.ip: the socket's address, or behind a proxy the one TRUST_PROXY lets X-Forwarded-For name.
 */
export const RATE_LIMIT_FAMILIES = {
  assess: 'RATE_LIMIT_ASSESS_PER_MINUTE',
  letter: 'RATE_LIMIT_LETTER_PER_MINUTE',
  forms: 'RATE_LIMIT_FORMS_PER_MINUTE',
  uploads: 'RATE_LIMIT_UPLOADS_PER_MINUTE',
  send: 'RATE_LIMIT_SEND_PER_MINUTE',
} as const satisfies Record<string, keyof AppConfig>;

export type RateLimitFamily = keyof typeof RATE_LIMIT_FAMILIES;
export type RateLimits = Record<RateLimitFamily, RequestHandler>;

/** Where the limiter's own configuration warnings go (e.g. X-Forwarded-For seen while TRUST_PROXY is off). */
export interface RateLimitLog {
  warn: (fields: { code?: string }, message: string) => void;
}

/** The limiter's warnings as one JSON log line each: its code and message, never a stack with install paths. */
function limiterLogger(log: RateLimitLog) {
  const line = (error: unknown) => {
    const { code, message } = (error ?? {}) as { code?: string; message?: string };
    log.warn({ code }, `rate limit: ${message ?? String(error)}`);
  };
  return { error: line, warn: line };
}

/** One counter per family and client, shared by the API and the pages (a letter is a letter, asked either way). */
/** Where a family's counters are kept; without one, in this process's memory. */
export type RateLimitStores = (family: RateLimitFamily) => Store;

export function createRateLimits(
  config: AppConfig,
  answerTooMany: RequestHandler,
  log: RateLimitLog,
  stores?: RateLimitStores,
): RateLimits {
  const entries = Object.entries(RATE_LIMIT_FAMILIES).map(([family, variable]) => [
    family,
    rateLimit({
      windowMs: 60_000,
      limit: config[variable],
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: answerTooMany,
      logger: limiterLogger(log),
      ...(stores ? { store: stores(family as RateLimitFamily) } : {}),
    }),
  ]);
  return Object.fromEntries(entries) as RateLimits;
}
