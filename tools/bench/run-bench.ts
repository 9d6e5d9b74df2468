import os from 'node:os';
import { batchBench } from './batch-bench';
import { budgetBench } from './budget-bench';
import { httpBench } from './http-bench';
import { letterBench } from './letter-bench';
import { outboxBench } from './outbox-bench';
import { sharedBench } from './shared-bench';

const SECTIONS = ['letter', 'http', 'batch', 'outbox', 'budget', 'shared'] as const;
type Section = (typeof SECTIONS)[number];

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * `npm run bench [-- letter|http|batch|outbox|budget|shared …]`: figures, never pass/fail; no section named runs
 * them all. BENCH_LETTER_ROUNDS / BENCH_LETTERS_PER_ROUND, BENCH_HTTP_SECONDS / BENCH_HTTP_ROUNDS,
 * BENCH_BATCH_ROWS / BENCH_BATCH_ROUNDS / BENCH_RSS_ROWS, BENCH_MAIL_MESSAGES, BENCH_SHARED_BATCH_ROWS /
 * BENCH_SHARED_ROUNDS change the sample sizes.
 */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length)
    throw new Error(`unknown bench section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  const sections = new Set<Section>(asked.length ? (asked as Section[]) : SECTIONS);
  console.log(
    `Reclamo benchmark — Node ${process.version}, ${os.cpus().length} × ` +
      `${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}\n`,
  );
  const runs: Record<Section, () => Promise<string[]>> = {
    letter: () => letterBench(env('BENCH_LETTER_ROUNDS', 10), env('BENCH_LETTERS_PER_ROUND', 50)),
    http: () => httpBench(env('BENCH_HTTP_SECONDS', 20), env('BENCH_HTTP_ROUNDS', 2)),
    batch: () => batchBench(env('BENCH_BATCH_ROWS', 2000), env('BENCH_BATCH_ROUNDS', 3), env('BENCH_RSS_ROWS', 10_000)),
    outbox: () => outboxBench(env('BENCH_MAIL_MESSAGES', 500)),
    budget: () => budgetBench(env('BENCH_MAIL_MESSAGES', 500)),
    shared: () =>
      sharedBench(env('BENCH_MAIL_MESSAGES', 500), env('BENCH_SHARED_BATCH_ROWS', 300), env('BENCH_SHARED_ROUNDS', 3)),
  };
  for (const section of SECTIONS.filter((name) => sections.has(name))) {
    for (const line of await runs[section]()) console.log(line);
    console.log('');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
