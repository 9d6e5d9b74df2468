import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../server/config/app-config';
import { writeEmlFile } from '../../server/mail/local-outbox';
import { openOutbox, type Outbox } from '../../server/mail/outbox/outbox';
import { requestFrom, startLoopbackProxy, type LoopbackProxy } from '../support/loopback-proxy';
import { testMailSettings } from '../support/mail-fixtures';
import { testApp, type TestApp } from '../support/test-app';

/**
 * The local outbox shows other people's letters: it answers only a browser on this machine, asked by a loopback
 * name (not a DNS-rebound one), with no proxy in between — and only when the page is on (the default in .eml mode).
 */
const settings = testMailSettings();
let outbox: Outbox;
let file: string;

async function listen(composed: TestApp): Promise<{ server: Server; port: number }> {
  const server = composed.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

beforeAll(() => {
  outbox = openOutbox(settings, { drain: false });
  if (settings.mode !== 'local') throw new Error('expected the local outbox');
  file = writeEmlFile(settings.outboxDir, 'a'.repeat(64), Buffer.from('To: someone@example.org\r\n\r\nletter'));
});
afterAll(async () => {
  await outbox.close();
  if (settings.mode === 'local') fs.rmSync(settings.outboxDir, { recursive: true, force: true });
});

describe('with the page on (the default in .eml mode)', () => {
  let composed: TestApp;
  let port: number;
  let server: Server;
  let proxy: LoopbackProxy;
  beforeAll(async () => {
    composed = testApp({}, { outbox });
    ({ server, port } = await listen(composed));
    proxy = await startLoopbackProxy({ port });
  });
  afterAll(async () => {
    await proxy.close();
    server.close();
    await composed.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}, from = '127.0.0.1', to = () => port) =>
    requestFrom(from, to(), { path, headers: { host: `localhost:${port}`, ...headers } });

  test.each([
    ['localhost', `localhost:PORT`],
    ['127.0.0.1', `127.0.0.1:PORT`],
    ['[::1]', `[::1]:PORT`],
    ['no port', 'localhost'],
  ])('answered on this machine with Host %s', async (_name, host) => {
    const list = await get('/outbox', { host: host.replace('PORT', String(port)) });
    expect(list.status).toBe(200);
    expect(list.body).toContain(`href="/outbox/${file}"`);
    expect((await get(`/outbox/${file}`, { host: host.replace('PORT', String(port)) })).status).toBe(200);
  });

  test.each([
    ['a DNS-rebound Host', { host: 'rebind.attacker.example' }],
    ['a look-alike Host', { host: 'localhost.attacker.example' }],
    ['a Host with a loopback prefix', { host: '127.0.0.1.nip.io' }],
    ['X-Forwarded-For', { 'x-forwarded-for': '203.0.113.9' }],
    ['X-Forwarded-Host', { 'x-forwarded-host': 'localhost' }],
    ['X-Real-IP', { 'x-real-ip': '127.0.0.1' }],
    ['Forwarded', { forwarded: 'for=198.51.100.7' }],
    ['Via', { via: '1.1 proxy' }],
  ])('refused (404) with %s', async (_name, headers) => {
    expect((await get('/outbox', headers)).status).toBe(404);
    const opened = await get(`/outbox/${file}`, headers);
    expect(opened.status).toBe(404);
    expect(opened.body).not.toContain('someone@example.org');
  });

  test('refused behind a reverse proxy on the same host, even for a client on this machine', async () => {
    const through = await get('/outbox', {}, '127.0.0.2', () => proxy.port);
    expect(through.status).toBe(404);
    expect((await get(`/outbox/${file}`, {}, '127.0.0.2', () => proxy.port)).body).not.toContain('someone@');
  });
});

test('OUTBOX_PAGE=false: no page, even on this machine', async () => {
  const composed = testApp({ OUTBOX_PAGE: loadConfig({ OUTBOX_PAGE: 'false' }).OUTBOX_PAGE }, { outbox });
  const { server, port } = await listen(composed);
  try {
    const headers = { host: `localhost:${port}` };
    expect((await requestFrom('127.0.0.1', port, { path: '/outbox', headers })).status).toBe(404);
    expect((await requestFrom('127.0.0.1', port, { path: `/outbox/${file}`, headers })).status).toBe(404);
  } finally {
    server.close();
    await composed.stop();
  }
});

test('npm start listens on 127.0.0.1 unless HOST says otherwise', () => {
  expect(loadConfig({}).HOST).toBe('127.0.0.1');
  expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  expect(loadConfig({}).OUTBOX_PAGE).toBe(true);
  expect(() => loadConfig({ OUTBOX_PAGE: 'maybe' })).toThrow(/OUTBOX_PAGE/);
});
