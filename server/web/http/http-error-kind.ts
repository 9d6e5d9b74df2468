import { QueueFullError } from '../render-queue';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

export type HttpErrorKind =
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'malformed'; status: 400 }
  | { kind: 'badUrl'; status: 400 }
  | { kind: 'tooLarge'; status: 413 }
  | { kind: 'client'; status: number }
  | { kind: 'internal' };

/** What an error reaching an Express error handler means for the client, for the API and the HTML pages alike. */
export function classifyHttpError(error: unknown): HttpErrorKind {
  if (error instanceof QueueFullError) return { kind: 'busy', retryAfterSeconds: error.retryAfterSeconds };
  const httpError = (error ?? {}) as HttpError;
  const status = httpError.status ?? httpError.statusCode ?? 500;
  if (httpError.type === 'entity.parse.failed') return { kind: 'malformed', status: 400 };
  // A malformed percent-escape in the path (the router's decodeURIComponent), before any route ran.
  if (error instanceof URIError) return { kind: 'badUrl', status: 400 };
  if (httpError.type === 'entity.too.large' || status === 413) return { kind: 'tooLarge', status: 413 };
  if (status >= 400 && status < 500) return { kind: 'client', status };
  return { kind: 'internal' };
}
