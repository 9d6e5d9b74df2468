import request from 'supertest';
import type { Readiness } from '../../server/web/health-routes';
import { capturedLogger } from '../support/log-capture';
import { testApp } from '../support/test-app';

function appWith(readiness: Readiness) {
  return testApp({}, { deps: { readiness } }).app;
}

test('/healthz answers while the process is up', async () => {
  const res = await request(appWith({ draining: false, checks: [] }))
    .get('/healthz')
    .expect(200);
  expect(res.body).toEqual({ status: 'ok' });
});

test('/readyz is 200 when every check passes and 503 naming the failing check otherwise', async () => {
  const readiness: Readiness = { draining: false, checks: [{ name: 'fonts', check: () => undefined }] };
  const app = appWith(readiness);
  expect((await request(app).get('/readyz').expect(200)).body).toEqual({
    status: 'ready',
    checks: [{ name: 'fonts', ok: true }],
  });
  readiness.checks.push({ name: 'outbox', check: async () => Promise.reject(new Error('database is locked')) });
  const failing = await request(app).get('/readyz').expect(503);
  expect(failing.body.checks).toContainEqual({ name: 'outbox', ok: false });
  expect(JSON.stringify(failing.body)).not.toContain('locked');
});

test("a failing check's error goes to the log, once while it stays the same", async () => {
  const { logger, lines } = capturedLogger();
  const readiness: Readiness = {
    draining: false,
    checks: [{ name: 'outbox', check: async () => Promise.reject(new Error('database is locked')) }],
  };
  const { app } = testApp({}, { logger, deps: { readiness } });
  for (let poll = 0; poll < 3; poll += 1) await request(app).get('/readyz').expect(503);
  const notReady = lines.map((line) => JSON.parse(line) as { msg: string }).filter((line) => line.msg === 'not ready');
  expect(notReady).toHaveLength(1);
  expect(notReady[0]).toMatchObject({ check: 'outbox', err: { message: 'database is locked' } });
});

test('/readyz is 503 while draining for a shutdown', async () => {
  const res = await request(appWith({ draining: true, checks: [] }))
    .get('/readyz')
    .expect(503);
  expect(res.body.status).toBe('draining');
});
