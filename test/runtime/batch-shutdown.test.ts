import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_CSV } from '../support/batch-run';
import { startServerProcess, waitUntilReady } from '../support/server-process';
import { openStorage } from '../../server/storage/open-storage';
import { addTestOperator } from '../support/operators';

/** A member list long enough to be still rendering when SIGTERM arrives. */
function longMemberList(dir: string, copies: number): string {
  const [header, ...rows] = fs.readFileSync(SAMPLE_CSV, 'utf8').split('\r\n').filter(Boolean);
  const file = path.join(dir, 'members.csv');
  // Later copies come out as duplicates of the first: every row still goes through the pipeline.
  fs.writeFileSync(file, `${[header, ...Array.from({ length: copies }, () => rows).flat()].join('\r\n')}\r\n`);
  return file;
}

test('SIGTERM with a batch in flight: the batch finishes, the process exits 0, and a restart serves its ZIP', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-shutdown-'));
  const env = {
    BATCH_DIR: path.join(dir, 'batches'),
    DATABASE_PATH: path.join(dir, 'outbox.sqlite'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
    BATCH_WORKERS: '1',
    SHUTDOWN_TIMEOUT_MS: '60000',
    STORAGE_DATABASE_PATH: path.join(dir, 'storage.sqlite'),
  };
  const storage = openStorage(env);
  const { bearer } = await addTestOperator(storage);
  await storage.close();
  const first = await startServerProcess(env);
  await waitUntilReady(first.port);
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(longMemberList(dir, 6))], { type: 'text/csv' }), 'members.csv');
  const upload = await fetch(`http://127.0.0.1:${first.port}/api/v1/batches`, {
    method: 'POST',
    body: form,
    headers: bearer,
  });
  expect(upload.status).toBe(202);
  const { id } = (await upload.json()) as { id: string };
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);

  const second = await startServerProcess(env);
  try {
    await waitUntilReady(second.port);
    const status = (await (
      await fetch(`http://127.0.0.1:${second.port}/api/v1/batches/${id}`, { headers: bearer })
    ).json()) as {
      state: string;
      processed: number;
      rows: number;
    };
    expect(status.state).toBe('done');
    expect(status.processed).toBe(status.rows);
    const zip = await fetch(`http://127.0.0.1:${second.port}/api/v1/batches/${id}/letters.zip`, { headers: bearer });
    expect(zip.status).toBe(200);
    expect((await zip.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
