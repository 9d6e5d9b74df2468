import request from 'supertest';
import type { Readiness } from '../../server/web/health-routes';
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
  expect(failing.body.checks).toContainEqual({ name: 'outbox', ok: false, error: 'database is locked' });
});

test('/readyz is 503 while draining for a shutdown', async () => {
  const res = await request(appWith({ draining: true, checks: [] }))
    .get('/readyz')
    .expect(503);
  expect(res.body.status).toBe('draining');
});
