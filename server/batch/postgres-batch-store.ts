import fs from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../core/i18n/language';
import type { PgQueryable } from '../storage/postgres/open-postgres';
import type { BatchRecord } from './batch-status';
import { BatchStore, THIS_PROCESS, type BatchProcess } from './batch-store';
import type { BatchJob, SharedBatchQueue } from './batch-runner';
import { INTERRUPTED_MESSAGE } from './batch-texts';

/**
 * The batch queue and statuses every machine shares. A row per batch: its status (what a poll answers), what running
 * it needs (the job: association, letter options, language, send target, operator; no member data: that is in the
 * uploaded list), and the process running it with its heartbeat. The files (the list, the ZIP) stay in BATCH_DIR,
 * which every machine mounts (see server/batch/README.md for why, and the figures).
 */
export const BATCH_POSTGRES_MIGRATIONS = [
  {
    version: 1,
    name: 'batch jobs: status, job, the process running it and its heartbeat',
    sql: `
      CREATE TABLE batch_jobs (
        id UUID PRIMARY KEY,
        owner TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        status JSONB NOT NULL,
        job JSONB,
        language TEXT NOT NULL,
        process_host TEXT,
        process_pid INTEGER,
        process_instance TEXT,
        heartbeat_at BIGINT,
        attempts INTEGER NOT NULL DEFAULT 0,
        queued_at BIGINT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX batch_jobs_queue ON batch_jobs (queued_at) WHERE state = 'queued' AND job IS NOT NULL;
      CREATE INDEX batch_jobs_by_owner ON batch_jobs (owner, created_at);
      CREATE INDEX batch_jobs_expiry ON batch_jobs (expires_at);
    `,
  },
] as const;

export interface SharedBatchTiming {
  /** How often a process refreshes the batches it holds. */
  heartbeatMs: number;
  /** After how long without a heartbeat a batch has no live process. */
  goneAfterMs: number;
  /** Runs of one batch at most: a batch whose process died is run again by another until then, then failed. */
  maxAttempts: number;
}

/** A job as the queue keeps it: everything but its status, which has its own column. */
export type StoredJob = Record<string, unknown>;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Batches on PostgreSQL: any machine may take a queued batch (`FOR UPDATE SKIP LOCKED`), polls and downloads are
 * answered by any machine, and a batch whose process stopped sending heartbeats (killed, crashed, its machine gone)
 * is queued again for another machine, or failed once it has been tried `maxAttempts` times.
 */
export class PostgresBatchStore extends BatchStore {
  /** The batches this process received or runs and has not finished. */
  private readonly held = new Set<string>();

  constructor(
    dir: string,
    ttlMs: number,
    private readonly db: PgQueryable,
    readonly timing: SharedBatchTiming,
    self: BatchProcess = THIS_PROCESS,
    private readonly isAlive: (pid: number) => boolean = isRunning,
  ) {
    super(dir, ttlMs, self);
  }

  override async create(
    now = Date.now(),
    owner: string | null = null,
    language: Language = 'it',
  ): Promise<BatchRecord> {
    const status = this.newStatus(now, owner);
    await fs.mkdir(this.folder(status.id), { recursive: true, mode: 0o700 });
    await this.db.run(
      `INSERT INTO batch_jobs (id, owner, state, status, language, process_host, process_pid, process_instance,
         heartbeat_at, created_at, expires_at)
       VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $8, $9)`,
      [status.id, owner, status, language, this.self.host, this.self.pid, this.self.instance, now, now + this.ttlMs],
    );
    this.held.add(status.id);
    return status;
  }

  override async write(status: BatchRecord): Promise<void> {
    const ended = status.state === 'done' || status.state === 'failed';
    await this.db.run(
      `UPDATE batch_jobs SET state = $2, status = $3,
         job = CASE WHEN $4 THEN NULL ELSE job END,
         process_instance = CASE WHEN $4 THEN NULL ELSE process_instance END
       WHERE id = $1`,
      [status.id, status.state, status, ended],
    );
    if (ended) {
      this.held.delete(status.id);
      await fs.rm(this.workDir(status.id), { recursive: true, force: true });
    }
  }

  /** The batch goes into the shared queue with what running it needs: the next free process of any machine takes it. */
  async enqueueJob(id: string, job: StoredJob, now = Date.now()): Promise<void> {
    await this.db.run(
      `UPDATE batch_jobs SET job = $2, queued_at = $3, process_host = NULL, process_pid = NULL,
         process_instance = NULL WHERE id = $1 AND state = 'queued'`,
      [id, job, now],
    );
    this.held.delete(id);
  }

  /** Takes the oldest queued batch of any machine for this process (none: null), as a run, with its job. */
  async claimNext(now = Date.now()): Promise<{ status: BatchRecord; job: StoredJob } | null> {
    const rows = await this.db.query<{ status: BatchRecord; job: StoredJob }>(
      `UPDATE batch_jobs SET state = 'running', status = jsonb_set(status, '{state}', '"running"'),
         process_host = $2, process_pid = $3, process_instance = $4, heartbeat_at = $1, attempts = attempts + 1
       WHERE id = (
         SELECT id FROM batch_jobs WHERE state = 'queued' AND job IS NOT NULL AND expires_at > $1
         ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING status, job`,
      [now, this.self.host, this.self.pid, this.self.instance],
    );
    const claimed = rows[0];
    if (!claimed) return null;
    this.held.add(claimed.status.id);
    return claimed;
  }

  override async heartbeat(now = Date.now()): Promise<void> {
    await this.db.run(
      `UPDATE batch_jobs SET heartbeat_at = $1 WHERE process_instance = $2 AND state IN ('queued', 'running')`,
      [now, this.self.instance],
    );
  }

  /**
   * Batches whose process is gone (no heartbeat for goneAfterMs, or on this machine its pid no longer runs): a run
   * still within maxAttempts is queued again for any machine (from its first row: letters are the same, messages
   * already queued are not queued twice); otherwise it fails, as does an upload its process never finished receiving.
   * Returns the ids failed (those queued again are not).
   */
  override async recoverInterrupted(now = Date.now()): Promise<string[]> {
    const rows = await this.db.query<{
      id: string;
      status: BatchRecord;
      job: StoredJob | null;
      language: Language;
      host: string | null;
      pid: number | null;
      instance: string | null;
      heartbeatAt: number | null;
      attempts: number;
    }>(
      `SELECT id, status, job, language, process_host AS host, process_pid AS pid, process_instance AS instance,
         heartbeat_at AS "heartbeatAt", attempts
       FROM batch_jobs WHERE state IN ('queued', 'running') AND process_instance IS NOT NULL
         AND process_instance <> $1`,
      [this.self.instance],
    );
    const failed: string[] = [];
    for (const row of rows) {
      const gone =
        (row.heartbeatAt ?? 0) < now - this.timing.goneAfterMs ||
        (row.host === this.self.host && row.pid !== null && !this.isAlive(row.pid));
      if (!gone) continue;
      const input = await fs.stat(this.inputFile(row.id)).catch(() => null);
      if (row.job && row.attempts < this.timing.maxAttempts && input) {
        await this.db.run(
          `UPDATE batch_jobs SET state = 'queued', queued_at = $3,
             status = jsonb_set(jsonb_set(status, '{state}', '"queued"'), '{processed}', '0'),
             process_host = NULL, process_pid = NULL, process_instance = NULL
           WHERE id = $1 AND process_instance = $2`,
          [row.id, row.instance, now],
        );
        continue;
      }
      await this.removeWorkFiles(row.id);
      const message = INTERRUPTED_MESSAGE[row.language === 'en' ? 'en' : 'it'];
      await this.write({ ...row.status, state: 'failed', error: { path: 'file', message }, download: null });
      failed.push(row.id);
    }
    return failed;
  }

  protected override async readAny(id: string): Promise<BatchRecord | null> {
    if (!BatchStore.isId(id)) return null;
    const rows = await this.db.query<{ status: BatchRecord }>('SELECT status FROM batch_jobs WHERE id = $1', [id]);
    return rows[0]?.status ?? null;
  }

  override async list(owner: string, now = Date.now()): Promise<BatchRecord[]> {
    const rows = await this.db.query<{ status: BatchRecord }>(
      'SELECT status FROM batch_jobs WHERE owner = $1 AND expires_at > $2 ORDER BY created_at DESC',
      [owner, now],
    );
    return rows.map((row) => row.status);
  }

  override async remove(id: string): Promise<void> {
    this.held.delete(id);
    await this.db.run('DELETE FROM batch_jobs WHERE id = $1', [id]);
    await super.remove(id);
  }

  /** Expired batches go, rows and folders; then folders with no row left by a crash, by their age. */
  override async sweep(now = Date.now()): Promise<number> {
    const expired = await this.db.query<{ id: string }>('DELETE FROM batch_jobs WHERE expires_at <= $1 RETURNING id', [
      now,
    ]);
    for (const { id } of expired) await fs.rm(path.join(this.dir, id), { recursive: true, force: true });
    return expired.length + (await super.sweep(now));
  }
}

/** The runner's shared queue on this store: a job is kept without its status (that has its own column). */
export function postgresBatchQueue(store: PostgresBatchStore): SharedBatchQueue {
  return {
    put: async ({ status, ...job }) => store.enqueueJob(status.id, job),
    take: async () => {
      const claimed = await store.claimNext();
      return claimed ? ({ ...claimed.job, status: claimed.status } as unknown as BatchJob) : null;
    },
  };
}
