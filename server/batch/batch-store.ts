import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BatchStatus } from './batch-status';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Batches on disk, one folder each (the uploaded list, status.json, letters.zip), so that every web process of a
 * cluster sees the same batches. The random id is the only key: whoever has it may read the batch.
 */
export class BatchStore {
  constructor(
    readonly dir: string,
    readonly ttlMs: number,
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

  async create(now = Date.now()): Promise<BatchStatus> {
    const id = randomUUID();
    await fs.mkdir(this.folder(id), { recursive: true });
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
    await fs.writeFile(temporary, JSON.stringify(status));
    await fs.rename(temporary, file);
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
