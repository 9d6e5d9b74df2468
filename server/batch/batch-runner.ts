import fs from 'node:fs/promises';
import type { Association } from '../core/claim/association-schema';
import type { Language } from '../core/i18n/language';
import { MAIL_REPORT_COLUMN, type SendTarget } from '../core/member-list/send-target';
import type { LetterService } from '../use-cases/letter-service';
import type { BatchQueue, BatchReservation } from '../use-cases/submit-batch';
import { BatchInputError } from './batch-input-error';
import type { BatchRecord } from './batch-status';
import type { BatchStore } from './batch-store';
import { INTERRUPTED_MESSAGE } from './batch-texts';
import { processBatchFile } from './process-batch-file';
import { RenderPool } from './render-pool';
import type { BatchRowResult } from './run-batch';

export interface BatchJob {
  status: BatchRecord;
  /** Who sent it (the client address): each client may have only a few batches waiting or running. */
  client: string;
  association: Association | null;
  letter: Record<string, unknown>;
  /** Language of the messages the batch reports (the request's). */
  language: Language;
  /** E-mail each eligible row's letter (report.csv gains an e-mail column). */
  send?: SendTarget;
  /** The signed-in operator who submitted it (the batch's owner, and whose send budget its messages count against). */
  operatorId?: string;
  /** The campaign list the rows become members of. */
  campaign?: { campaignId: string; listNumber: number };
}

/** A queue every machine shares (PostgreSQL): a batch put there is taken by the next free process of any machine. */
export interface SharedBatchQueue {
  put(job: BatchJob): Promise<void>;
  take(): Promise<BatchJob | null>;
}

export interface BatchRunnerDeps {
  store: BatchStore;
  /** Without it, batches wait in this process's memory for their turn here. */
  sharedQueue?: SharedBatchQueue;
  service: LetterService;
  workers: number;
  providerPec: string | null;
  maxRows: number;
  /** Batches waiting in this process before uploads get 503. */
  maxQueued: number;
  /** Batches one client may have waiting or running in this process (uploads being checked included). */
  maxPerClient: number;
  onError: (error: unknown) => void;
  /** The per-row hook of the pipeline (e-mail sending can hang on it later). */
  onRow?: (result: BatchRowResult) => Promise<string | void> | string | void;
  /** The outbox's per-row hook for a batch that sends; without it such a batch reports the mail as unavailable. */
  mailHook?: (target: SendTarget, operatorId?: string) => (row: BatchRowResult) => Promise<string>;
  /** A campaign batch's per-row hook (member records, and the e-mail when the job sends); replaces the two above. */
  campaignHook?: (job: BatchJob) => ((row: BatchRowResult) => Promise<string>) | undefined;
}

const PROGRESS_EVERY_MS = 250;
const PROBLEMS_SHOWN = 10;

/**
 * The web's batches, one at a time per process in arrival order, on one render pool made at the first batch. The
 * status on disk is updated as rows are done, so any process can answer a poll. A place in the queue is reserved
 * before an upload is read, so one client cannot fill the queue, even with uploads sent in parallel.
 */
export class BatchRunner implements BatchQueue<BatchJob> {
  private readonly queue: BatchJob[] = [];
  private readonly reserved = new Map<string, number>();
  private running: Promise<void> | null = null;
  private current: BatchJob | null = null;
  /** Batches failed by a shutdown: whatever their run still writes is dropped. */
  private readonly interrupted = new Set<string>();
  private pool: RenderPool | null = null;
  private stopping = false;
  private pollAgain = false;

  constructor(private readonly deps: BatchRunnerDeps) {}

  /** Batches of this client reserved, waiting or running. */
  private held(client: string): number {
    const waiting = this.queue.filter((job) => job.client === client).length;
    return (this.reserved.get(client) ?? 0) + waiting + (this.current?.client === client ? 1 : 0);
  }

  reserve(client: string): BatchReservation<BatchJob> | 'full' | 'client-full' {
    const reservations = [...this.reserved.values()].reduce((sum, count) => sum + count, 0);
    if (this.queue.length + reservations >= this.deps.maxQueued) return 'full';
    if (this.held(client) >= this.deps.maxPerClient) return 'client-full';
    this.reserved.set(client, (this.reserved.get(client) ?? 0) + 1);
    let open = true;
    const release = () => {
      if (!open) return;
      open = false;
      const left = (this.reserved.get(client) ?? 1) - 1;
      if (left > 0) this.reserved.set(client, left);
      else this.reserved.delete(client);
    };
    return {
      enqueue: (job) => {
        if (!open) throw new Error('reservation already used');
        release();
        this.enqueue(job);
      },
      release,
    };
  }

  private enqueue(job: BatchJob): void {
    const { sharedQueue } = this.deps;
    if (sharedQueue) {
      void sharedQueue.put(job).then(() => this.poll(), this.deps.onError);
      return;
    }
    this.queue.push(job);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /**
   * With a shared queue: takes the batches waiting there, of any machine, one after the other, until none is left
   * (called when one is put, and by a timer for those put by other machines or queued again after a crash).
   */
  poll(): void {
    if (!this.deps.sharedQueue || this.stopping) return;
    if (this.running) {
      this.pollAgain = true;
      return;
    }
    this.running = this.drainShared(this.deps.sharedQueue)
      .catch(this.deps.onError)
      .finally(() => {
        this.running = null;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.poll();
        }
      });
  }

  private async drainShared(queue: SharedBatchQueue): Promise<void> {
    while (!this.stopping) {
      this.pollAgain = false;
      const job = await queue.take();
      if (!job) return;
      this.current = job;
      try {
        await this.run(job);
      } finally {
        this.current = null;
      }
    }
  }

  /**
   * Batches still waiting here are failed at once (their turn will not come; in a shared queue they wait for another
   * process); the one running is waited for.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const job of this.queue.splice(0)) await this.interrupt(job);
    await this.running;
    await this.pool?.close();
    this.pool = null;
  }

  /** When the shutdown cannot wait any longer: the running batch is failed now, not left "running" on disk. */
  async abandon(): Promise<void> {
    if (this.current) await this.interrupt(this.current);
  }

  private async interrupt(job: BatchJob): Promise<void> {
    const { store } = this.deps;
    this.interrupted.add(job.status.id);
    const status = (await store.read(job.status.id)) ?? job.status;
    await store.write({
      ...status,
      state: 'failed',
      error: { path: 'file', message: INTERRUPTED_MESSAGE[job.language] },
      download: null,
    });
    await store.removeWorkFiles(job.status.id);
  }

  private async drain(): Promise<void> {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      this.current = job;
      try {
        await this.run(job);
      } finally {
        this.current = null;
      }
    }
  }

  private async run(job: BatchJob): Promise<void> {
    const { store } = this.deps;
    let status: BatchRecord = { ...job.status, state: 'running' };
    let writing = store.write(status);
    let lastWrite = 0;
    const save = (next: BatchRecord) => {
      if (this.interrupted.has(next.id)) return writing;
      status = next;
      writing = writing.then(() => store.write(next)).catch(this.deps.onError);
      return writing;
    };
    try {
      this.pool ??= new RenderPool({ size: this.deps.workers, providerPec: this.deps.providerPec, unref: true });
      const summary = await processBatchFile({
        file: store.inputFile(status.id),
        zipFile: store.zipFile(status.id),
        workDir: store.workDir(status.id),
        maxRows: this.deps.maxRows,
        now: this.deps.service.now(),
        pool: this.pool,
        association: job.association,
        letter: job.letter,
        language: job.language,
        ...(job.campaign && this.deps.campaignHook?.(job)
          ? { onRow: this.deps.campaignHook(job), ...(job.send ? { extraColumn: MAIL_REPORT_COLUMN } : {}) }
          : job.send
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
