import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { BatchRunner } from '../../server/batch/batch-runner';
import { BatchStore } from '../../server/batch/batch-store';
import { distinctMembers } from '../support/batch-run';
import { testApp, UNLIMITED_RATES } from '../support/test-app';
import { testLetterService } from '../support/test-service';
import { addTestOperator, type TestOperator } from '../support/operators';

/** The batch queue is shared fairly: one client holds at most BATCH_QUEUE_PER_OPERATOR places, whatever it sends. */
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

test('one operator with a batch running and one waiting gets 429 for a third; the queue stays open to others', async () => {
  const composed = testApp({ ...UNLIMITED_RATES, BATCH_DIR: path.join(dir, 'store'), BATCH_WORKERS: 1 });
  const { app } = composed;
  try {
    const [operator, colleague] = [await addTestOperator(composed.storage), await addTestOperator(composed.storage)];
    const upload = (who: TestOperator) =>
      request(app).post('/api/v1/batches?lang=en').set(who.bearer).attach('file', distinctMembers(dir, 200));
    const first = await upload(operator).expect(202);
    await upload(operator).expect(202);
    const third = await upload(operator).expect(429);
    expect(third.body.errors).toEqual([
      {
        path: 'file',
        message: 'This operator already has batches waiting or running: upload the next one when they are done.',
      },
    ]);
    // Another operator, from the same address, is not held up by the first one's share.
    await upload(colleague).expect(202);
    const status = await request(app).get(`/api/v1/batches/${first.body.id}`).set(operator.bearer).expect(200);
    expect(status.body.state).not.toBe('failed');
  } finally {
    await composed.stop();
  }
}, 120_000);
