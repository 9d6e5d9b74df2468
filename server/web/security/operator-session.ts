import type { Request, RequestHandler, Response } from 'express';
import type { OperatorAuth } from '../../use-cases/operators/operator-auth';
import type { OperatorIdentity } from '../../use-cases/operators/operator-identity';

/** `__Host-` when cookies are Secure: the browser then refuses it from a sibling subdomain or over plain http. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-reclamo_session' : 'reclamo_session';
}

/** What a page or an API route knows about who is asking (set by the middleware below). */
export function currentOperator(res: Response): OperatorIdentity | null {
  return (res.locals.operator as OperatorIdentity | undefined) ?? null;
}

export interface OperatorSessions {
  auth: OperatorAuth;
  /** Sets `res.locals.operator` from the session cookie (and `sessionEnded` when it had expired); needs cookies. */
  identify: RequestHandler;
  sessionIdOf(req: Request): string | undefined;
  /** The cookie of a new session: HttpOnly, SameSite=Strict, Secure with COOKIE_SECURE, no longer than the session. */
  start(res: Response, sessionId: string): void;
  /** Deletes the session in the database and the cookie in the browser. */
  end(req: Request, res: Response): Promise<void>;
}

export function operatorSessions(auth: OperatorAuth, options: { secureCookies: boolean }): OperatorSessions {
  const name = sessionCookieName(options.secureCookies);
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: options.secureCookies, path: '/' };
  const sessionIdOf = (req: Request) => {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const identify: RequestHandler = (req, res, next) => {
    auth.session(sessionIdOf(req)).then((found) => {
      if (found.state === 'active') res.locals.operator = found.operator;
      else if (found.state === 'ended') {
        res.locals.sessionEnded = true;
        res.clearCookie(name, cookieOptions);
      }
      next();
    }, next);
  };
  return {
    auth,
    identify,
    sessionIdOf,
    start: (res, sessionId) => res.cookie(name, sessionId, { ...cookieOptions, maxAge: auth.policy.maxMs }),
    end: async (req, res) => {
      const sessionId = sessionIdOf(req);
      if (sessionId) await auth.signOut(sessionId);
      res.clearCookie(name, cookieOptions);
      delete res.locals.operator;
    },
  };
}
