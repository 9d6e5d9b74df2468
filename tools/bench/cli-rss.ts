import { main } from '../../server/cli/main';
import { processIo } from '../../server/cli/cli-io';

/**
 * `node build/tools/bench/cli-rss.js <reclamo arguments>`: runs the command line in this process (what bin/reclamo.js
 * does) and prints the process's peak resident memory, worker threads included.
 */
main(process.argv.slice(2), processIo).then(
  (code) => {
    process.stdout.write(`\npeak-rss-mb ${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
