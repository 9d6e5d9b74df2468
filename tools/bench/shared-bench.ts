import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../../server/config/app-config';
import { PROJECT_ROOT } from '../../server/config/project-paths';
import { openProcessOutbox } from '../../server/cli/open-cli-outbox';
import { drainOutbox } from '../../server/mail/outbox/drain-outbox';
import { mailSettings, type MailSettings } from '../../server/mail/mail-settings';
import { createLogger } from '../../server/observability/logger';
import { composeServer, stopAll } from '../../server/runtime/compose';
import { openStorage } from '../../server/storage/open-storage';
import { createDefaultLetterService } from '../../server/use-cases/default-letter-service';
import { OperatorAccounts } from '../../server/use-cases/operators/operator-accounts';
import { createApp } from '../../server/web/app';
import { LoopbackSmtp } from '../loopback-smtp';
import { writeBenchList } from './batch-bench';
import { benchClaim } from './bench-claims';
import { fmt } from './bench-stats';
import { queueMembers } from './outbox-run';

const NOW = Date.UTC(2026, 10, 23, 11);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Cluster {
  url: string;
  stop: () => void;
}

/** A throwaway PostgreSQL cluster, as the tests start one (test/support/postgres-server.js); null without binaries. */
async function startCluster(): Promise<Cluster | null> {
  const { startPostgres } = (await import(path.join(PROJECT_ROOT, 'test/support/postgres-server.js'))) as {
    startPostgres: () => Promise<Cluster>;
  };
  try {
    return await startPostgres();
  } catch (error) {
    console.log(`  (no PostgreSQL here: ${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}

async function freshDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = new Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

function benchMailSettings(smtpUrl: string, env: Record<string, string>): MailSettings {
  return mailSettings(
    loadConfig({
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'Reclamo <reclamo@example.org>',
      MAIL_POOL_SIZE: '4',
      MAIL_RATE_PER_SECOND: '0',
      OUTBOX_POLL_MS: '20',
      ...env,
    }),
  );
}

/** A drainer in a process of its own (another instance): `node shared-bench.js --drain <DATABASE_URL> <SMTP_URL>`. */
async function drainChild(databaseUrl: string, smtpUrl: string): Promise<void> {
  // Loaded and connected before the clock starts: the parent says go once every drainer is ready.
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const outbox = openProcessOutbox(benchMailSettings(smtpUrl, { DATABASE_URL: databaseUrl }), { drain: true });
  await drainOutbox(outbox, { pollMs: 10 });
  await outbox.close();
}

/** Seconds for `drainers` processes to send `count` queued messages; how many the server accepted more than once. */
async function drainRun(
  cluster: Cluster | null,
  count: number,
  drainers: number,
  round: number,
): Promise<{ seconds: number; twice: number; sent: number }> {
  const smtp = await LoopbackSmtp.start({ keepRaw: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-shared-bench-'));
  const env: Record<string, string> = cluster
    ? { DATABASE_URL: await freshDatabase(cluster, `bench_outbox_${round}_${drainers}`) }
    : { DATABASE_PATH: path.join(dir, 'outbox.sqlite') };
  const settings = benchMailSettings(smtp.url, env);
  try {
    const service = createDefaultLetterService({ PROVIDER_PEC: undefined }, () => NOW);
    const outcome = await service.letter(benchClaim(0), 'it');
    if (!outcome.ok || !outcome.eligible) throw new Error('bench claim is not eligible');
    await queueMembers(settings, { claim: outcome.claim, assessment: outcome.assessment, rendered: outcome }, count);
    let started = process.hrtime.bigint();
    if (settings.databaseUrl) {
      const children = Array.from({ length: drainers }, () =>
        spawn(process.execPath, [__filename, '--drain', settings.databaseUrl!, smtp.url], {
          stdio: ['pipe', 'pipe', 'inherit'],
        }),
      );
      await Promise.all(children.map((child) => new Promise((resolve) => child.stdout!.once('data', resolve))));
      const exited = children.map((child) => new Promise((resolve) => child.on('exit', resolve)));
      started = process.hrtime.bigint();
      for (const child of children) child.stdin!.end('go\n');
      await Promise.all(exited);
    } else {
      // SQLite: one machine, one drainer (the lease holder).
      const outbox = openProcessOutbox(settings, { drain: true });
      await drainOutbox(outbox, { pollMs: 10 });
      await outbox.close();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const twice = [...smtp.acceptedCounts().values()].filter((times) => times > 1).length;
    return { seconds, twice, sent: smtp.acceptedCounts().size };
  } finally {
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows per second of one batch through the API of a composed server (queue, statuses, files) on either database. */
async function batchRun(cluster: Cluster | null, rows: number, round: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-shared-batch-'));
  const overrides: Partial<AppConfig> = {
    BATCH_DIR: path.join(dir, 'batches'),
    BATCH_WORKERS: os.availableParallelism(),
    RATE_LIMIT_UPLOADS_PER_MINUTE: 1000,
    STORAGE_DATABASE_PATH: ':memory:',
    ...(cluster ? { DATABASE_URL: await freshDatabase(cluster, `bench_batch_${round}`) } : {}),
  };
  const config = { ...loadConfig({}), ...overrides };
  const storage = openStorage(config);
  const { deps, stopTasks, storageReady } = composeServer(config, createLogger({ level: 'silent' }), {
    storage,
    outbox: null,
  });
  try {
    await storageReady;
    const accounts = new OperatorAccounts(storage.operators);
    await accounts.add({ email: 'bench@association.example', name: 'Bench', password: 'bench password 12345' });
    const issued = await accounts.issueToken('bench@association.example', 'bench');
    if (!issued.ok) throw new Error('no token');
    const auth = { Authorization: `Bearer ${issued.token}` };
    const { app } = createApp(deps);
    const file = path.join(dir, 'soci.csv');
    writeBenchList(file, rows);
    const started = process.hrtime.bigint();
    const created = await request(app).post('/api/v1/batches').set(auth).attach('file', file).expect(202);
    let state = created.body.state as string;
    while (state !== 'done' && state !== 'failed') {
      // A client polling twice a second (every poll is a token check and a status read in the database).
      await new Promise((resolve) => setTimeout(resolve, 500));
      state = (await request(app).get(`/api/v1/batches/${created.body.id}`).set(auth)).body.state;
    }
    if (state !== 'done') throw new Error('bench batch failed');
    return rows / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await stopAll(stopTasks);
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench` on a shared PostgreSQL (a throwaway cluster): the outbox drained by one and by two processes, each
 * its own instance, against SQLite's single drainer, and a batch through the API on both databases, in interleaved
 * rounds (medians). BENCH_SHARED_ROUNDS, BENCH_MAIL_MESSAGES and BENCH_SHARED_BATCH_ROWS change the sizes.
 */
export async function sharedBench(messages: number, batchRows: number, rounds: number): Promise<string[]> {
  const cluster = await startCluster();
  if (!cluster) return ['Shared PostgreSQL: skipped (no PostgreSQL server binaries on this machine)'];
  try {
    const drain = { sqlite: [] as number[], one: [] as number[], two: [] as number[] };
    let twice = 0;
    let sent = 0;
    const batch = { sqlite: [] as number[], postgres: [] as number[] };
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? (['sqlite', 'one', 'two'] as const) : (['two', 'one', 'sqlite'] as const);
      for (const kind of order) {
        const run = await drainRun(kind === 'sqlite' ? null : cluster, messages, kind === 'two' ? 2 : 1, round);
        drain[kind].push(messages / run.seconds);
        twice += run.twice;
        sent += run.sent;
      }
      for (const kind of round % 2 === 0 ? (['sqlite', 'postgres'] as const) : (['postgres', 'sqlite'] as const))
        batch[kind].push(await batchRun(kind === 'postgres' ? cluster : null, batchRows, round));
    }
    return [
      `Shared PostgreSQL (throwaway local cluster), ${rounds} interleaved rounds, medians:`,
      `  outbox, ${messages} messages with a letter PDF → loopback smtp-server, pool 4 per drainer:`,
      `    SQLite, 1 drainer (the lease holder): ${fmt(median(drain.sqlite))} messages/s`,
      `    PostgreSQL, 1 drainer process: ${fmt(median(drain.one))} messages/s`,
      `    PostgreSQL, 2 drainer processes (two instances, SKIP LOCKED claims): ${fmt(median(drain.two))} messages/s` +
        ` (× ${fmt(median(drain.two) / median(drain.one), 2)} vs one)`,
      `    delivered twice: ${twice} of ${sent} accepted`,
      `  batch through the API (${batchRows} rows → ZIP, ${os.availableParallelism()} workers): ` +
        `SQLite ${fmt(median(batch.sqlite))} rows/s, PostgreSQL ${fmt(median(batch.postgres))} rows/s` +
        ` (× ${fmt(median(batch.postgres) / median(batch.sqlite), 2)})`,
    ];
  } finally {
    cluster.stop();
  }
}

if (require.main === module) {
  const run =
    process.argv[2] === '--drain'
      ? drainChild(process.argv[3]!, process.argv[4]!)
      : sharedBench(
          Number(process.env.BENCH_MAIL_MESSAGES ?? 500),
          Number(process.env.BENCH_SHARED_BATCH_ROWS ?? 300),
          Number(process.env.BENCH_SHARED_ROUNDS ?? 3),
        ).then((lines) => console.log(lines.join('\n')));
  run.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
