import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { doubleCsrf } from 'csrf-csrf';

export const CSRF_COOKIE = 'reclamo_csrf';
export const CLIENT_COOKIE = 'reclamo_client';
export const CSRF_FIELD = '_csrf';

/**
 * Over HTTPS the cookies are `__Host-` cookies: the browser keeps them only if Secure, for Path=/ and without a
 * Domain, so a sibling subdomain cannot plant a matching pair. Over plain http the prefix would make browsers drop
 * them, so the plain names stay.
 */
export function csrfCookieNames(secureCookies: boolean): { csrf: string; client: string } {
  const prefix = secureCookies ? '__Host-' : '';
  return { csrf: `${prefix}${CSRF_COOKIE}`, client: `${prefix}${CLIENT_COOKIE}` };
}

export interface CsrfOptions {
  secret: string;
  secureCookies: boolean;
}

export interface Csrf {
  /** On pages that show a form: makes `res.locals.csrfToken` (and its cookie). */
  provideToken: RequestHandler;
  /** True when the request carries a token that matches its cookie; needs cookie-parser and a parsed body. */
  isValid: (req: Request) => boolean;
}

/**
 * Signed double-submit tokens (csrf-csrf): the token in the form must match the one in an httpOnly SameSite=Strict
 * cookie and carry the server's HMAC, bound to a random per-browser id. Works over plain http (cookies are Secure only
 * when COOKIE_SECURE says so). No session and nothing about the person is stored.
 */
export function createCsrf(options: CsrfOptions): Csrf {
  const cookieOptions = { sameSite: 'strict' as const, httpOnly: true, secure: options.secureCookies, path: '/' };
  const names = csrfCookieNames(options.secureCookies);
  const clientId = (req: Request): string => {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[names.client];
    return typeof value === 'string' ? value : '';
  };
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => options.secret,
    getSessionIdentifier: clientId,
    cookieName: names.csrf,
    cookieOptions,
    getCsrfTokenFromRequest: (req) => {
      const fromBody = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof fromBody === 'string' ? fromBody : req.get('x-csrf-token');
    },
  });

  const provideToken: RequestHandler = (req, res, next) => {
    if (!clientId(req)) {
      const id = randomBytes(16).toString('hex');
      res.cookie(names.client, id, cookieOptions);
      (req.cookies as Record<string, string>)[names.client] = id;
    }
    res.locals.csrfToken = generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false });
    next();
  };

  return { provideToken, isValid: (req) => clientId(req) !== '' && validateRequest(req) };
}
