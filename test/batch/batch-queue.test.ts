import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { BatchRunner } from '../../server/batch/batch-runner';
import { BatchStore } from '../../server/batch/batch-store';
import { SAMPLE_CSV } from '../support/batch-run';
import { testApp, UNLIMITED_RATES } from '../support/test-app';
import { testLetterService } from '../support/test-service';

/** The batch queue is shared fairly: one client holds at most BATCH_QUEUE_PER_CLIENT places, whatever it sends. */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-queue-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('places are reserved per client before an upload is read; released when the upload is refused', () => {
  const runner = new BatchRunner({
    store: new BatchStore(dir, 60_000),
    service: testLetterService(),
    workers: 1,
    providerPec: null,
    maxRows: 10,
    maxQueued: 3,
    maxPerClient: 2,
    onError: () => undefined,
  });
  const a1 = runner.reserve('a');
  const a2 = runner.reserve('a');
  expect(typeof a1).toBe('object');
  expect(typeof a2).toBe('object');
  expect(runner.reserve('a')).toBe('client-full');
  const b1 = runner.reserve('b');
  expect(typeof b1).toBe('object');
  expect(runner.reserve('c')).toBe('full');
  if (typeof a1 === 'object') a1.release();
  if (typeof a1 === 'object') a1.release(); // twice is once
  expect(typeof runner.reserve('c')).toBe('object');
  expect(runner.reserve('d')).toBe('full');
});

/** `count` distinct eligible members: each one is rendered, so the batch takes a few seconds. */
function memberList(count: number): string {
  const [header, first] = fs
    .readFileSync(SAMPLE_CSV, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  const rows = Array.from({ length: count }, (_, index) =>
    first!.replace('mario.rossi@libero.it', `coda${index}@libero.it`),
  );
  const file = path.join(dir, `list-${count}.csv`);
  fs.writeFileSync(file, `${[header, ...rows].join('\r\n')}\r\n`);
  return file;
}

test('one client with a batch running and one waiting gets 429 for a third; the queue stays open to others', async () => {
  const composed = testApp({ ...UNLIMITED_RATES, BATCH_DIR: path.join(dir, 'store'), BATCH_WORKERS: 1 });
  const { app } = composed;
  try {
    const list = memberList(200);
    const first = await request(app).post('/api/v1/batches?lang=en').attach('file', list).expect(202);
    await request(app).post('/api/v1/batches?lang=en').attach('file', list).expect(202);
    const third = await request(app).post('/api/v1/batches?lang=en').attach('file', list).expect(429);
    expect(third.body.errors).toEqual([
      {
        path: 'file',
        message: 'Batches from this address are already waiting or running: upload the next one when they are done.',
      },
    ]);
    const page = await request(app).get('/batches?lang=en').expect(200);
    expect(page.text).toContain('<form');
    // Another client is not held up by the first one's share (its place is reserved the same way).
    const other = composed.deps.batches.runner.reserve('203.0.113.7');
    expect(typeof other).toBe('object');
    if (typeof other === 'object') other.release();
    expect((await request(app).get(`/api/v1/batches/${first.body.id}`).expect(200)).body.state).not.toBe('failed');
  } finally {
    await composed.stop();
  }
}, 120_000);
