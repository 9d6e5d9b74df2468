import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { classifyHttpError } from '../http/http-error-kind';
import { pageText } from './page-locals';

export type PageErrorKind = 'csrf' | 'notFound' | 'tooLarge' | 'tooMany' | 'busy' | 'badUrl' | 'internal';

/** A calm page in the user's language instead of a blank page or a stack trace. */
export function renderErrorPage(
  res: Response,
  status: number,
  kind: PageErrorKind,
  params: Record<string, string | number> = {},
): void {
  const t = pageText(res);
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .render('error', { title: t(`error.${kind}.title`), message: t(`error.${kind}.body`, params) });
}

export const pageNotFound: RequestHandler = (_req, res) => renderErrorPage(res, 404, 'notFound');

/** Runs middleware that completes synchronously (cookie-parser, the page locals); false if one did not go on. */
function runNow(handlers: readonly RequestHandler[], req: Request, res: Response): boolean {
  for (const handler of handlers) {
    let next = false;
    void handler(req, res, () => (next = true));
    if (!next) return false;
  }
  return true;
}

/**
 * The last word on errors outside /api: a calm page in the user's language, never a stack trace or an install path.
 * An error raised before any page middleware ran (a malformed percent-escape in the path fails in the router) gets
 * the page locals from `locals` first; if even the page cannot be rendered, a plain-text answer. Nothing is passed on
 * to Express's default handler, which would print the stack.
 */
export function pageErrorHandler(options: {
  bodyLimitKb: number;
  onInternalError: (error: unknown) => void;
  /** The page locals (language, texts), for errors raised before a page set them. */
  locals?: readonly RequestHandler[];
}): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const problem = classifyHttpError(error);
    if (problem.kind === 'internal') options.onInternalError(error);
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    const status =
      problem.kind === 'busy'
        ? 503
        : problem.kind === 'internal'
          ? 500
          : problem.kind === 'tooLarge'
            ? 413
            : problem.status;
    if (!res.locals.t && !(options.locals && runNow(options.locals, req, res))) {
      res
        .status(status)
        .type('text/plain')
        .send(status === 500 ? 'Internal error' : 'Bad request');
      return;
    }
    if (problem.kind === 'busy') {
      res.set('Retry-After', String(problem.retryAfterSeconds));
      renderErrorPage(res, 503, 'busy');
    } else if (problem.kind === 'tooLarge') renderErrorPage(res, 413, 'tooLarge', { limit: options.bodyLimitKb });
    else if (problem.kind === 'badUrl') renderErrorPage(res, 400, 'badUrl');
    else renderErrorPage(res, status, 'internal');
  };
}
