import express, { type Express } from 'express';
import rateLimit from 'express-rate-limit';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import type { LetterService } from '../services/letter-service';
import { apiErrorHandler, apiNotFound, tooManyRequests } from './api/api-errors';
import { claimsApi } from './api/claims-api';
import { rulesApi } from './api/rules-api';

export interface AppDeps {
  config: AppConfig;
  letterService: LetterService;
  /** Where unexpected errors are reported; never given request bodies. */
  reportError?: (error: unknown) => void;
}

export function createApp({ config, letterService, reportError = defaultReport }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());

  const writeLimit = rateLimit({
    windowMs: 60_000,
    limit: config.RATE_LIMIT_WRITES_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooManyRequests,
  });
  const json = express.json({ limit: `${config.JSON_BODY_LIMIT_KB}kb`, strict: false });

  app.use('/api/v1/claims', writeLimit, json, claimsApi(letterService));
  app.use('/api/v1/rules', rulesApi(letterService.ruleset, { providerPecConfigured: Boolean(config.PROVIDER_PEC) }));
  app.use('/api', apiNotFound);
  app.use('/api', apiErrorHandler({ bodyLimitKb: config.JSON_BODY_LIMIT_KB, onInternalError: reportError }));
  return app;
}

function defaultReport(error: unknown): void {
  // Only the error itself: request bodies (personal data) are never passed here.
  console.error('reclamo: internal error', error instanceof Error ? error.stack : String(error));
}
