import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { classifyHttpError } from '../http/http-error-kind';
import { pageText } from './page-locals';

export type PageErrorKind = 'csrf' | 'notFound' | 'tooLarge' | 'tooMany' | 'busy' | 'internal';

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

/** The last word on errors of the HTML pages; mount after every page route (pages need `webForms.page` locals). */
export function pageErrorHandler(options: {
  bodyLimitKb: number;
  onInternalError: (error: unknown) => void;
}): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent || !res.locals.t) {
      next(error);
      return;
    }
    const problem = classifyHttpError(error);
    if (problem.kind === 'busy') {
      res.set('Retry-After', '5');
      renderErrorPage(res, 503, 'busy');
    } else if (problem.kind === 'tooLarge') renderErrorPage(res, 413, 'tooLarge', { limit: options.bodyLimitKb });
    else if (problem.kind === 'malformed' || problem.kind === 'client')
      renderErrorPage(res, problem.status, 'internal');
    else {
      options.onInternalError(error);
      renderErrorPage(res, 500, 'internal');
    }
  };
}
