import type { Express } from 'express';
import { loadConfig, type AppConfig } from '../../server/config/app-config';
import { createApp, type AppDeps } from '../../server/web/app';
import { RATE_LIMIT_FAMILIES } from '../../server/web/rate-limits';
import { testLetterService } from './test-service';

/**
 * The real app with the default configuration (overridable), "today" fixed, and internal errors collected; `deps`
 * gives it an outbox or another letter service.
 */
export function testApp(
  overrides: Partial<AppConfig> = {},
  deps: Partial<Pick<AppDeps, 'letterService' | 'outbox'>> = {},
): { app: Express; internalErrors: unknown[] } {
  const internalErrors: unknown[] = [];
  const config = { ...loadConfig({}), ...overrides };
  const app = createApp({
    config,
    letterService: testLetterService(),
    reportError: (error) => internalErrors.push(error),
    ...deps,
  });
  return { app, internalErrors };
}

/** Overrides that lift every rate limit, for tests that send many requests on purpose. */
export const UNLIMITED_RATES: Partial<AppConfig> = Object.fromEntries(
  Object.values(RATE_LIMIT_FAMILIES).map((variable) => [variable, 1_000_000]),
);
