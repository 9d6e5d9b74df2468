import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchStore } from '../../server/batch/batch-store';

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
