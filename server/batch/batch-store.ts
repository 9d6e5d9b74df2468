import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Language } from '../core/i18n/language';
import { INTERRUPTED_MESSAGE } from './batch-texts';
import type { BatchStatus } from './batch-status';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The process that took a batch in and will run it: written beside its status, refreshed while it lives. */
export interface BatchOwner {
  host: string;
  pid: number;
  /** Random per process: a pid reused after a restart (pid 1 in a container) is not the same owner. */
  instance: string;
}

export const THIS_PROCESS: BatchOwner = { host: os.hostname(), pid: process.pid, instance: randomUUID() };

/** How often an owner refreshes its batches, and after how long without it a batch has no live owner. */
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
 * that every web process of a cluster sees the same batches. The random id is the only key: whoever has it may read
 * the batch. A batch queued or running whose owner is gone (killed, crashed, restarted) is failed and its files
 * removed by `recoverInterrupted`, which every process runs at start and with each sweep.
 */
export class BatchStore {
  /** The batches this process took in and has not finished: the ones its heartbeat keeps alive. */
  private readonly owned = new Map<string, Language>();

  constructor(
    readonly dir: string,
    readonly ttlMs: number,
    readonly owner: BatchOwner = THIS_PROCESS,
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

  /** A new batch, queued and owned by this process (in the language its messages will be in). */
  async create(now = Date.now(), language: Language = 'it'): Promise<BatchStatus> {
    const id = randomUUID();
    await fs.mkdir(this.folder(id), { recursive: true, mode: 0o700 });
    await fs.writeFile(this.ownerFile(id), JSON.stringify({ ...this.owner, language }), { mode: 0o600 });
    this.owned.set(id, language);
    const status: BatchStatus = {
      id,
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
    await this.write(status);
    return status;
  }

  /** Written to a temporary file and renamed: a reader never sees half a status. */
  async write(status: BatchStatus): Promise<void> {
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
      const owner = await this.readOwner(id);
      if (owner && !this.ownerGone(owner.owner, owner.heartbeatAt, now, isAlive)) continue;
      const language = owner?.language ?? 'it';
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

  private ownerGone(owner: BatchOwner, heartbeatAt: number, now: number, isAlive: (pid: number) => boolean): boolean {
    if (owner.instance === this.owner.instance) return false;
    if (now - heartbeatAt > OWNER_GONE_AFTER_MS) return true;
    // On this machine the process table answers at once; another machine sharing BATCH_DIR is judged by its heartbeat.
    return owner.host === this.owner.host && (owner.pid === this.owner.pid || !isAlive(owner.pid));
  }

  private async readOwner(id: string): Promise<{ owner: BatchOwner; language: Language; heartbeatAt: number } | null> {
    try {
      const file = this.ownerFile(id);
      const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
      const { host, pid, instance, language } = JSON.parse(text) as BatchOwner & { language: Language };
      return { owner: { host, pid, instance }, language: language === 'en' ? 'en' : 'it', heartbeatAt: stat.mtimeMs };
    } catch {
      return null;
    }
  }

  /** null for an unknown, deleted or expired batch. */
  async read(id: string, now = Date.now()): Promise<BatchStatus | null> {
    const status = await this.readAny(id);
    return status && Date.parse(status.expiresAt) > now ? status : null;
  }

  private async readAny(id: string): Promise<BatchStatus | null> {
    if (!BatchStore.isId(id)) return null;
    try {
      return JSON.parse(await fs.readFile(path.join(this.folder(id), 'status.json'), 'utf8')) as BatchStatus;
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
