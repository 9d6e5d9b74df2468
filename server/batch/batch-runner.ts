import fs from 'node:fs/promises';
import type { Association } from '../core/claim/association-schema';
import type { Language } from '../core/i18n/language';
import { MAIL_REPORT_COLUMN, type SendTarget } from '../core/member-list/send-target';
import type { LetterService } from '../use-cases/letter-service';
import { BatchInputError } from './batch-input-error';
import type { BatchRecord } from './batch-status';
import type { BatchStore } from './batch-store';
import { processBatchFile } from './process-batch-file';
import { RenderPool } from './render-pool';
import type { BatchRowResult } from './run-batch';

export interface BatchJob {
  status: BatchRecord;
  association: Association | null;
  letter: Record<string, unknown>;
  /** Language of the messages the batch reports (the request's). */
  language: Language;
  /** E-mail each eligible row's letter (report.csv gains an e-mail column). */
  send?: SendTarget;
  /** The signed-in operator who submitted it (the batch's owner, and whose send budget its messages count against). */
  operatorId?: string;
}

export interface BatchRunnerDeps {
  store: BatchStore;
  service: LetterService;
  workers: number;
  providerPec: string | null;
  maxRows: number;
  /** Batches waiting in this process before uploads get 503. */
  maxQueued: number;
  onError: (error: unknown) => void;
  /** The per-row hook of the pipeline (e-mail sending can hang on it later). */
  onRow?: (result: BatchRowResult) => Promise<string | void> | string | void;
  /** The outbox's per-row hook for a batch that sends; without it such a batch reports the mail as unavailable. */
  mailHook?: (target: SendTarget, operatorId?: string) => (row: BatchRowResult) => Promise<string>;
}

const PROGRESS_EVERY_MS = 250;
const PROBLEMS_SHOWN = 10;

/**
 * The web's batches, one at a time per process in arrival order, on one render pool made at the first batch. The
 * status on disk is updated as rows are done, so any process can answer a poll.
 */
export class BatchRunner {
  private readonly queue: BatchJob[] = [];
  private running: Promise<void> | null = null;
  private pool: RenderPool | null = null;

  constructor(private readonly deps: BatchRunnerDeps) {}

  get full(): boolean {
    return this.queue.length >= this.deps.maxQueued;
  }

  enqueue(job: BatchJob): void {
    this.queue.push(job);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Waits for the batches in hand, then stops the workers. */
  async stop(): Promise<void> {
    await this.running;
    await this.pool?.close();
    this.pool = null;
  }

  private async drain(): Promise<void> {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) await this.run(job);
  }

  private async run(job: BatchJob): Promise<void> {
    const { store } = this.deps;
    let status: BatchRecord = { ...job.status, state: 'running' };
    let writing = store.write(status);
    let lastWrite = 0;
    const save = (next: BatchRecord) => {
      status = next;
      writing = writing.then(() => store.write(next)).catch(this.deps.onError);
      return writing;
    };
    try {
      this.pool ??= new RenderPool({ size: this.deps.workers, providerPec: this.deps.providerPec, unref: true });
      const summary = await processBatchFile({
        file: store.inputFile(status.id),
        zipFile: store.zipFile(status.id),
        maxRows: this.deps.maxRows,
        now: this.deps.service.now(),
        pool: this.pool,
        association: job.association,
        letter: job.letter,
        language: job.language,
        ...(job.send
          ? {
              onRow: this.deps.mailHook?.(job.send, job.operatorId) ?? (() => 'not-available'),
              extraColumn: MAIL_REPORT_COLUMN,
            }
          : { onRow: this.deps.onRow }),
        onProgress: (processed) => {
          if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
          lastWrite = Date.now();
          void save({ ...status, processed });
        },
      });
      const problems = summary.problems
        .slice(0, PROBLEMS_SHOWN)
        .map(({ row, name, status: rowStatus, reasons }) => ({ row, name, status: rowStatus, reasons }));
      await save({
        ...status,
        state: 'done',
        processed: summary.rows,
        counts: summary.counts,
        problems,
        download: `/api/v1/batches/${status.id}/letters.zip`,
      });
    } catch (error) {
      if (!(error instanceof BatchInputError)) this.deps.onError(error);
      const message =
        error instanceof BatchInputError
          ? error.messageIn(job.language)
          : job.language === 'it'
            ? 'Errore interno: il lotto non è stato completato.'
            : 'Internal error: the batch was not completed.';
      await save({ ...status, state: 'failed', error: { path: 'file', message } });
    } finally {
      await fs.rm(store.inputFile(status.id), { force: true });
    }
  }
}
