import type { Express } from 'express';
import { loadConfig, type AppConfig } from '../../server/config/app-config';
import type { Outbox } from '../../server/mail/outbox/outbox';
import { createLogger, type Logger } from '../../server/observability/logger';
import { composeServer, stopAll } from '../../server/runtime/compose';
import { createApp, type AppDeps } from '../../server/web/app';
import type { ServedRoute } from '../../server/web/api/api-modules';
import { RATE_LIMIT_FAMILIES } from '../../server/web/http/rate-limits';
import { openStorage, type Storage } from '../../server/storage/open-storage';
import { testFollowupService, testLetterService } from './test-service';

export interface TestApp {
  app: Express;
  /** What the app serves under /api/v1, read from its routers. */
  apiRoutes: ServedRoute[];
  /** The composed dependencies (the batch store and runner, the outbox…), for tests that look behind the routes. */
  deps: AppDeps;
  internalErrors: unknown[];
  /** The data layer the app uses (operator accounts: see test/support/operators.ts). */
  storage: Storage;
  /** Stops the batch runner and its sweeper, closes the storage (the outbox, when given, belongs to the test). */
  stop: () => Promise<void>;
}

export interface TestAppOptions {
  /** No e-mail unless a test gives its own outbox. */
  outbox?: Outbox | null;
  logger?: Logger;
  /** Replaces composed dependencies after composition (a custom readiness, a letter service with its own queue). */
  deps?: Partial<AppDeps>;
  /** The clock of operator sessions and the audit log. */
  clock?: () => number;
}

/**
 * The real app, composed as in production by server/runtime/compose.ts, with the default configuration
 * (overridable), "today" fixed, no outbox unless given, and internal errors collected.
 */
export function testApp(overrides: Partial<AppConfig> = {}, options: TestAppOptions = {}): TestApp {
  const internalErrors: unknown[] = [];
  // Operator accounts live in memory for the test (a test that needs a file sets STORAGE_DATABASE_PATH).
  const config = { ...loadConfig({}), STORAGE_DATABASE_PATH: ':memory:', ...overrides };
  const storage = openStorage(config);
  const { deps: composed, stopTasks } = composeServer(config, options.logger ?? createLogger({ level: 'silent' }), {
    letterService: testLetterService(),
    followupService: testFollowupService(),
    outbox: options.outbox ?? null,
    reportError: (error) => internalErrors.push(error),
    storage,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const deps = { ...composed, ...options.deps };
  const { app, apiRoutes } = createApp(deps);
  const stop = async () => {
    await stopAll(stopTasks);
    await storage.close();
  };
  return { app, apiRoutes, deps, internalErrors, storage, stop };
}

/** Overrides that lift every rate limit, for tests that send many requests on purpose. */
export const UNLIMITED_RATES: Partial<AppConfig> = Object.fromEntries(
  Object.values(RATE_LIMIT_FAMILIES).map((variable) => [variable, 1_000_000]),
);
