import type { Request, RequestHandler } from 'express';

export type RequestSite = 'same-origin' | 'cross-site' | 'unknown';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Where a request comes from, as the browser says it: Sec-Fetch-Site (every current browser) and Origin (sent on
 * every cross-origin POST). `same-site` counts as cross-site: a sibling subdomain is another party. A tool such as
 * curl sends neither: 'unknown'.
 */
export function requestSite(req: Request): RequestSite {
  const fetchSite = req.get('sec-fetch-site')?.toLowerCase();
  const origin = req.get('origin');
  let originSite: RequestSite = 'unknown';
  if (origin !== undefined) {
    try {
      originSite = origin !== 'null' && new URL(origin).host === req.get('host') ? 'same-origin' : 'cross-site';
    } catch {
      originSite = 'cross-site';
    }
  }
  if (fetchSite === 'cross-site' || fetchSite === 'same-site' || originSite === 'cross-site') return 'cross-site';
  if (fetchSite === 'same-origin' || fetchSite === 'none' || originSite === 'same-origin') return 'same-origin';
  return 'unknown';
}

export function isWrite(req: Request): boolean {
  return !SAFE_METHODS.has(req.method);
}

/** A write that a browser says comes from another site is refused before anything reads it. */
export function refuseCrossSiteWrites(answer: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (isWrite(req) && requestSite(req) === 'cross-site') answer(req, res, next);
    else next();
  };
}
