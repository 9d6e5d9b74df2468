import request from 'supertest';
import { businessClaim, workedExampleClaim } from '../fixtures/claims';
import { capturedLogger } from '../support/log-capture';
import { testApp } from '../support/test-app';

/** Every personal value of the test claims: none may reach the log. */
const PERSONAL = [
  'Mario',
  'Rossi',
  'RSSMRA79B11C566R',
  'RCCMNL83S18D969H',
  'Via Roma',
  'Garibaldi',
  'mario.rossi',
  'example.org',
  'libero.it',
  'Verdi',
  '00743110157',
  'Preventivo',
];

test('a run through the API logs requests without any personal data', async () => {
  const { logger, lines } = capturedLogger();
  const { app } = testApp({}, { logger });
  const agent = request(app);
  await agent
    .post('/api/v1/claims/assess?email=mario.rossi@example.org')
    .set('Cookie', 'name=Mario')
    .send(workedExampleClaim())
    .expect(200);
  await agent.post('/api/v1/claims/letter').send(businessClaim()).expect(200);
  await agent
    .post('/api/v1/claims/letter')
    .send({ ...workedExampleClaim(), outages: [] })
    .expect(422);
  await agent
    .post('/api/v1/claims/assess')
    .set('Content-Type', 'application/json')
    .send('{"claimant":{"firstName":"Mario Rossi"')
    .expect(400);
  await agent.get('/api/v1/rules').expect(200);

  const log = lines.join('');
  expect(lines.length).toBeGreaterThanOrEqual(5);
  for (const value of PERSONAL) expect(log).not.toContain(value);
  const entries = lines.map(
    (line) => JSON.parse(line) as { route?: string; res?: { statusCode: number }; durationMs?: number; reqId?: string },
  );
  expect(entries.map((entry) => entry.route)).toEqual([
    '/api/v1/claims/assess',
    '/api/v1/claims/letter',
    '/api/v1/claims/letter',
    // The body is read by the route (after its rate limit), so even a broken one is logged under it.
    '/api/v1/claims/assess',
    '/api/v1/rules',
  ]);
  expect(entries.every((entry) => typeof entry.durationMs === 'number' && typeof entry.reqId === 'string')).toBe(true);
});
