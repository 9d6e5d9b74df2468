import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { workedExampleClaim } from '../fixtures/claims';
import { startServerProcess, waitForWebProcesses, waitUntilReady } from '../support/server-process';

const MAIN = path.join(__dirname, '../../dist/server/main.js');

test('a wrong configuration value stops the start with a message naming the variable', async () => {
  const run = promisify(execFile)(process.execPath, [MAIN], {
    env: { ...process.env, PORT: 'eighty', PROVIDER_PEC: 'not-an-address' },
  });
  await expect(run).rejects.toMatchObject({
    code: 78,
    stderr: expect.stringMatching(/Invalid configuration: PORT: .*PROVIDER_PEC: must be an e-mail address/s),
  });
});

/** Sends a POST whose body arrives in two halves, so the request is still in flight between them. */
function halfSentRequest(port: number, body: string): { sendRest: () => void; response: Promise<string> } {
  const socket = net.connect(port, '127.0.0.1');
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  socket.write(
    'POST /api/v1/claims/letter HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(bytes.subarray(0, half));
  const chunks: Buffer[] = [];
  const response = new Promise<string>((resolve, reject) => {
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
  return { sendRest: () => socket.write(bytes.subarray(half)), response };
}

test('SIGTERM: a request in flight completes, new connections are refused, the process exits 0', async () => {
  const server = await startServerProcess();
  await waitUntilReady(server.port);
  const inFlight = halfSentRequest(server.port, JSON.stringify(workedExampleClaim()));
  await new Promise((resolve) => setTimeout(resolve, 200));
  server.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
  inFlight.sendRest();
  const response = await inFlight.response;
  expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
  expect(response).toContain('Content-Type: application/pdf');
  expect(await server.exited).toBe(0);
  expect(server.output()).toContain('"msg":"stopped"');
});

test('cluster mode: two web processes serve requests and stop together', async () => {
  const server = await startServerProcess({ WEB_CONCURRENCY: '2' });
  await waitForWebProcesses(server, 2);
  await waitUntilReady(server.port);
  const pids = new Set<string>();
  for (let attempt = 0; attempt < 20 && pids.size < 2; attempt += 1) {
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`, { headers: { Connection: 'close' } });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  for (const match of server.output().matchAll(/"pid":(\d+),"reqId"/g)) pids.add(match[1]!);
  expect(pids.size).toBe(2);
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
});
