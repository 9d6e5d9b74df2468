import fs from 'node:fs';
import path from 'node:path';
import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { readZip, SAMPLE_CSV } from '../support/batch-run';
import { tempDir, waitFor } from '../support/mail-fixtures';
import type { TestOperator } from '../support/operators';
import { freshDatabase } from '../support/postgres';
import { startServerProcess, stopServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { batchStatus, memberList, sharedOperator, sql, uploadBatch } from '../support/two-instances';

/**
 * Two real Reclamo servers (A and B, two processes on two ports, as two machines would run them) sharing one
 * PostgreSQL database and one BATCH_DIR (the mount every machine shares), with a real SMTP server on loopback.
 */
const ASSESS_PER_MINUTE = 6;
let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: LoopbackSmtp;
let operator: TestOperator;
let dir: string;
const servers = new Map<'A' | 'B', ServerProcess>();
const port = (name: 'A' | 'B') => servers.get(name)!.port;

beforeAll(async () => {
  database = await freshDatabase();
  smtp = await LoopbackSmtp.start({ keepRaw: false });
  operator = await sharedOperator(database.url);
  dir = tempDir('two-instances');
  const env = {
    DATABASE_URL: database.url,
    BATCH_DIR: path.join(dir, 'batches'),
    BATCH_WORKERS: '1',
    BATCH_HEARTBEAT_SECONDS: '1',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Reclamo <reclamo@example.org>',
    MAIL_RATE_PER_SECOND: '0',
    MAIL_POOL_SIZE: '4',
    MAIL_LETTERS_PER_OPERATOR_DAY: '100000',
    MAIL_LETTERS_PER_DAY: '100000',
    // Both machines hash the budgets' subjects with the same key.
    MAIL_CONFIRMATION_SECRET: 'two-instances-test-secret-0123456789abcdef',
    OUTBOX_POLL_MS: '50',
    RATE_LIMIT_ASSESS_PER_MINUTE: String(ASSESS_PER_MINUTE),
    RATE_LIMIT_UPLOADS_PER_MINUTE: '100',
  };
  const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  servers.set('A', a).set('B', b);
  await Promise.all([waitUntilReady(a.port), waitUntilReady(b.port)]);
}, 120_000);

afterAll(async () => {
  for (const server of servers.values()) await stopServerProcess(server);
  await smtp.close();
  await database.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a batch uploaded to A is polled and downloaded from B, once', async () => {
  const id = await uploadBatch(port('A'), operator, SAMPLE_CSV);
  let status = await batchStatus(port('B'), operator, id);
  while (status.state !== 'done' && status.state !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await batchStatus(port('B'), operator, id);
  }
  expect(status.state).toBe('done');
  const zip = await fetch(`http://127.0.0.1:${port('B')}${status.download!}`, { headers: operator.bearer });
  expect(zip.status).toBe(200);
  const file = path.join(dir, 'letters.zip');
  fs.writeFileSync(file, Buffer.from(await zip.arrayBuffer()));
  const entries = await readZip(file);
  expect(entries.has('report.csv')).toBe(true);
  expect([...entries.keys()].filter((name) => name.endsWith('.pdf')).length).toBeGreaterThan(0);
  // Downloaded once: gone for both.
  expect((await fetch(`http://127.0.0.1:${port('A')}/api/v1/batches/${id}`, { headers: operator.bearer })).status).toBe(
    404,
  );
});

test('500 messages queued through both servers are each delivered once, drained by both', async () => {
  const ids = await Promise.all([
    uploadBatch(port('A'), operator, memberList(dir, 250, 'a'), { send: 'member' }),
    uploadBatch(port('B'), operator, memberList(dir, 250, 'b'), { send: 'member' }),
  ]);
  await waitFor(() => smtp.received.length >= 500, 240_000, '500 messages accepted');
  // The last rows' messages may be sent before their batch has finished its ZIP.
  for (const id of ids)
    await waitFor(async () => (await batchStatus(port('A'), operator, id)).state === 'done', 60_000, 'batch done');
  // Nothing more arrives: every message was sent once.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const accepted = smtp.acceptedCounts();
  expect(accepted.size).toBe(500);
  expect([...accepted.values()].filter((count) => count > 1)).toEqual([]);
  const rows = await sql<{ status: string; drainer: string }>(
    database.url,
    `SELECT status, split_part(claimed_by, ':', 2) AS drainer FROM outbox_messages`,
  );
  expect(rows).toHaveLength(500);
  expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
  const pids = new Set([servers.get('A')!.child.pid, servers.get('B')!.child.pid].map(String));
  // Both processes sent some: the claims of both pids are among the sent messages.
  expect(new Set(rows.map((row) => row.drainer))).toEqual(pids);
}, 300_000);

test('the per-client rate limit holds across both: A and B count the same requests', async () => {
  const assess = (name: 'A' | 'B') =>
    fetch(`http://127.0.0.1:${port(name)}/api/v1/claims/assess`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    }).then((res) => res.status);
  const answers: number[] = [];
  for (let index = 0; index < ASSESS_PER_MINUTE; index += 1) answers.push(await assess(index % 2 ? 'B' : 'A'));
  expect(answers.filter((status) => status === 429)).toEqual([]);
  // Each server alone has seen only half the limit; together they have seen all of it.
  expect(await assess('A')).toBe(429);
  expect(await assess('B')).toBe(429);
});

test('A killed with kill -9 mid-batch: B runs it again and finishes it within a bounded time', async () => {
  const id = await uploadBatch(port('A'), operator, memberList(dir, 150, 'crash'));
  // Whichever process took it is the one killed (A almost always: it was asked first).
  let holder: { pid: number } | undefined;
  await waitFor(
    async () => {
      [holder] = await sql<{ pid: number }>(
        database.url,
        `SELECT process_pid AS pid FROM batch_jobs
         WHERE id = $1 AND state = 'running' AND (status->>'processed')::int > 0`,
        [id],
      );
      return holder !== undefined;
    },
    60_000,
    'the batch running, some rows done',
  );
  const victim = [...servers.entries()].find(([, server]) => server.child.pid === holder!.pid)!;
  const survivor = [...servers.entries()].find(([, server]) => server.child.pid !== holder!.pid)!;
  victim[1].child.kill('SIGKILL');
  expect(await victim[1].exited).toBeNull();
  servers.delete(victim[0]);

  // The survivor sees the dead process at its next heartbeat (1 s; 6 s without one from another machine), runs the
  // batch again from its first row and finishes it.
  let status = await batchStatus(survivor[1].port, operator, id);
  const deadline = Date.now() + 120_000;
  while (status.state !== 'done' && status.state !== 'failed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = await batchStatus(survivor[1].port, operator, id);
  }
  expect(status).toMatchObject({ state: 'done', processed: 150 });
  const [row] = await sql<{ pid: number; attempts: number }>(
    database.url,
    'SELECT process_pid AS pid, attempts FROM batch_jobs WHERE id = $1',
    [id],
  );
  expect(row).toEqual({ pid: survivor[1].child.pid, attempts: 2 });
}, 240_000);
