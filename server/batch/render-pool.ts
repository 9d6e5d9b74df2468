import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Association } from '../core/claim/association-schema';
import type { Language } from '../core/i18n/language';
import { DIST_SERVER_DIR } from '../config/project-paths';
import type { SourceRow } from './batch-source';
import type { PreparedRow } from './prepare-row';

export interface RenderWorkerData {
  providerPec: string | null;
}

/** One member row to check, assess and (when it is eligible) render, with the batch's settings. */
export interface RowJob {
  source: SourceRow;
  /** Language of the messages. */
  language: Language;
  /** Language of the file's column names. */
  columns: Language;
  letter: Record<string, unknown>;
  association: Association | null;
  /** The batch's "today". */
  now: number;
  /**
   * Send the validated claim and its assessment back (a per-row hook needs them); without, only the report line and
   * the letter cross to the thread that writes, which then has less to copy.
   */
  withClaim: boolean;
}

export interface RowOutcome {
  prepared: PreparedRow;
  /** The letter with its date (the ZIP entry's time stamp). */
  letter: { pdf: Buffer; sha256: string; letterDate: string } | null;
}

export type RenderReply =
  | { id: number; prepared: PreparedRow; pdf: Uint8Array | null; sha256: string | null; letterDate: string | null }
  | { id: number; error: string };

/** Compiled code only: workers run from dist/ (built by `npm install`, `npm start` and the tests' global setup). */
const WORKER_FILE = path.join(DIST_SERVER_DIR, 'batch/render-worker.js');

/**
 * A worker's live heap is about 32 MB (fonts, templates, caches, one letter); left alone V8 lets each thread's heap
 * grow to ~100 MB of garbage before collecting, which is most of a batch's memory. These limits make it collect
 * early. 48 MB would take another 13 MB off a batch's peak RSS but costs ~9% more CPU per letter in GC: not worth it.
 */
const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

interface Pending {
  resolve: (value: RowOutcome) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: boolean;
}

/**
 * Checks, assesses and renders member rows on worker threads, one row per thread at a time; jobs wait in arrival
 * order. The thread that reads the file only reads, orders and writes: the rows' work is all here. A row's outcome
 * depends only on the row and the batch's settings, so which thread does it never changes its bytes.
 */
export class RenderPool {
  readonly size: number;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: (RowJob & Pending & { id: number })[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private closing = false;

  /** `unref`: the workers alone do not keep the process alive (a web server has its own reasons to live). */
  constructor(options: {
    size?: number;
    providerPec: string | null;
    unref?: boolean;
    /** The workers' heap limits (MB); WORKER_HEAP_LIMITS unless given (the benchmark tries others). */
    heap?: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number };
  }) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    const workerData: RenderWorkerData = { providerPec: options.providerPec };
    for (let index = 0; index < this.size; index += 1) {
      const worker = new Worker(WORKER_FILE, { workerData, resourceLimits: options.heap ?? WORKER_HEAP_LIMITS });
      if (options.unref) worker.unref();
      const entry: PoolWorker = { worker, busy: false };
      worker.on('message', (reply: RenderReply) => this.settle(entry, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`render worker exited with code ${code}`));
      });
      this.workers.push(entry);
    }
  }

  process(job: RowJob): Promise<RowOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ ...job, id: this.nextId++, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (entry.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      entry.busy = true;
      this.pending.set(job.id, job);
      const { resolve: _resolve, reject: _reject, ...message } = job;
      entry.worker.postMessage(message satisfies RowJob & { id: number });
    }
  }

  private settle(entry: PoolWorker, reply: RenderReply): void {
    entry.busy = false;
    const job = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (job) {
      if ('error' in reply) job.reject(new Error(reply.error));
      else {
        const { pdf, sha256, prepared, letterDate } = reply;
        job.resolve({
          prepared,
          letter:
            pdf && sha256 && letterDate
              ? { pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), sha256, letterDate }
              : null,
        });
      }
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of [...this.pending.values(), ...this.queue.splice(0)]) job.reject(error);
    this.pending.clear();
  }
}
