import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BatchRecord } from './batch-status';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Batches on disk, one folder each (the uploaded list, status.json, letters.zip), so that every web process of a
 * cluster sees the same batches. Each batch records the operator who submitted it; the routes show a batch only
 * to that operator.
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

  async create(now = Date.now(), owner: string | null = null): Promise<BatchRecord> {
    const id = randomUUID();
    await fs.mkdir(this.folder(id), { recursive: true });
    const status: BatchRecord = {
      id,
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
    await this.write(status);
    return status;
  }

  /** Written to a temporary file and renamed: a reader never sees half a status. */
  async write(status: BatchRecord): Promise<void> {
    const file = path.join(this.folder(status.id), 'status.json');
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(status));
    await fs.rename(temporary, file);
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

  private async readAny(id: string): Promise<BatchRecord | null> {
    if (!BatchStore.isId(id)) return null;
    try {
      const record = JSON.parse(await fs.readFile(path.join(this.folder(id), 'status.json'), 'utf8')) as BatchRecord;
      return { ...record, owner: record.owner ?? null };
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
