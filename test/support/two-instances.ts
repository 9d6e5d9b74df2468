import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { openStorage } from '../../server/storage/open-storage';
import { addTestOperator, type TestOperator } from './operators';
import { SAMPLE_CSV } from './batch-run';

/** The shared database's operator: made once there, valid on every machine that shares it. */
export async function sharedOperator(databaseUrl: string): Promise<TestOperator> {
  const storage = openStorage({ STORAGE_DATABASE_PATH: ':memory:', DATABASE_URL: databaseUrl });
  try {
    await storage.ready;
    return await addTestOperator(storage);
  } finally {
    await storage.close();
  }
}

/** `count` eligible members, each with a mailbox and a claimant address of their own (`tag` keeps lists apart). */
export function memberList(dir: string, count: number, tag: string): string {
  const [header, first] = fs
    .readFileSync(SAMPLE_CSV, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  const rows = Array.from({ length: count }, (_, index) =>
    first!
      .replace('mario.rossi@libero.it', `socio.${tag}.${index}@libero.it`)
      .replace('mario.rossi@example.org', `socio.${tag}.${index}@example.org`),
  );
  const file = path.join(dir, `members-${tag}-${count}.csv`);
  fs.writeFileSync(file, `${[header, ...rows].join('\r\n')}\r\n`);
  return file;
}

/** POST /api/v1/batches on a server: the new batch's id. */
export async function uploadBatch(
  port: number,
  operator: TestOperator,
  file: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), path.basename(file));
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/batches`, {
    method: 'POST',
    headers: operator.bearer,
    body: form,
  });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function batchStatus(
  port: number,
  operator: TestOperator,
  id: string,
): Promise<{ state: string; processed: number; rows: number; download: string | null; error: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/batches/${id}`, { headers: operator.bearer });
  if (res.status !== 200) throw new Error(`status answered ${res.status}`);
  return (await res.json()) as never;
}

/** One query on the shared database, as a test looks behind the servers. */
export async function sql<Row>(url: string, text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Row[];
  } finally {
    await client.end();
  }
}
