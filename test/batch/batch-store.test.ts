import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchStore } from '../../server/batch/batch-store';
import { INTERRUPTED_MESSAGE } from '../../server/batch/batch-texts';

const HOUR = 60 * 60 * 1000;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a batch is readable until its expiry, then gone; the sweeper deletes it, and a batch folder without status once it is old; nothing else', async () => {
  const store = new BatchStore(dir, HOUR);
  const now = Date.now();
  const old = await store.create(now - 2 * HOUR);
  const fresh = await store.create(now);
  fs.writeFileSync(store.zipFile(old.id), 'zip');
  expect(await store.read(fresh.id, now)).toMatchObject({ id: fresh.id, state: 'queued' });
  expect(await store.read(old.id, now)).toBeNull();
  fs.mkdirSync(path.join(dir, 'not-a-batch'));
  const stray = path.join(dir, '11111111-1111-4111-8111-111111111111');
  fs.mkdirSync(stray);
  expect(await store.sweep(now)).toBe(1);
  expect(fs.readdirSync(dir).sort()).toEqual([fresh.id, '11111111-1111-4111-8111-111111111111', 'not-a-batch'].sort());
  expect(await store.sweep(now + 2 * HOUR)).toBe(2);
  expect(fs.readdirSync(dir)).toEqual(['not-a-batch']);
});

test('ids that are not the store’s own never reach the file system', async () => {
  const store = new BatchStore(dir, HOUR);
  expect(await store.read('../../etc')).toBeNull();
  expect(() => store.zipFile('../x')).toThrow();
});

describe('batches left by a process that is gone are failed and their files removed; live ones are left alone', () => {
  const self = { host: 'this-host', pid: 4242, instance: 'me' };
  const owned = (host: string, pid: number, instance: string) => new BatchStore(dir, HOUR, { host, pid, instance });
  const alive = (pid: number) => pid === 100;

  async function runningBatch(store: BatchStore, state: 'queued' | 'running' | 'done' = 'running') {
    const status = await store.create(Date.now(), null, 'en');
    fs.writeFileSync(store.inputFile(status.id), 'list');
    fs.writeFileSync(`${store.zipFile(status.id)}.part`, 'zip');
    fs.mkdirSync(store.workDir(status.id));
    fs.writeFileSync(path.join(store.workDir(status.id), 'report.csv'), 'report');
    await store.write({ ...status, state });
    return status.id;
  }

  test('a dead pid, this pid in a former life, a stale heartbeat: failed; a live owner, a done batch: untouched', async () => {
    const deadPid = await runningBatch(owned('this-host', 99, 'a'));
    const reusedPid = await runningBatch(owned('this-host', 4242, 'former-life'), 'queued');
    const liveSibling = await runningBatch(owned('this-host', 100, 'b'));
    const otherMachine = await runningBatch(owned('other-host', 1, 'c'));
    const done = await runningBatch(owned('this-host', 99, 'd'), 'done');
    const store = new BatchStore(dir, HOUR, self);
    const mine = await runningBatch(store);

    expect((await store.recoverInterrupted(Date.now(), alive)).sort()).toEqual([deadPid, reusedPid].sort());
    for (const id of [deadPid, reusedPid]) {
      expect(await store.read(id)).toMatchObject({
        state: 'failed',
        error: { path: 'file', message: INTERRUPTED_MESSAGE.en },
      });
      expect(fs.readdirSync(store.folder(id))).toEqual(['status.json']);
    }
    for (const id of [liveSibling, otherMachine, mine]) {
      expect(await store.read(id)).toMatchObject({ state: 'running' });
      expect(fs.readdirSync(store.folder(id)).sort()).toEqual(
        ['input', 'letters.zip.part', 'owner.json', 'status.json', 'work'].sort(),
      );
    }
    expect(fs.readdirSync(store.folder(done)).sort()).toEqual(['input', 'letters.zip.part', 'status.json']);

    // Another machine sharing BATCH_DIR is judged by its heartbeat: a minute without one and its batch is failed.
    const later = Date.now() + 2 * 60_000;
    expect(await store.recoverInterrupted(later, alive)).toEqual(expect.arrayContaining([otherMachine, liveSibling]));
    expect(await store.read(mine)).toMatchObject({ state: 'running' });
  });

  test("the heartbeat keeps this process's batches fresh for the others", async () => {
    const store = owned('this-host', 100, 'b');
    const id = await runningBatch(store);
    const later = Date.now() + 2 * 60_000;
    await store.heartbeat(later);
    const other = new BatchStore(dir, HOUR, self);
    expect(await other.recoverInterrupted(later, alive)).toEqual([]);
    expect(await other.read(id)).toMatchObject({ state: 'running' });
  });
});
