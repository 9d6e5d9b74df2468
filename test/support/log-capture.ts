import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../server/observability/logger';

/** A trace-level logger whose JSON lines are kept in memory, to check what a run would have logged. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'trace', destination }), lines };
}
