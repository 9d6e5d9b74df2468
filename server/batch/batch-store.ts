import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Language } from '../core/i18n/language';
import { INTERRUPTED_MESSAGE } from './batch-texts';
import type { BatchRecord } from './batch-status';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The process that took a batch in and will run it (not the operator who submitted it: that is the record's `owner`):
 * written beside its status as owner.json, refreshed while it lives.
 */
export interface BatchProcess {
  host: string;
  pid: number;
  /** Random per process: a pid reused after a restart (pid 1 in a container) is not the same process. */
  instance: string;
}

export const THIS_PROCESS: BatchProcess = { host: os.hostname(), pid: process.pid, instance: randomUUID() };

/** How often a process refreshes its batches, and after how long without it a batch has no live process. */
export const HEARTBEAT_MS = 10_000;
export const OWNER_GONE_AFTER_MS = 6 * HEARTBEAT_MS;

/** What a batch writes besides its status: all of it in the batch's folder, all of it gone when the batch ends. */
const WORK_FILES = ['input', 'letters.zip.part', 'work'];

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Batches on disk, one folder each (the uploaded list, status.json, owner.json, letters.zip, the work folder), so
 * that every web process of a cluster sees the same batches. Each batch records the operator who submitted it; the
 * routes show a batch only to that operator. A batch queued or running whose process is gone (killed, crashed,
 * restarted) is failed and its files removed by `recoverInterrupted`, which every process runs at start and with
 * each sweep.
 */
export class BatchStore {
  /** The batches this process took in and has not finished: the ones its heartbeat keeps alive. */
  private readonly owned = new Map<string, Language>();

  constructor(
    readonly dir: string,
    readonly ttlMs: number,
    readonly self: BatchProcess = THIS_PROCESS,
    /** After how long without a heartbeat a batch has no live process (BATCH_HEARTBEAT_SECONDS × 6). */
    readonly goneAfterMs: number = OWNER_GONE_AFTER_MS,
  ) {}

  static isId(id: string): boolean {
    return ID.test(id);
  }

  folder(id: string): string {
    if (!BatchStore.isId(id)) throw new Error('not a batch id');
    return path.join(this.dir, id);
  }

  inputFile(id: string): string {
    return path.join(this.folder(id), 'input');
  }

  zipFile(id: string): string {
    return path.join(this.folder(id), 'letters.zip');
  }

  /** Where a running batch writes its report and any other file of its own. */
  workDir(id: string): string {
    return path.join(this.folder(id), 'work');
  }

  private ownerFile(id: string): string {
    return path.join(this.folder(id), 'owner.json');
  }

  /**
   * A new batch, submitted by `owner` (an operator id), queued and run by this process (in the language its messages
   * will be in).
   */
  async create(now = Date.now(), owner: string | null = null, language: Language = 'it'): Promise<BatchRecord> {
    const status = this.newStatus(now, owner);
    const { id } = status;
    await fs.mkdir(this.folder(id), { recursive: true, mode: 0o700 });
    await fs.writeFile(this.ownerFile(id), JSON.stringify({ ...this.self, language }), { mode: 0o600 });
    this.owned.set(id, language);
    await this.write(status);
    return status;
  }

  /** The status of a new batch, queued, with a new random id. */
  protected newStatus(now: number, owner: string | null): BatchRecord {
    return {
      id: randomUUID(),
      owner,
      state: 'queued',
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.ttlMs).toISOString(),
      rows: 0,
      processed: 0,
      counts: { ok: 0, 'not-eligible': 0, invalid: 0, duplicate: 0 },
      problems: [],
      error: null,
      download: null,
    };
  }

  /** Written to a temporary file and renamed: a reader never sees half a status. */
  async write(status: BatchRecord): Promise<void> {
    const file = path.join(this.folder(status.id), 'status.json');
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(status), { mode: 0o600 });
    await fs.rename(temporary, file);
    if (status.state === 'done' || status.state === 'failed') await this.release(status.id);
  }

  /** A batch that has ended (done or failed): nobody owns it any more, and its work folder goes. */
  private async release(id: string): Promise<void> {
    this.owned.delete(id);
    await fs.rm(this.ownerFile(id), { force: true });
    await fs.rm(this.workDir(id), { recursive: true, force: true });
  }

  /** Refreshes the owner file of every batch this process holds, so other processes see it alive. */
  async heartbeat(now = Date.now()): Promise<void> {
    const time = new Date(now);
    for (const id of this.owned.keys()) await fs.utimes(this.ownerFile(id), time, time).catch(() => undefined);
  }

  /**
   * Fails every queued or running batch that no live process owns (its process is gone, or a pid now taken by a new
   * process, or no heartbeat for OWNER_GONE_AFTER_MS), and removes its files but the status: a poll then says why.
   * Returns the ids it failed.
   */
  async recoverInterrupted(now = Date.now(), isAlive: (pid: number) => boolean = isRunning): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const failed: string[] = [];
    for (const id of names) {
      if (!BatchStore.isId(id) || this.owned.has(id)) continue;
      const status = await this.readAny(id);
      if (!status || (status.state !== 'queued' && status.state !== 'running')) continue;
      const holder = await this.readProcess(id);
      if (holder && !this.processGone(holder.process, holder.heartbeatAt, now, isAlive)) continue;
      const language = holder?.language ?? 'it';
      await this.removeWorkFiles(id);
      await this.write({
        ...status,
        state: 'failed',
        error: { path: 'file', message: INTERRUPTED_MESSAGE[language] },
        download: null,
      });
      failed.push(id);
    }
    return failed;
  }

  /** Everything a batch wrote but its status and ZIP: the list, the partial ZIP, the work folder. */
  async removeWorkFiles(id: string): Promise<void> {
    for (const name of WORK_FILES) await fs.rm(path.join(this.folder(id), name), { recursive: true, force: true });
  }

  private processGone(
    holder: BatchProcess,
    heartbeatAt: number,
    now: number,
    isAlive: (pid: number) => boolean,
  ): boolean {
    if (holder.instance === this.self.instance) return false;
    if (now - heartbeatAt > this.goneAfterMs) return true;
    // On this machine the process table answers at once; another machine sharing BATCH_DIR is judged by its heartbeat.
    return holder.host === this.self.host && (holder.pid === this.self.pid || !isAlive(holder.pid));
  }

  private async readProcess(
    id: string,
  ): Promise<{ process: BatchProcess; language: Language; heartbeatAt: number } | null> {
    try {
      const file = this.ownerFile(id);
      const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
      const { host, pid, instance, language } = JSON.parse(text) as BatchProcess & { language: Language };
      return { process: { host, pid, instance }, language: language === 'en' ? 'en' : 'it', heartbeatAt: stat.mtimeMs };
    } catch {
      return null;
    }
  }

  /** null for an unknown, deleted or expired batch. */
  async read(id: string, now = Date.now()): Promise<BatchRecord | null> {
    const status = await this.readAny(id);
    return status && Date.parse(status.expiresAt) > now ? status : null;
  }

  /** The batch when `owner` submitted it; null otherwise (unknown and someone else's look the same). */
  async readOwned(id: string, owner: string, now = Date.now()): Promise<BatchRecord | null> {
    const status = await this.read(id, now);
    return status && status.owner === owner ? status : null;
  }

  /** The batches `owner` submitted that are still kept, newest first. */
  async list(owner: string, now = Date.now()): Promise<BatchRecord[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const records = await Promise.all(names.filter(BatchStore.isId).map((name) => this.readOwned(name, owner, now)));
    return records
      .filter((record): record is BatchRecord => record !== null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  protected async readAny(id: string): Promise<BatchRecord | null> {
    if (!BatchStore.isId(id)) return null;
    try {
      const record = JSON.parse(await fs.readFile(path.join(this.folder(id), 'status.json'), 'utf8')) as BatchRecord;
      return { ...record, owner: record.owner ?? null };
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<void> {
    this.owned.delete(id);
    await fs.rm(this.folder(id), { recursive: true, force: true });
  }

  /** Deletes every batch past its expiry; never touches a name that is not a batch id (BATCH_DIR may be shared). */
  async sweep(now = Date.now()): Promise<number> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      if (!BatchStore.isId(name) || !(await this.isExpired(name, now))) continue;
      await fs.rm(path.join(this.dir, name), { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }

  /** A folder without a readable status (being created, or left by a crash) expires by its age. */
  private async isExpired(name: string, now: number): Promise<boolean> {
    const status = await this.readAny(name);
    if (status) return Date.parse(status.expiresAt) <= now;
    const stat = await fs.stat(path.join(this.dir, name)).catch(() => null);
    return !stat || stat.mtimeMs + this.ttlMs <= now;
  }
}
