import cookieParser from 'cookie-parser';
import type { RequestHandler } from 'express';
import type { OperatorSessions } from '../security/operator-session';
import { isWrite, requestSite } from '../security/cross-site';
import { sendMessage } from './api-errors';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const CHALLENGE = 'Bearer realm="reclamo"';

/**
 * Operator routes of the API: `Authorization: Bearer <token>`, or the browser's session cookie (the status page's
 * progress script and its ZIP link). A token is never sent by a browser on its own, so it needs no more. A cookie
 * is: it is SameSite=Strict, and a write with it must also be shown same-origin by Sec-Fetch-Site or Origin — a
 * request with neither is refused (tools use tokens). Sets `res.locals.operator`; otherwise 401 or 403.
 */
export function requireApiOperator(sessions: OperatorSessions): RequestHandler[] {
  const fromSessionOrToken: RequestHandler = (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const token = BEARER.exec(header)?.[1];
      void sessions.auth.bearer(token ?? '').then((operator) => {
        if (operator) {
          res.locals.operator = operator;
          next();
          return;
        }
        res.set('WWW-Authenticate', `${CHALLENGE}, error="invalid_token"`);
        sendMessage(req, res, 401, 'invalidToken');
      }, next);
      return;
    }
    void sessions.auth.session(sessions.sessionIdOf(req)).then((found) => {
      if (found.state !== 'active') {
        res.set('WWW-Authenticate', CHALLENGE);
        sendMessage(req, res, 401, 'signInRequired');
      } else if (isWrite(req) && requestSite(req) !== 'same-origin') sendMessage(req, res, 403, 'crossSite');
      else {
        res.locals.operator = found.operator;
        next();
      }
    }, next);
  };
  return [cookieParser(), fromSessionOrToken];
}
