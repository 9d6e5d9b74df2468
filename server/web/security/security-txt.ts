import { Router } from 'express';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * GET /.well-known/security.txt (RFC 9116): where to report a vulnerability of this deployment, when the operator
 * has said (SECURITY_CONTACT); a 404 otherwise. Expires a year from each answer, as the RFC asks for a live file.
 */
export function securityTxt(contact: string | undefined, now: () => number = Date.now): Router {
  const router = Router();
  router.get('/.well-known/security.txt', (_req, res, next) => {
    if (!contact) return next();
    const expires = new Date(now() + YEAR_MS).toISOString();
    res
      .type('text/plain; charset=utf-8')
      .set('Cache-Control', 'max-age=86400')
      .send(`Contact: ${contact}\nExpires: ${expires}\nPreferred-Languages: it, en\n`);
  });
  return router;
}
