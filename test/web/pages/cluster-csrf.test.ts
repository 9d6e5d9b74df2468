import http from 'node:http';
import {
  startServerProcess,
  stopServerProcess,
  waitForWebProcesses,
  type ServerProcess,
} from '../../support/server-process';
import { csrfFrom, encodeForm, workedExampleForm } from '../../support/web-forms';

jest.setTimeout(60_000);

/** One request on a connection of its own, so the cluster's round robin spreads them over the web processes. */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; text: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, Connection: 'close' }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text,
            cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let server: ServerProcess | undefined;
afterAll(async () => {
  if (server) await stopServerProcess(server);
});

test("without CSRF_SECRET, the web processes of a cluster accept each other's form tokens", async () => {
  const env = { WEB_CONCURRENCY: '2', CSRF_SECRET: '', RATE_LIMIT_FORMS_PER_MINUTE: '1000' };
  server = await startServerProcess(env);
  await waitForWebProcesses(server, 2);
  const form = await send(server.port, 'GET', '/', {});
  const token = csrfFrom(form.text);
  const body = encodeForm({ ...workedExampleForm(), _csrf: token });
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const res = await send(
      server.port,
      'POST',
      '/claim',
      { Cookie: form.cookies.join('; '), 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    );
    statuses.push(res.status);
  }
  expect(statuses).toEqual(Array(8).fill(200));
  const pids = new Set([...server.output().matchAll(/"pid":(\d+)[^\n]*"route":"\/claim"/g)].map((match) => match[1]));
  expect(pids.size).toBe(2);
});
