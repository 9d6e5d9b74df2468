import request from 'supertest';
import { queuedLetterService } from '../../server/web/queued-letter-service';
import { QueueFullError, RenderQueue } from '../../server/web/render-queue';
import { workedExampleClaim } from '../fixtures/claims';
import { testApp } from '../support/test-app';
import { testLetterService } from '../support/test-service';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

test('jobs run one at a time, in arrival order', async () => {
  const queue = new RenderQueue({ maxWaiting: 10, maxWaitMs: 60_000 });
  const log: string[] = [];
  let running = 0;
  const job = (name: string) => async () => {
    running += 1;
    expect(running).toBe(1);
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push(`end ${name}`);
    running -= 1;
    return name;
  };
  expect(await Promise.all(['a', 'b', 'c'].map((name) => queue.run(job(name))))).toEqual(['a', 'b', 'c']);
  expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});

test('a failing job does not stop the queue', async () => {
  const queue = new RenderQueue({ maxWaiting: 10, maxWaitMs: 60_000 });
  const failed = queue.run(async () => Promise.reject(new Error('boom')));
  const next = queue.run(async () => 'next');
  await expect(failed).rejects.toThrow('boom');
  await expect(next).resolves.toBe('next');
});

test('when too many jobs wait, new ones are refused at once', async () => {
  const queue = new RenderQueue({ maxWaiting: 1, maxWaitMs: 60_000 });
  const blocker = gate();
  const running = queue.run(() => blocker.opened);
  const waiting = queue.run(async () => 'waited');
  await expect(queue.run(async () => 'refused')).rejects.toBeInstanceOf(QueueFullError);
  blocker.open();
  await running;
  await expect(waiting).resolves.toBe('waited');
});

test('a job that would wait longer than maxWaitMs at the measured pace is refused, with that wait as Retry-After', async () => {
  let clock = 0;
  const queue = new RenderQueue({ maxWaiting: 100, maxWaitMs: 2500, now: () => clock });
  await queue.run(async () => {
    clock += 1000;
  });
  expect(queue.msPerJob).toBe(1000);
  const blocker = gate();
  const running = queue.run(() => blocker.opened);
  const second = queue.run(async () => 'second'); // 1 job ahead: 1 s
  const third = queue.run(async () => 'third'); // 2 jobs ahead: 2 s
  expect(queue.expectedWaitMs()).toBe(3000);
  await expect(queue.run(async () => 'fourth')).rejects.toMatchObject({ retryAfterSeconds: 3 });
  clock += 500; // the blocked job ends: the pace moves toward 500 ms
  blocker.open();
  await Promise.all([running, second, third]);
  expect(queue.msPerJob).toBeLessThan(1000);
  await expect(queue.run(async () => 'later')).resolves.toBe('later');
});

test('the letter route answers 503 with Retry-After when the queue is full, and recovers', async () => {
  const renderQueue = new RenderQueue({ maxWaiting: 1, maxWaitMs: 60_000 });
  const { app } = testApp({}, { deps: { letterService: queuedLetterService(testLetterService(), renderQueue) } });
  const blocker = gate();
  const running = renderQueue.run(() => blocker.opened);
  const waiting = renderQueue.run(async () => undefined);
  const res = await request(app).post('/api/v1/claims/letter?lang=en').send(workedExampleClaim()).expect(503);
  expect(res.headers['retry-after']).toBe('1');
  expect(res.body).toEqual({
    errors: [{ path: '', message: 'The service is very busy right now: try again in a few seconds.' }],
  });
  blocker.open();
  await Promise.all([running, waiting]);
  await request(app).post('/api/v1/claims/letter').send(workedExampleClaim()).expect(200);
});
