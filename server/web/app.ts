import express, { type Express, type RequestHandler } from 'express';
import type { AppConfig } from '../config/app-config';
import { httpLogger } from '../observability/http-logger';
import type { Logger } from '../observability/logger';
import type { FollowupService } from '../use-cases/followup-service';
import type { LetterService } from '../use-cases/letter-service';
import { FOLLOWUPS_OPERATIONS, followupsApi } from './followup/followups-api';
import { followupPages } from './followup/followup-pages';
import { readLetterCase } from '../use-cases/read-letter-case';
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
import { createRateLimits, type RateLimitStores } from './http/rate-limits';
import { UI_STRINGS } from './i18n/ui-texts';
import { claimPages } from './pages/claim-pages';
import { mailPages } from './pages/mail-pages';
import { closeUnreadBodies } from './http/close-unread-body';
import { securityHeaders } from './security/security-headers';
import { securityTxt } from './security/security-txt';
import { createWebForms } from './security/web-forms';
import { pageErrorHandler, pageNotFound, renderErrorPage } from './views/page-errors';
import { useViews } from './views/use-views';

/** Everything the routes use, built by the composition root (server/runtime/compose.ts). */
import type { Campaigns } from '../use-cases/campaigns/campaigns';
import { CAMPAIGNS_OPERATIONS, campaignsApi } from './campaigns/campaigns-api';
import { campaignPages } from './campaigns/campaign-pages';
import type { FollowUpDocuments } from '../use-cases/campaigns/follow-ups';

export interface AppDeps {
  config: AppConfig;
  /** The letter service as the web uses it: every PDF render goes through the render queue. */
  letterService: LetterService;
  /** "Continue your claim": the follow-up documents (rendered through the render queue). */
  followupService: FollowupService;
  batches: BatchServices;
  /** The mail outbox; without it, sending by e-mail answers 503. */
  outbox: Outbox | null;
  /** Operator sign-in, sessions, API tokens and the audit log (the batch routes are for operators only). */
  operators: OperatorAuth;
  /** Campaigns: members, their event logs, the dashboard, bulk imports, the register (operators only). */
  campaigns: Campaigns;
  /** The reminders' documents for campaigns; null: not available in this build. */
  followUps: FollowUpDocuments | null;
  logger: Logger;
  readiness: Readiness;
  /** Where unexpected errors are reported; never given request bodies. */
  reportError: (error: unknown) => void;
  /** Where the rate-limit counters are kept (PostgreSQL, shared by every machine); default: each process's memory. */
  rateLimitStores?: RateLimitStores;
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
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(httpLogger(logger));
  app.use(closeUnreadBodies);
  app.use(healthRoutes(deps.readiness, (check, error) => logger.warn({ check, err: error }, 'not ready')));
  app.use(securityHeaders({ secureCookies: config.COOKIE_SECURE }));
  app.use(securityTxt(config.SECURITY_CONTACT));

  // Over a limit the API answers JSON, a page answers with a page.
  const limits = createRateLimits(
    config,
    (req, res) =>
      req.originalUrl.startsWith('/api/') ? tooManyRequests(req, res) : renderErrorPage(res, 429, 'tooMany'),
    logger,
    deps.rateLimitStores,
  );
  const json = express.json({ limit: `${config.JSON_BODY_LIMIT_KB}kb`, strict: false });
  // The rate limit first, then the body: a client over its limit gets a 429 without its JSON being read.
  const thenJson =
    (limit: RequestHandler): RequestHandler =>
    (req, res, next) =>
      limit(req, res, (error?: unknown) => (error ? next(error) : json(req, res, next)));

  app.use(batchTemplateRoute());
  const sessions = operatorSessions(deps.operators, { secureCookies: config.COOKIE_SECURE });
  // No write of the API is taken from a page of another site (the browser's Sec-Fetch-Site or Origin says so).
  app.use('/api', refuseCrossSiteWrites(crossSiteRefused));

  const modules: ApiModule[] = [
    {
      base: '/api/v1/claims',
      router: claimsApi(letterService, { assess: thenJson(limits.assess), letter: thenJson(limits.letter) }),
      operations: CLAIMS_OPERATIONS,
    },
    {
      base: '/api/v1/batches',
      router: batchesApi(batches, { uploadLimit: limits.uploads, sessions }),
      operations: BATCHES_OPERATIONS,
    },
    {
      base: '/api/v1/claims',
      router: sendApi(letterService, outbox, thenJson(limits.send)),
      operations: SEND_OPERATIONS,
    },
    {
      base: '/api/v1/followups',
      router: followupsApi(deps.followupService, { uploadLimit: limits.uploads, readLetterPdf: readLetterCase }),
      operations: FOLLOWUPS_OPERATIONS,
    },
    {
      base: '/api/v1/campaigns',
      router: campaignsApi(
        {
          campaigns: deps.campaigns,
          batches,
          followUps: deps.followUps,
          outbox,
          ruleset: letterService.ruleset,
        },
        { sessions, json, uploadLimit: limits.uploads, writeLimit: limits.forms, reportError },
      ),
      operations: CAMPAIGNS_OPERATIONS,
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
  app.use(mailPages({ webForms, letterService, outbox, sendLimit: limits.send, outboxPage: config.OUTBOX_PAGE }));
  app.use(claimPages({ webForms, letterService, pdfLimit: limits.letter, estimateLimit: limits.assess }));
  app.use(operatorPages({ webForms, sessions }));
  app.use(batchPages({ ...batches, webForms, sessions }));
  app.use(followupPages({ webForms, service: deps.followupService, readLetterPdf: readLetterCase }));
  app.use(
    campaignPages({
      webForms,
      sessions,
      campaigns: deps.campaigns,
      batches,
      ruleset: letterService.ruleset,
      followUps: deps.followUps,
      outbox,
      reportError,
      batchTtlMinutes: config.BATCH_TTL_MINUTES,
    }),
  );
  // Mount further pages here, before the 404 page.
  app.use(webForms.page, pageNotFound);
  app.use(
    pageErrorHandler({ bodyLimitKb: config.FORM_BODY_LIMIT_KB, onInternalError: reportError, locals: webForms.locals }),
  );
  return { app, apiRoutes, openApiDocument };
}
