import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The process logger: structured JSON lines on stdout. Personal data never reaches it: request logs carry method,
 * route pattern, status, duration and request id only (see http-logger.ts), and errors carry their own message and
 * stack, never the request that caused them.
 */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['req.headers', 'req.body', 'req.query', 'req.cookies', 'res.headers'], remove: true },
    },
    options.destination,
  );
}
