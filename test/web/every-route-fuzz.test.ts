import fc from 'fast-check';
import request from 'supertest';
import type { ServedRoute } from '../../server/web/api/api-modules';
import { testApp, UNLIMITED_RATES } from '../support/test-app';

/**
 * Every route the API serves (read from the app, so new routes are fuzzed without touching this file) gets random
 * and hostile bodies, content types, path parameters and query strings: the answer is always a 2xx or a 4xx with
 * a {path, message} list, never a 5xx, never a hang.
 */
const { app, apiRoutes: routes, internalErrors } = testApp(UNLIMITED_RATES);

const HOSTILE_BODIES: [string, string | Buffer][] = [
  ['deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
  ['__proto__ keys', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
  ['1e309', '{"a":1e309,"b":-1e309,"c":1e-400}'],
  ['a huge string', `"${'x'.repeat(200_000)}"`],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d])],
  ['NUL bytes', Buffer.from('{"a":"\u0000\u0000"}\u0000')],
  ['truncated', '{"claimant":{"firstName":"Ma'],
];

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/octet-stream',
  'text/csv; charset=utf-16',
];

const pathParameter = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%00', '%E0%A4%A', 'a'.repeat(2000), '__proto__', 'constructor'),
);

function urlFor(route: ServedRoute, parameter: string): string {
  return route.path.replace(/\{\w+\}/g, encodeURIComponent(parameter).replace(/%25([0-9A-F]{2})/g, '%$1'));
}

function send(route: ServedRoute, url: string): request.Test {
  return (request(app) as unknown as Record<string, (url: string) => request.Test>)[route.method]!(url).timeout(15_000);
}

function expectNoServerError(res: request.Response): void {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.type).toBe('application/json');
    expect(res.body.errors.length).toBeGreaterThan(0);
    for (const error of res.body.errors) expect(typeof error.message).toBe('string');
  }
  expect(res.text ?? '').not.toMatch(/\bat .+\.(ts|js):\d+/);
}

test('the API serves routes to fuzz', () => {
  expect(routes.length).toBeGreaterThanOrEqual(4);
});

describe.each(routes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
  '%s',
  (_name, route) => {
    const writes = route.method !== 'get';

    test('random path parameters and query strings', async () => {
      await fc.assert(
        fc.asyncProperty(
          pathParameter,
          fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 4 }),
          async (parameter, query) => {
            const res = await send(route, urlFor(route, parameter)).query(query);
            expectNoServerError(res);
          },
        ),
        { numRuns: 25 },
      );
    });

    if (!writes) return;

    test('random bodies under random content types', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...CONTENT_TYPES),
          fc.oneof(
            fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ''),
            fc.string({ maxLength: 300 }),
          ),
          async (type, body) => {
            const res = await send(route, urlFor(route, 'probe')).set('Content-Type', type).send(body);
            expectNoServerError(res);
          },
        ),
        { numRuns: 40 },
      );
    });

    test.each(HOSTILE_BODIES)('hostile body: %s', async (_label, body) => {
      for (const type of ['application/json', 'multipart/form-data; boundary=x']) {
        const res = await send(route, urlFor(route, 'probe'))
          .set('Content-Type', type)
          .send(body as string);
        expectNoServerError(res);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  },
);

afterAll(() => expect(internalErrors).toEqual([]));
