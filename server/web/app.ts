import express, { type Express } from 'express';
import type { AppConfig } from '../config/app-config';
import { httpLogger } from '../observability/http-logger';
import type { Logger } from '../observability/logger';
import type { LetterService } from '../use-cases/letter-service';
import { apiErrorHandler, apiNotFound, crossSiteRefused, tooManyRequests } from './api/api-errors';
import { apiDocsRoute } from './api-docs/api-docs-route';
import { APP_VERSION } from '../config/app-version';
import { mountApi, type ApiModule, type ServedRoute } from './api/api-modules';
import { BATCHES_OPERATIONS, batchesApi } from './api/batches-api';
import { CLAIMS_OPERATIONS, claimsApi } from './api/claims-api';
import { OPENAPI_OPERATIONS, openApiRoute } from './api/openapi-api';
import { buildOpenApiDocument } from './api/openapi/build-openapi';
import { RULES_OPERATIONS, rulesApi } from './api/rules-api';
import { batchPages } from './batches/batch-pages';
import { batchTemplateRoute } from './batches/batch-template-route';
import { SEND_OPERATIONS, sendApi } from './api/send-api';
import type { Outbox } from '../mail/outbox/outbox';
import type { BatchServices } from '../batch/batch-services';
import { healthRoutes, type Readiness } from './health-routes';
import type { OperatorAuth } from '../use-cases/operators/operator-auth';
import { operatorPages } from './operators/operator-pages';
import { refuseCrossSiteWrites } from './security/cross-site';
import { operatorSessions } from './security/operator-session';
import { createRateLimits } from './http/rate-limits';
import { UI_STRINGS } from './i18n/ui-texts';
import { claimPages } from './pages/claim-pages';
import { mailPages } from './pages/mail-pages';
import { securityHeaders } from './security/security-headers';
import { createWebForms } from './security/web-forms';
import { pageErrorHandler, pageNotFound, renderErrorPage } from './views/page-errors';
import { useViews } from './views/use-views';

/** Everything the routes use, built by the composition root (server/runtime/compose.ts). */
export interface AppDeps {
  config: AppConfig;
  /** The letter service as the web uses it: every PDF render goes through the render queue. */
  letterService: LetterService;
  batches: BatchServices;
  /** The mail outbox; without it, sending by e-mail answers 503. */
  outbox: Outbox | null;
  /** Operator sign-in, sessions, API tokens and the audit log (the batch routes are for operators only). */
  operators: OperatorAuth;
  logger: Logger;
  readiness: Readiness;
  /** Where unexpected errors are reported; never given request bodies. */
  reportError: (error: unknown) => void;
}

/** The Express app, and what it serves under /api/v1 (read from its routers, for the OpenAPI contract test). */
export interface WebApp {
  app: Express;
  apiRoutes: ServedRoute[];
  openApiDocument: ReturnType<typeof buildOpenApiDocument>;
}

/** Mounts every route on a new Express app; builds nothing, starts no timer, touches no disk. */
export function createApp(deps: AppDeps): WebApp {
  const { config, letterService, batches, outbox, logger, reportError } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(httpLogger(logger));
  app.use(healthRoutes(deps.readiness));
  app.use(securityHeaders());

  // Over a limit the API answers JSON, a page answers with a page.
  const limits = createRateLimits(config, (req, res) =>
    req.originalUrl.startsWith('/api/') ? tooManyRequests(req, res) : renderErrorPage(res, 429, 'tooMany'),
  );
  const json = express.json({ limit: `${config.JSON_BODY_LIMIT_KB}kb`, strict: false });

  app.use(batchTemplateRoute());
  const sessions = operatorSessions(deps.operators, { secureCookies: config.COOKIE_SECURE });
  // No write of the API is taken from a page of another site (the browser's Sec-Fetch-Site or Origin says so).
  app.use('/api', refuseCrossSiteWrites(crossSiteRefused));

  const modules: ApiModule[] = [
    {
      base: '/api/v1/claims',
      middleware: [json],
      router: claimsApi(letterService, limits),
      operations: CLAIMS_OPERATIONS,
    },
    {
      base: '/api/v1/batches',
      router: batchesApi(batches, { uploadLimit: limits.uploads, sessions }),
      operations: BATCHES_OPERATIONS,
    },
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
  const apiRoutes = mountApi(app, modules);
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
  // Before the claim pages: it sets the result page's "send by e-mail" data.
  app.use(mailPages({ webForms, letterService, outbox, sendLimit: limits.send }));
  app.use(claimPages({ webForms, letterService, pdfLimit: limits.letter, estimateLimit: limits.assess }));
  app.use(operatorPages({ webForms, sessions }));
  app.use(batchPages({ ...batches, webForms, sessions }));
  // Mount further pages here, before the 404 page.
  app.use(webForms.page, pageNotFound);
  app.use(pageErrorHandler({ bodyLimitKb: config.FORM_BODY_LIMIT_KB, onInternalError: reportError }));
  return { app, apiRoutes, openApiDocument };
}
