import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distinctMembers } from '../support/batch-run';
import { Browser } from '../support/http-browser';
import { addProcessOperator } from '../support/operators';
import { startServerProcess, stopServerProcess, waitUntilReady } from '../support/server-process';

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

test('kill -9 mid-batch, then a restart: the batch is failed "interrupted by a restart" and its files swept', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-crash-'));
  const tmp = path.join(dir, 'os-tmp');
  fs.mkdirSync(tmp);
  const batches = path.join(dir, 'batches');
  const env = {
    TMPDIR: tmp,
    BATCH_DIR: batches,
    DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
    BATCH_WORKERS: '1',
    STORAGE_DATABASE_PATH: path.join(dir, 'storage.sqlite'),
  };
  const operator = await addProcessOperator(env);
  const first = await startServerProcess(env);
  const base = `http://127.0.0.1:${first.port}`;
  await waitUntilReady(first.port);
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(distinctMembers(dir, 400))], { type: 'text/csv' }), 'members.csv');
  const upload = await fetch(`${base}/api/v1/batches?lang=en`, {
    method: 'POST',
    body: form,
    headers: operator.bearer,
  });
  expect(upload.status).toBe(202);
  const { id } = (await upload.json()) as { id: string };
  for (;;) {
    const status = (await (await fetch(`${base}/api/v1/batches/${id}`, { headers: operator.bearer })).json()) as {
      state: string;
      processed: number;
    };
    if (status.state === 'running' && status.processed > 0) break;
    expect(status.state).not.toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.kill(first.child.pid!, 'SIGKILL');
  await first.exited;

  // What the crash left: the batch "running", its list, the partial ZIP and the report, all in the batch's folder.
  const folder = path.join(batches, id);
  expect(JSON.parse(fs.readFileSync(path.join(folder, 'status.json'), 'utf8'))).toMatchObject({ state: 'running' });
  expect(filesUnder(folder)).toEqual(
    expect.arrayContaining(['input', 'letters.zip.part', 'owner.json', 'status.json', path.join('work', 'report.csv')]),
  );
  expect(filesUnder(tmp)).toEqual([]);

  const second = await startServerProcess(env);
  try {
    await waitUntilReady(second.port);
    let status: { state: string; error: { message: string } | null; download: string | null };
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const res = await fetch(`http://127.0.0.1:${second.port}/api/v1/batches/${id}`, { headers: operator.bearer });
      status = (await res.json()) as typeof status;
    } while (status.state === 'running');
    expect(status).toMatchObject({
      state: 'failed',
      error: { path: 'file', message: 'The batch was interrupted by a restart of the server: upload the list again.' },
      download: null,
    });
    expect(filesUnder(folder)).toEqual(['status.json']);
    expect(filesUnder(tmp)).toEqual([]);
    const browser = new Browser(`http://127.0.0.1:${second.port}`);
    expect((await browser.signIn(operator)).status).toBe(303);
    const page = await browser.fetch(`/batches/${id}?lang=en`);
    expect(await page.text()).toContain('interrupted by a restart of the server');
  } finally {
    await stopServerProcess(second);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('SIGTERM that cannot wait for a long batch: the batch is failed before the process exits, not left running', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-term-'));
  const batches = path.join(dir, 'batches');
  const env = {
    BATCH_DIR: batches,
    DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
    BATCH_WORKERS: '1',
    SHUTDOWN_TIMEOUT_MS: '500',
    STORAGE_DATABASE_PATH: path.join(dir, 'storage.sqlite'),
  };
  const operator = await addProcessOperator(env);
  const server = await startServerProcess(env);
  try {
    await waitUntilReady(server.port);
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(distinctMembers(dir, 2000))], { type: 'text/csv' }), 'members.csv');
    const upload = await fetch(`http://127.0.0.1:${server.port}/api/v1/batches`, {
      method: 'POST',
      body: form,
      headers: operator.bearer,
    });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const status = JSON.parse(fs.readFileSync(path.join(batches, id, 'status.json'), 'utf8')) as { state: string };
    expect(status).toMatchObject({
      state: 'failed',
      error: { message: 'Lotto interrotto da un riavvio del server: caricare di nuovo l’elenco.' },
    });
    expect(filesUnder(path.join(batches, id))).toEqual(['status.json']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
