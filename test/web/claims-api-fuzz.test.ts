import fc from 'fast-check';
import request from 'supertest';
import { workedExampleClaim } from '../fixtures/claims';
import { testApp, UNLIMITED_RATES } from '../support/test-app';

const { app, internalErrors } = testApp(UNLIMITED_RATES);
const ENDPOINTS = ['/api/v1/claims/assess', '/api/v1/claims/letter'];

function expectClientError(res: request.Response): void {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.type).toBe('application/json');
  expect(Array.isArray(res.body.errors)).toBe(true);
  expect(res.body.errors.length).toBeGreaterThan(0);
  for (const error of res.body.errors) {
    expect(typeof error.path).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

/** A valid claim with one field replaced by anything: the nastiest realistic input. */
const corruptedClaim = fc
  .tuple(
    fc.constantFrom(
      'claimant.firstName',
      'claimant.taxCode',
      'claimant.address',
      'account.type',
      'account.annualFee',
      'outages',
      'outages.0.start',
      'damages',
      'damages.0.amount',
      'letter.date',
      'letter.deadlineDays',
      'compensationReceived',
    ),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map(([path, value]) => {
    const claim = JSON.parse(JSON.stringify(workedExampleClaim())) as Record<string, unknown>;
    const keys = path.split('.');
    let target = claim as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[keys[keys.length - 1]!] = value;
    return claim;
  });

describe.each(ENDPOINTS)('%s under random and hostile JSON', (endpoint) => {
  test('random JSON values: only 4xx with {path, message} lists', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const res = await request(app)
          .post(endpoint)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(value));
        expectClientError(res);
      }),
      { numRuns: 60 },
    );
  });

  test('a valid claim with one field corrupted: 200, or a 4xx naming the problem', async () => {
    await fc.assert(
      fc.asyncProperty(corruptedClaim, async (claim) => {
        const res = await request(app).post(endpoint).send(claim);
        if (res.status !== 200) expectClientError(res);
      }),
      { numRuns: 80 },
    );
  });

  test.each([
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['deep nesting inside a field', `{"claimant":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`],
    [
      '__proto__ keys',
      '{"__proto__":{"polluted":true},"claimant":{"__proto__":{"x":1}},"constructor":{"prototype":{"y":1}}}',
    ],
    ['numbers beyond double range', '{"account":{"annualFee":1e309},"letter":{"deadlineDays":1e309}}'],
    ['a huge string', `{"claimant":{"firstName":"${'a'.repeat(60_000)}"}}`],
    ['wrong types everywhere', '{"claimant":[],"account":"x","outages":{},"damages":7,"letter":true}'],
    ['control characters and lone surrogates', '{"claimant":{"firstName":"\\u0000\\ud800","lastName":"\\u202e"}}'],
    ['a bare string', '"claim"'],
    ['null', 'null'],
    ['an empty body', ''],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])('%s', async (_name, body) => {
    const res = await request(app)
      .post(endpoint)
      .set('Content-Type', 'application/json')
      .send(body as string);
    expectClientError(res);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

afterAll(() => expect(internalErrors).toEqual([]));
