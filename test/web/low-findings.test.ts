import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { loadConfig } from '../../server/config/app-config';
import { workedExampleClaim } from '../fixtures/claims';
import { batchReportThroughApi, SAMPLE_CSV } from '../support/batch-run';
import { startServerProcess, stopServerProcess } from '../support/server-process';
import { testApp, UNLIMITED_RATES, type TestApp } from '../support/test-app';
import { csrfFrom, encodeForm, workedExampleForm } from '../support/web-forms';
import { addTestOperator } from '../support/operators';

/** The low findings of the December 2026 security review (F10–F12 and its notes), one test each. */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-low-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function withApp<T>(overrides: Parameters<typeof testApp>[0], use: (app: TestApp) => Promise<T>): Promise<T> {
  const composed = testApp({ BATCH_DIR: path.join(dir, `store-${Math.random().toString(36).slice(2)}`), ...overrides });
  try {
    return await use(composed);
  } finally {
    await composed.stop();
  }
}

describe('a malformed percent-escape in the path', () => {
  const LEAKS = /URIError|node_modules|decodeURIComponent|at [\w.]+ \(|\/work\//;

  test.each([
    ['/outbox/%E0%A4%A', 400],
    ['/batches/%E0%A4%A', 400],
    ['/batches/%E0%A4%A?lang=en', 400],
    ['/claim/%zz', 404],
    ['/static/%E0', 404],
  ])('page %s: a plain %d page, no stack or path', async (url, status) => {
    await withApp({}, async ({ app }) => {
      const res = await request(app).get(url);
      expect(res.status).toBe(status);
      expect(res.type).toBe('text/html');
      expect(res.text).not.toMatch(LEAKS);
      expect(res.text).toContain('<html');
    });
  });

  test('the real server logs it as one JSON line, no stack', async () => {
    const server = await startServerProcess({
      BATCH_DIR: path.join(dir, 'process-batches'),
      DATABASE_PATH: path.join(dir, 'process.sqlite'),
      OUTBOX_DIR: path.join(dir, 'process-outbox'),
      // As `npm start` runs it (jest sets NODE_ENV=test, under which Express prints no stack).
      NODE_ENV: '',
    });
    try {
      for (const url of ['/outbox/%E0%A4%A', '/batches/%E0%A4%A', '/api/v1/batches/%E0%A4%A'])
        expect((await fetch(`http://127.0.0.1:${server.port}${url}`)).status).toBe(400);
    } finally {
      await stopServerProcess(server);
    }
    const lines = server.output().split('\n').filter(Boolean);
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
    const requests = lines.map((line) => JSON.parse(line) as { res?: { statusCode: number } }).filter((l) => l.res);
    expect(requests.filter((line) => line.res!.statusCode === 400)).toHaveLength(3);
    expect(server.output()).not.toMatch(LEAKS);
  }, 60_000);

  test('API: a 400 with a message about the address, not "invalid JSON"', async () => {
    await withApp({}, async ({ app }) => {
      const res = await request(app).get('/api/v1/batches/%E0%A4%A?lang=en').expect(400);
      expect(res.body).toEqual({ errors: [{ path: '', message: 'The address of the request is malformed.' }] });
    });
  });
});

test('/readyz says which check fails, never its internal error', async () => {
  const readiness = {
    draining: false,
    checks: [
      { name: 'outbox', check: () => Promise.reject(new Error('SQLITE_CANTOPEN /srv/reclamo/data/reclamo.sqlite')) },
    ],
  };
  const composed = testApp({ BATCH_DIR: path.join(dir, 'ready') }, { deps: { readiness } });
  try {
    const res = await request(composed.app).get('/readyz').expect(503);
    expect(res.body).toEqual({ status: 'not-ready', checks: [{ name: 'outbox', ok: false }] });
    expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|srv/);
  } finally {
    await composed.stop();
  }
});

describe('HSTS only over HTTPS', () => {
  test('plain http (the default): no Strict-Transport-Security', async () => {
    await withApp({}, async ({ app }) => {
      const res = await request(app).get('/').expect(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
    });
  });

  test('COOKIE_SECURE=true (served over HTTPS), or HTTPS seen through a trusted proxy: HSTS without subdomains', async () => {
    await withApp({ COOKIE_SECURE: true }, async ({ app }) => {
      const res = await request(app).get('/').expect(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    });
    await withApp({ TRUST_PROXY: loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY }, async ({ app }) => {
      const res = await request(app).get('/').set('X-Forwarded-Proto', 'https').expect(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    });
  });
});

describe('CSRF cookies', () => {
  const cookieHeader = (setCookie: string[]) => setCookie.map((cookie) => cookie.split(';')[0]).join('; ');

  test('with COOKIE_SECURE=true they are __Host- cookies (Secure, Path=/, no Domain), and a form still posts', async () => {
    await withApp({ COOKIE_SECURE: true }, async ({ app }) => {
      const form = await request(app).get('/').expect(200);
      const setCookie = ([] as string[]).concat((form.headers['set-cookie'] as string[] | undefined) ?? []);
      const names = setCookie.map((cookie) => cookie.split('=')[0]);
      expect(names).toEqual(expect.arrayContaining(['__Host-reclamo_csrf', '__Host-reclamo_client']));
      for (const cookie of setCookie.filter((value) => value.startsWith('__Host-'))) {
        expect(cookie).toMatch(/; Secure/);
        expect(cookie).toMatch(/; Path=\//);
        expect(cookie).not.toMatch(/Domain=/i);
      }
      const posted = await request(app)
        .post('/claim')
        .set('Cookie', cookieHeader(setCookie))
        .type('form')
        .send(encodeForm({ ...workedExampleForm(), _csrf: csrfFrom(form.text) }));
      expect(posted.status).toBe(200);
      expect(posted.text).toContain('Scarica la lettera in PDF');
    });
  });

  test('over plain http the names stay as they were (browsers refuse __Host- without Secure)', async () => {
    await withApp({}, async ({ app }) => {
      const form = await request(app).get('/').expect(200);
      const setCookie = ([] as string[]).concat((form.headers['set-cookie'] as string[] | undefined) ?? []);
      const names = setCookie.map((cookie) => cookie.split('=')[0]);
      expect(names).toEqual(expect.arrayContaining(['reclamo_csrf', 'reclamo_client']));
    });
  });
});

const firstDamage = (claim: ReturnType<typeof workedExampleClaim>) => (claim.damages as { description: string }[])[0]!;

describe('free-text fields refuse invisible and reordering characters', () => {
  const cases: [string, (claim: ReturnType<typeof workedExampleClaim>) => void, string][] = [
    [
      'an RTL override in the street',
      (c) => (c.claimant.address.street = 'Via Roma 12 \u202Eadnoc\u202C'),
      'claimant.address.street',
    ],
    [
      'isolates in the street',
      (c) => (c.claimant.address.street = 'Via \u2066Roma\u2069 12'),
      'claimant.address.street',
    ],
    ['a zero-width space in the city', (c) => (c.claimant.address.city = 'Mil\u200Bano'), 'claimant.address.city'],
    [
      'an isolate in a description',
      (c) => (firstDamage(c).description = 'Pagato \u2067000.1\u2069 euro'),
      'damages.0.description',
    ],
    ['a lone surrogate in the city', (c) => (c.claimant.address.city = 'Milano\uD800'), 'claimant.address.city'],
    ['a name with 59 combining marks', (c) => (c.claimant.firstName = `M${'\u0301'.repeat(59)}`), 'claimant.firstName'],
  ];
  test.each(cases)('%s → 422 naming the field', async (_name, spoil, field) => {
    await withApp({}, async ({ app }) => {
      const claim = workedExampleClaim();
      spoil(claim);
      const res = await request(app).post('/api/v1/claims/assess').send(claim).expect(422);
      expect(res.body.errors.map((error: { path: string }) => error.path)).toContain(field);
    });
  });

  test('accents, apostrophes and ordinary punctuation still pass', async () => {
    await withApp({}, async ({ app }) => {
      const claim = workedExampleClaim();
      claim.claimant.firstName = 'Nicolò';
      claim.claimant.lastName = "D'Alessandro-Žižek";
      firstDamage(claim).description = 'Perso l’ordine n° 12 (€ 150,00) – “urgente”';
      await request(app).post('/api/v1/claims/assess').send(claim).expect(200);
    });
  });
});

test('over the rate limit the JSON body is not parsed: 429, not a 400 for a broken body', async () => {
  await withApp(
    { ...UNLIMITED_RATES, RATE_LIMIT_ASSESS_PER_MINUTE: 1, RATE_LIMIT_SEND_PER_MINUTE: 1 },
    async ({ app }) => {
      await request(app).post('/api/v1/claims/assess').send(workedExampleClaim()).expect(200);
      const broken = '{"claimant": ';
      await request(app).post('/api/v1/claims/assess').type('json').send(broken).expect(429);
      await request(app).post('/api/v1/claims/assess').type('json').send('x'.repeat(200_000)).expect(429);
      await request(app).post('/api/v1/claims/send').type('json').send(broken).expect(400);
      await request(app).post('/api/v1/claims/send').type('json').send(broken).expect(429);
    },
  );
});

/** A raw HTTP request whose body is announced (or chunked) but only partly sent: what comes back, and when. */
function partialUpload(
  port: number,
  headers: string,
  firstPart: Buffer,
  target = '/api/v1/batches?lang=en',
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      if (/\r\n\r\n/.test(text)) resolve(text);
    });
    socket.on('error', (error) => (chunks.length ? resolve(Buffer.concat(chunks).toString('latin1')) : reject(error)));
    socket.write(`POST ${target} HTTP/1.1\r\nHost: localhost\r\n${headers}\r\n`);
    socket.write(firstPart);
  });
}

describe('a multipart body over the limit is answered 413 without being read to its end', () => {
  const boundary = 'XyZ';
  const opening = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );

  async function listening(use: (port: number, auth: string) => Promise<void>): Promise<void> {
    await withApp({ ...UNLIMITED_RATES, BATCH_MAX_UPLOAD_MB: 1 }, async ({ app, storage }) => {
      const operator = await addTestOperator(storage);
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        await use((server.address() as AddressInfo).port, `Authorization: Bearer ${operator.token}\r\n`);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  }

  test('a Content-Length of 30 MB: refused from the headers, the connection closed', async () => {
    await listening(async (port, auth) => {
      const answer = await partialUpload(
        port,
        `${auth}Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${30 * 1024 * 1024}\r\n`,
        Buffer.concat([opening, Buffer.alloc(64 * 1024, 'a')]),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    });
  }, 20_000);

  test('without credentials: 401 from the headers, the connection closed, the body never read', async () => {
    await listening(async (port) => {
      const answer = await partialUpload(
        port,
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${30 * 1024 * 1024}\r\n`,
        Buffer.concat([opening, Buffer.alloc(64 * 1024, 'a')]),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    });
  }, 20_000);

  test('over the rate limit: 429 from the headers, the connection closed, a large JSON body never read', async () => {
    await withApp({ ...UNLIMITED_RATES, RATE_LIMIT_ASSESS_PER_MINUTE: 1 }, async ({ app }) => {
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const port = (server.address() as AddressInfo).port;
        await request(app).post('/api/v1/claims/assess').send(workedExampleClaim()).expect(200);
        const headers = `Content-Type: application/json\r\nContent-Length: ${30 * 1024 * 1024}\r\n`;
        const answer = await partialUpload(port, headers, Buffer.from('{"claimant": '), '/api/v1/claims/assess');
        expect(answer).toMatch(/^HTTP\/1\.1 429 /);
        expect(answer).toMatch(/\r\nConnection: close\r\n/i);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  }, 20_000);

  test('chunked, no length: reading stops once the file passes the limit', async () => {
    await listening(async (port, auth) => {
      const part = Buffer.concat([opening, Buffer.alloc(2 * 1024 * 1024, 'a')]);
      const chunk = Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]);
      const answer = await partialUpload(
        port,
        `${auth}Content-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n`,
        chunk,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    });
  }, 20_000);
});

test('"download once" holds against two parallel requests: one gets the ZIP, the other 404', async () => {
  await withApp({ ...UNLIMITED_RATES, BATCH_WORKERS: 1 }, async ({ app, storage }) => {
    const { bearer } = await addTestOperator(storage);
    const upload = await request(app).post('/api/v1/batches').set(bearer).attach('file', SAMPLE_CSV).expect(202);
    const id = upload.body.id as string;
    for (;;) {
      const { body } = await request(app).get(`/api/v1/batches/${id}`).set(bearer).expect(200);
      if (body.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const both = await Promise.all([1, 2].map(() => request(app).get(`/api/v1/batches/${id}/letters.zip`).set(bearer)));
    expect(both.map((res) => res.status).sort()).toEqual([200, 404]);
    // Then the batch itself goes (removed once the ZIP has been handed over).
    while ((await request(app).get(`/api/v1/batches/${id}`).set(bearer)).status !== 404)
      await new Promise((resolve) => setTimeout(resolve, 20));
  });
});

test('report.csv neutralises fullwidth and hidden formula starters too', async () => {
  const [header, first] = fs
    .readFileSync(SAMPLE_CSV, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  const starters = ['＝1+3', '＋1', '－1', '＠SUM(A1)', '\u00a0=1+1', '\u200b=1+1'];
  const rows = starters.map((starter) => first!.replace(/^[^;]*/, starter));
  const list = path.join(dir, 'fullwidth.csv');
  fs.writeFileSync(list, `${[header, ...rows].join('\r\n')}\r\n`);
  await withApp({ ...UNLIMITED_RATES, BATCH_WORKERS: 1 }, async ({ app, storage }) => {
    const { bearer } = await addTestOperator(storage);
    const report = await batchReportThroughApi(app, {}, list, bearer);
    expect(report.length).toBe(starters.length + 1);
    for (const cell of report.flat()) expect(cell).not.toMatch(/^[\s\u200b]*[=+\-@＝＋－＠]/);
  });
});

/** Opens a connection, sends `text`, and resolves with what the server answers once it closes the connection. */
function heldOpen(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

test('slow clients: headers or a body never finished are cut off (408), and the server answers others meanwhile', async () => {
  const server = await startServerProcess({
    BATCH_DIR: path.join(dir, 'slow-batches'),
    DATABASE_PATH: path.join(dir, 'slow.sqlite'),
    OUTBOX_DIR: path.join(dir, 'slow-outbox'),
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: '2000',
  });
  try {
    const slowHeaders = heldOpen(server.port, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1');
    const slowBody = heldOpen(
      server.port,
      'POST /api/v1/claims/assess HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"claimant": ',
    );
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    expect(await slowHeaders).toMatch(/^HTTP\/1\.1 408 /);
    expect(await slowBody).toMatch(/^HTTP\/1\.1 408 /);
  } finally {
    await stopServerProcess(server);
  }
}, 60_000);
