import type { Express } from 'express';
import { loadConfig, type AppConfig } from '../../server/config/app-config';
import { createApp } from '../../server/web/app';
import { testLetterService } from './test-service';

/** The real app with the default configuration (overridable), "today" fixed, and internal errors collected. */
export function testApp(overrides: Partial<AppConfig> = {}): { app: Express; internalErrors: unknown[] } {
  const internalErrors: unknown[] = [];
  const config = { ...loadConfig({}), ...overrides };
  const app = createApp({ config, letterService: testLetterService(), reportError: (error) => internalErrors.push(error) });
  return { app, internalErrors };
}
