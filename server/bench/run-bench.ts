import os from 'node:os';
import { letterBench } from './letter-bench';

/** `npm run bench`: figures, never pass/fail. Set BENCH_LETTERS to change the sample size. */
async function main(): Promise<void> {
  const letters = Number(process.env.BENCH_LETTERS ?? 500);
  console.log(`Reclamo benchmark — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}\n`);
  for (const line of await letterBench(letters)) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
