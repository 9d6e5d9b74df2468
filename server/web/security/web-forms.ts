import cookieParser from 'cookie-parser';
import express, { type RequestHandler } from 'express';
import type { Catalog } from '../i18n/catalog';
import { renderErrorPage } from '../views/page-errors';
import { pageLocals } from '../views/page-locals';
import { createCsrf } from './csrf';

export interface WebFormsOptions {
  csrfSecret: string;
  secureCookies: boolean;
  formBodyLimitKb: number;
  /** Rate limits (see server/web/rate-limits.ts): form posts, and posts with an upload. */
  formLimit: RequestHandler;
  uploadLimit: RequestHandler;
  strings: Catalog;
}

/** The middleware every HTML page and form post shares; see server/web/views/view-engine.ts for how to use it. */
export interface WebForms {
  /** For a GET page: cookies, language, language switch, a CSRF token for its forms. */
  page: RequestHandler[];
  /** Cookies, language and language switch alone: what an error page needs (see pageErrorHandler). */
  locals: RequestHandler[];
  /** For a urlencoded form post: rate limit, body limit, cookies, language, CSRF check (a 403 page when it fails). */
  post: RequestHandler[];
  /** The same with another rate limit in place of the form limit (e.g. the live estimate's, which is cheaper). */
  postLimitedBy: (limit: RequestHandler) => RequestHandler[];
  /** Rate limit, cookies and language without a body parser, for a post another parser reads (e.g. multipart). */
  postWithoutBody: RequestHandler[];
  /** The CSRF check alone (token in the `_csrf` field or the X-CSRF-Token header), to run after that parser. */
  checkCsrf: RequestHandler;
  /** A CSRF token for the forms of a page answered by a post (`res.locals.csrfToken`). */
  provideCsrfToken: RequestHandler;
}

export function createWebForms(options: WebFormsOptions): WebForms {
  const csrf = createCsrf({ secret: options.csrfSecret, secureCookies: options.secureCookies });
  const cookies = cookieParser();
  const locals = pageLocals({ secureCookies: options.secureCookies, strings: options.strings });
  const checkCsrf: RequestHandler = (req, res, next) => {
    if (csrf.isValid(req)) csrf.provideToken(req, res, next);
    else renderErrorPage(res, 403, 'csrf');
  };
  const urlencoded = express.urlencoded({
    extended: false,
    limit: `${options.formBodyLimitKb}kb`,
    parameterLimit: 500,
  });
  return {
    page: [cookies, locals, csrf.provideToken],
    locals: [cookies, locals],
    post: [cookies, locals, options.formLimit, urlencoded, checkCsrf],
    postLimitedBy: (limit) => [cookies, locals, limit, urlencoded, checkCsrf],
    postWithoutBody: [cookies, locals, options.uploadLimit],
    checkCsrf,
    provideCsrfToken: csrf.provideToken,
  };
}
