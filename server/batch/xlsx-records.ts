import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DIST_SERVER_DIR } from '../config/project-paths';
import { BatchInputError } from './batch-input-error';
import { DEFAULT_XLSX_LIMITS, XLSX_WORKER_RESOURCE_LIMITS, type XlsxLimits } from './xlsx/xlsx-limits';
import type { XlsxWorkerData, XlsxWorkerReply } from './xlsx/xlsx-worker';

/** Compiled code only, like the render workers (built by `npm install`, `npm start` and the tests' global setup). */
const WORKER_FILE = path.join(DIST_SERVER_DIR, 'batch/xlsx/xlsx-worker.js');

/** Workbooks read at once in this process (each on its own thread, with its own bounded heap); others wait. */
const READERS_AT_ONCE = 3;
let readers = 0;
const waiting: (() => void)[] = [];

async function takeReader(): Promise<() => void> {
  if (readers >= READERS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else readers += 1;
  return () => {
    const next = waiting.shift();
    if (next) next();
    else readers -= 1;
  };
}

type WorkerEvent = XlsxWorkerReply | { kind: 'died'; error: Error | null };

/**
 * The rows of the first worksheet, read on a worker thread with a memory limit (`resourceLimits`): a workbook built
 * to exhaust memory ends that thread, never the web process, and is refused. The ZIP's entries are checked before
 * anything is inflated (see xlsx/zip-archive.ts); nothing is written to disk. Empty rows are skipped.
 */
export async function* xlsxRecords(
  file: string,
  options: { limits?: Partial<XlsxLimits>; resourceLimits?: typeof XLSX_WORKER_RESOURCE_LIMITS } = {},
): AsyncGenerator<string[]> {
  const release = await takeReader();
  const workerData: XlsxWorkerData = {
    file: path.resolve(file),
    limits: { ...DEFAULT_XLSX_LIMITS, ...options.limits },
  };
  const worker = new Worker(WORKER_FILE, {
    workerData,
    resourceLimits: options.resourceLimits ?? XLSX_WORKER_RESOURCE_LIMITS,
  });
  const events: WorkerEvent[] = [];
  let wake: (() => void) | null = null;
  const push = (event: WorkerEvent) => {
    events.push(event);
    wake?.();
  };
  worker.on('message', (reply: XlsxWorkerReply) => push(reply));
  worker.on('error', (error) => push({ kind: 'died', error }));
  worker.on('exit', () => push({ kind: 'died', error: null }));
  const nextEvent = async (): Promise<WorkerEvent> => {
    while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    return events.shift()!;
  };
  try {
    for (;;) {
      worker.postMessage('next');
      const event = await nextEvent();
      if (event.kind === 'rows') {
        yield* event.rows;
        if (event.done) return;
      } else if (event.kind === 'refused') throw new BatchInputError(event.problem, event.params);
      else if (event.kind === 'bug') throw new Error(`xlsx reader: ${event.message}`);
      else if ((event.error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new BatchInputError('xlsx-too-complex');
      else throw event.error ?? new Error('xlsx reader: the worker stopped');
    }
  } finally {
    await worker.terminate();
    release();
  }
}
