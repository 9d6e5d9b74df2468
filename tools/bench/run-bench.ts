import os from 'node:os';
import { batchBench } from './batch-bench';
import { budgetBench } from './budget-bench';
import { httpBench } from './http-bench';
import { letterBench } from './letter-bench';
import { outboxBench } from './outbox-bench';
import { sharedBench } from './shared-bench';

/**
 * `npm run bench`: figures, never pass/fail. BENCH_LETTERS, BENCH_HTTP_SECONDS and BENCH_BATCH_ROWS (0 skips the
 * batch figures) change the sample sizes.
 */
async function main(): Promise<void> {
  const letters = Number(process.env.BENCH_LETTERS ?? 500);
  console.log(
    `Reclamo benchmark — Node ${process.version}, ${os.cpus().length} × ` +
      `${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}\n`,
  );
  for (const line of await letterBench(letters)) console.log(line);
  console.log('');
  for (const line of await httpBench(Number(process.env.BENCH_HTTP_SECONDS ?? 20))) console.log(line);
  const batchRows = Number(process.env.BENCH_BATCH_ROWS ?? 10_000);
  if (batchRows > 0) {
    console.log('');
    for (const line of await batchBench(batchRows)) console.log(line);
  }
  console.log('');
  for (const line of await outboxBench(Number(process.env.BENCH_MAIL_MESSAGES ?? 500))) console.log(line);
  console.log('');
  for (const line of await budgetBench(Number(process.env.BENCH_MAIL_MESSAGES ?? 500))) console.log(line);
  console.log('');
  const shared = sharedBench(
    Number(process.env.BENCH_MAIL_MESSAGES ?? 500),
    Number(process.env.BENCH_SHARED_BATCH_ROWS ?? 300),
    Number(process.env.BENCH_SHARED_ROUNDS ?? 3),
  );
  for (const line of await shared) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
