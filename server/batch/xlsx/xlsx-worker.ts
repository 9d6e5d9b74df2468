import { parentPort, workerData } from 'node:worker_threads';
import { BatchInputError } from '../batch-input-error';
import { readXlsxRecords } from './read-xlsx';
import type { XlsxLimits } from './xlsx-limits';

export interface XlsxWorkerData {
  file: string;
  limits: XlsxLimits;
}

/** Worker → web process: the next rows (and whether they are the last), a file refused, or a bug. */
export type XlsxWorkerReply =
  | { kind: 'rows'; rows: string[][]; done: boolean }
  | { kind: 'refused'; problem: BatchInputError['problem']; params: BatchInputError['params'] }
  | { kind: 'bug'; message: string };

/** Rows per message: large enough to amortise the messages, small enough to keep both sides' memory flat. */
const ROWS_PER_REPLY = 256;

const { file, limits } = workerData as XlsxWorkerData;
const records = readXlsxRecords(file, limits);

/** Each 'next' from the web process gets the next rows: the sheet is read only as fast as it is consumed. */
parentPort!.on('message', () => {
  void (async () => {
    const rows: string[][] = [];
    try {
      for (;;) {
        const next = await records.next();
        if (next.done) return parentPort!.postMessage({ kind: 'rows', rows, done: true } satisfies XlsxWorkerReply);
        rows.push(next.value);
        if (rows.length >= ROWS_PER_REPLY)
          return parentPort!.postMessage({ kind: 'rows', rows, done: false } satisfies XlsxWorkerReply);
      }
    } catch (error) {
      const reply: XlsxWorkerReply =
        error instanceof BatchInputError
          ? { kind: 'refused', problem: error.problem, params: error.params }
          : { kind: 'bug', message: error instanceof Error ? error.message : String(error) };
      parentPort!.postMessage(reply);
    }
  })();
});
