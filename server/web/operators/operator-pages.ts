import { Router, type RequestHandler } from 'express';
import type { OperatorSessions } from '../security/operator-session';
import { currentOperator } from '../security/operator-session';
import type { WebForms } from '../security/web-forms';
import { pageLanguage } from '../views/page-locals';
import { renderSignIn, safeNext } from './sign-in-view';

export interface OperatorPagesDeps {
  webForms: WebForms;
  sessions: OperatorSessions;
}

/**
 * GET /sign-in, POST /sign-in, POST /sign-out: plain forms with CSRF tokens, no JavaScript. A wrong address, a wrong
 * password and a revoked operator get the same answer; after repeated failures the next attempt must wait.
 */
export function operatorPages(deps: OperatorPagesDeps): Router {
  const { webForms, sessions } = deps;
  const router = Router();

  router.get('/sign-in', ...webForms.page, sessions.identify, (req, res) => {
    const next = safeNext(req.query.next);
    if (currentOperator(res)) res.redirect(303, next);
    else renderSignIn(req, res, 200, { next, ...(req.query.signedOut === '1' ? { notice: 'signedOut' } : {}) });
  });

  const signIn: RequestHandler = async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    if (email === '' || password === '') {
      renderSignIn(req, res, 422, { next, email, error: { kind: 'missing' } });
      return;
    }
    const outcome = await sessions.auth.signIn({
      email,
      password,
      client: req.ip ?? req.socket.remoteAddress ?? '',
      previousSessionId: sessions.sessionIdOf(req),
    });
    if (outcome.ok) {
      sessions.start(res, outcome.sessionId);
      res.redirect(303, `${next}?lang=${pageLanguage(req)}`);
    } else if (outcome.problem === 'throttled') {
      const seconds = Math.ceil(outcome.retryAfterMs / 1000);
      res.set('Retry-After', String(seconds));
      renderSignIn(req, res, 429, { next, email, error: { kind: 'throttled', seconds } });
    } else renderSignIn(req, res, 401, { next, email, error: { kind: 'rejected' } });
  };
  router.post('/sign-in', ...webForms.post, signIn);

  router.post('/sign-out', ...webForms.post, async (req, res) => {
    await sessions.end(req, res);
    res.redirect(303, `/sign-in?signedOut=1&lang=${pageLanguage(req)}`);
  });

  return router;
}
