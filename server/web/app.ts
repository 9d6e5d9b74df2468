import express, { type Express } from 'express';
import type { AppConfig } from '../config/app-config';
import { httpLogger } from '../observability/http-logger';
import { createLogger, type Logger } from '../observability/logger';
import type { LetterService } from '../services/letter-service';
import { apiErrorHandler, apiNotFound } from './api/api-errors';
import { apiDocsRoute } from './api-docs/api-docs-route';
import { APP_VERSION } from '../app-version';
import { mountApi, type ApiModule } from './api/api-modules';
import { BATCHES_OPERATIONS, batchesApi } from './api/batches-api';
import { CLAIMS_OPERATIONS, claimsApi } from './api/claims-api';
import { OPENAPI_OPERATIONS, openApiRoute } from './api/openapi-api';
import { buildOpenApiDocument } from './api/openapi/build-openapi';
import { RULES_OPERATIONS, rulesApi } from './api/rules-api';
import { createBatchServices } from './batches/batch-services';
import { batchPages } from './batches/batch-pages';
import { batchTemplateRoute } from './batches/batch-template-route';
import { SEND_OPERATIONS, sendApi } from './api/send-api';
import type { Outbox } from '../outbox/outbox';
import { batchMailHook, type SendTarget } from '../mail/batch-mail';
import { healthRoutes, type Readiness } from './health-routes';
import { queuedLetterService } from './queued-letter-service';
import { createRateLimits } from './rate-limits';
import { RenderQueue } from './render-queue';
import { UI_STRINGS } from './i18n/ui-strings';
import { claimPages } from './pages/claim-pages';
import { mailPages } from './pages/mail-pages';
import { securityHeaders } from './security/security-headers';
import { createWebForms } from './security/web-forms';
import { pageErrorHandler, pageNotFound } from './views/page-errors';
import { useViews } from './views/use-views';

export interface AppDeps {
  config: AppConfig;
  letterService: LetterService;
  /** Defaults to a silent logger (tests). */
  logger?: Logger;
  readiness?: Readiness;
  /** Shared by every route that renders a PDF; one is made from RENDER_QUEUE_LIMIT when not given. */
  renderQueue?: RenderQueue;
  /** Where unexpected errors are reported; never given request bodies. Defaults to the logger. */
  reportError?: (error: unknown) => void;
  /** The mail outbox; without it, sending by e-mail answers 503. */
  outbox?: Outbox | null;
}

export function createApp(deps: AppDeps): Express {
  const { config } = deps;
  const letterService = queuedLetterService(
    deps.letterService,
    deps.renderQueue ?? new RenderQueue(config.RENDER_QUEUE_LIMIT),
  );
  const logger = deps.logger ?? createLogger({ level: 'silent' });
  const reportError = deps.reportError ?? ((error: unknown) => logger.error({ err: error }, 'internal error'));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(httpLogger(logger));
  app.use(healthRoutes(deps.readiness ?? { draining: false, checks: [] }));
  app.use(securityHeaders());

  const limits = createRateLimits(config);
  const json = express.json({ limit: `${config.JSON_BODY_LIMIT_KB}kb`, strict: false });

  // Batch letters render on their own worker threads, not through the render queue of the event loop.
  const outbox = deps.outbox ?? null;
  const batches = createBatchServices(config, deps.letterService, {
    onError: reportError,
    ...(outbox ? { mailHook: (target: SendTarget) => batchMailHook(outbox, target, letterService.ruleset) } : {}),
  });
  app.locals.batches = batches;
  app.use(batchTemplateRoute());

  const modules: ApiModule[] = [
    {
      base: '/api/v1/claims',
      middleware: [json],
      router: claimsApi(letterService, limits),
      operations: CLAIMS_OPERATIONS,
    },
    { base: '/api/v1/batches', router: batchesApi(batches, limits.uploads), operations: BATCHES_OPERATIONS },
    {
      base: '/api/v1/claims',
      middleware: [json],
      router: sendApi(letterService, outbox, limits.send),
      operations: SEND_OPERATIONS,
    },
    {
      base: '/api/v1/rules',
      router: rulesApi(letterService.ruleset, { providerPecConfigured: Boolean(config.PROVIDER_PEC) }),
      operations: RULES_OPERATIONS,
    },
  ];
  const openApiDocument = buildOpenApiDocument(
    [...modules.flatMap((module) => module.operations), ...OPENAPI_OPERATIONS],
    {
      version: APP_VERSION,
      rulesetVersion: letterService.ruleset.version,
    },
  );
  modules.push({ base: '/api/v1/openapi.json', router: openApiRoute(openApiDocument), operations: OPENAPI_OPERATIONS });
  app.locals.apiRoutes = mountApi(app, modules);
  app.locals.openApiDocument = openApiDocument;
  app.use('/api/docs', apiDocsRoute(openApiDocument));
  app.use('/api', apiNotFound);
  app.use('/api', apiErrorHandler({ bodyLimitKb: config.JSON_BODY_LIMIT_KB, onInternalError: reportError }));

  // HTML pages: the view engine, /static, and the page/form middleware (language, CSRF, limits) every page shares.
  useViews(app, { strings: UI_STRINGS, rulesetVersion: letterService.ruleset.version });
  const webForms = createWebForms({
    csrfSecret: config.CSRF_SECRET,
    secureCookies: config.COOKIE_SECURE,
    formBodyLimitKb: config.FORM_BODY_LIMIT_KB,
    formLimit: limits.forms,
    uploadLimit: limits.uploads,
    strings: UI_STRINGS,
  });
  app.locals.webForms = webForms;
  // Before the claim pages: it sets the result page's "send by e-mail" data.
  app.use(mailPages({ webForms, letterService, outbox, sendLimit: limits.send }));
  app.use(claimPages({ webForms, letterService, pdfLimit: limits.letter }));
  app.use(batchPages({ ...batches, webForms }));
  // Mount further pages here, before the 404 page.
  app.use(webForms.page, pageNotFound);
  app.use(pageErrorHandler({ bodyLimitKb: config.FORM_BODY_LIMIT_KB, onInternalError: reportError }));
  return app;
}
