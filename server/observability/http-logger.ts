import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import pinoHttp from 'pino-http';
import type { Logger } from './logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * The route pattern that served a request (`/api/v1/batches/:id`), never the concrete URL or its query string. The
 * mount path is read off the request's own path (all but the route's segments), not `baseUrl`: by the time an error
 * handler answers, `baseUrl` is the error handler's mount, not the route's.
 */
export function routeOf(req: IncomingMessage): string {
  const express = req as Partial<Request>;
  if (!express.route?.path) return '(unmatched)';
  const path = String(express.route.path);
  // A wildcard or optional part matches any number of segments: the mount cannot be told apart from the URL.
  if (/[*{]/.test(path)) return path;
  const routeSegments = path.split('/').filter(Boolean).length;
  const requestSegments = (express.originalUrl ?? req.url ?? '/').split('?')[0]!.split('/').filter(Boolean);
  const base = requestSegments.slice(0, requestSegments.length - routeSegments);
  const mount = base.length > 0 ? `/${base.join('/')}` : '';
  return path === '/' ? mount || '/' : `${mount}${path}`;
}

/** One log line per request: method, route, status, duration, request id. No bodies, cookies, headers or queries. */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customAttributeKeys: { responseTime: 'durationMs' },
    // Evaluated when the response finishes, after routing (the req serializer runs when the request starts).
    // pino-http also calls it when the request starts, to bind the child logger: the route is not known then.
    customProps: (req, res) => (res.headersSent ? { route: routeOf(req) } : {}),
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: (error: Error) => ({ type: error.name, message: error.message, stack: error.stack }),
    },
  });
}
