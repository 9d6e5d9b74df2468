import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../server/config/app-config';
import { workedExampleClaim } from '../fixtures/claims';
import { requestFrom, startLoopbackProxy, type Answer } from '../support/loopback-proxy';
import { testApp, UNLIMITED_RATES } from '../support/test-app';

/**
 * Behind a reverse proxy every request comes from the proxy's address: without TRUST_PROXY all clients share one
 * rate-limit bucket. With it (a hop count or the proxy's addresses), the client is the address the proxy saw, so
 * per-client limits hold — and a client cannot pick its own address by sending X-Forwarded-For.
 */
const CLIENT_A = '127.0.0.2';
const CLIENT_B = '127.0.0.3';
const LIMIT = 3;

async function behindProxy(trustProxy: string | undefined) {
  const config = loadConfig(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy });
  const composed = testApp({
    ...UNLIMITED_RATES,
    RATE_LIMIT_ASSESS_PER_MINUTE: LIMIT,
    TRUST_PROXY: config.TRUST_PROXY,
  });
  const server: Server = composed.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const proxy = await startLoopbackProxy({ port: (server.address() as AddressInfo).port });
  const assess = (client: string, headers: Record<string, string> = {}): Promise<Answer> =>
    requestFrom(client, proxy.port, {
      method: 'POST',
      path: '/api/v1/claims/assess',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(workedExampleClaim()),
    });
  const close = async () => {
    await proxy.close();
    server.close();
    await composed.stop();
  };
  return { assess, close };
}

async function statuses(send: () => Promise<Answer>, times: number): Promise<number[]> {
  const found: number[] = [];
  for (let index = 0; index < times; index += 1) found.push((await send()).status);
  return found;
}

test('without TRUST_PROXY (the default) the clients of a proxy share one bucket', async () => {
  const { assess, close } = await behindProxy(undefined);
  try {
    expect(await statuses(() => assess(CLIENT_A), LIMIT)).toEqual([200, 200, 200]);
    expect((await assess(CLIENT_B)).status).toBe(429);
  } finally {
    await close();
  }
});

test.each([
  ['a hop count', '1'],
  ["the proxy's address", '127.0.0.1'],
  ['an address list with a subnet', '127.0.0.1/32, 10.0.0.0/8'],
])(
  'TRUST_PROXY as %s: each client behind the proxy has its own limit, spoofed headers change nothing',
  async (_n, value) => {
    const { assess, close } = await behindProxy(value);
    try {
      expect(await statuses(() => assess(CLIENT_A), LIMIT)).toEqual([200, 200, 200]);
      expect((await assess(CLIENT_A)).status).toBe(429);
      // Client A claims to be someone else: the proxy appends what it saw, and only that is believed.
      expect((await assess(CLIENT_A, { 'x-forwarded-for': '198.51.100.9' })).status).toBe(429);
      expect(await statuses(() => assess(CLIENT_B), LIMIT)).toEqual([200, 200, 200]);
      expect((await assess(CLIENT_B)).status).toBe(429);
    } finally {
      await close();
    }
  },
);

test('TRUST_PROXY is checked at start: a hop count or addresses, never "trust everyone"', () => {
  expect(loadConfig({}).TRUST_PROXY).toBe(false);
  expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
  expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).TRUST_PROXY).toEqual([
    'loopback',
    '10.0.0.0/8',
    'fd00::/8',
  ]);
  for (const wrong of ['true', 'everyone', '10.0.0.0/33', '300.1.1.1', '-1', '0'])
    expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
});
