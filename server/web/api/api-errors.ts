import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { interpolate } from '../../core/i18n/language';
import type { FieldError } from '../../core/claim/validate-claim';
import { requestLanguage } from '../http/request-language';
import { classifyHttpError } from '../http/http-error-kind';
import { API_MESSAGES } from './api-texts';

export function sendErrors(res: Response, status: number, errors: FieldError[], extra: object = {}): void {
  res.status(status).json({ errors, ...extra });
}

export function sendMessage(
  req: Request,
  res: Response,
  status: number,
  key: keyof typeof API_MESSAGES,
  params = {},
): void {
  sendErrors(res, status, [{ path: '', message: interpolate(API_MESSAGES[key][requestLanguage(req)], params) }]);
}

/** Write routes take JSON only: anything else is told so instead of being read as an empty claim. */
export const requireJson: RequestHandler = (req, res, next) => {
  if (req.is('application/json')) next();
  else sendMessage(req, res, 415, 'unsupportedType');
};

/** A write sent by a page of another site (the browser says so): refused before its body is read. */
export const crossSiteRefused: RequestHandler = (req, res) => sendMessage(req, res, 403, 'crossSite');

export const apiNotFound: RequestHandler = (req, res) => sendMessage(req, res, 404, 'notFound');

export function tooManyRequests(req: Request, res: Response): void {
  sendMessage(req, res, 429, 'tooManyRequests');
}

/**
 * The last word on any error under /api: a body the client got wrong is a 4xx with a message; anything else is a
 * 500 with a generic message. Stacks and personal data never leave the server.
 */
export function apiErrorHandler(options: {
  bodyLimitKb: number;
  onInternalError: (error: unknown) => void;
}): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = classifyHttpError(error);
    if (problem.kind === 'busy') {
      res.set('Retry-After', String(problem.retryAfterSeconds));
      sendMessage(req, res, 503, 'busy');
    } else if (problem.kind === 'tooLarge') sendMessage(req, res, 413, 'tooLarge', { limit: options.bodyLimitKb });
    else if (problem.kind === 'badUrl') sendMessage(req, res, 400, 'badUrl');
    else if (problem.kind === 'malformed' || problem.kind === 'client')
      sendMessage(req, res, problem.status, 'malformedJson');
    else {
      options.onInternalError(error);
      sendMessage(req, res, 500, 'internal');
    }
  };
}
