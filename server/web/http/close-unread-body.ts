import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

/** A body was announced (a length or chunked) and has not arrived whole. */
function bodyStillComing(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return (length > 0 || req.headers['transfer-encoding'] !== undefined) && !req.complete;
}

/**
 * An answer given before the request's body was read (a 401, a 403 for a cross-site write, a 429 over a rate limit,
 * a 413) closes the connection: otherwise Node reads the rest of the body, however large, to reuse the connection,
 * and a refused client could still make the server take in its 30 MB.
 */
export const closeUnreadBodies: RequestHandler = (req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    if (bodyStillComing(req)) this.setHeader('Connection', 'close');
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
};
