import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvLine } from '../../server/core/member-list/report-row';
import { batchTemplateCsv } from '../../server/core/member-list/batch-template';
import { processBatchFile } from '../../server/batch/process-batch-file';
import { RenderPool } from '../../server/batch/render-pool';
import { fmt } from './bench-stats';

const FIRST = ['Mario', 'Giulia', 'Luca', 'Anna', 'Paolo', 'Sara', 'Ştefan', 'Elena', 'Marco', 'Chiara'];
const LAST = ['Rossi', 'Bianchi', 'Verdi', 'Neri', 'Gialli', 'Blu', 'Łukasiewicz-Øre', 'Conti', 'Esposito', 'Romano'];

/**
 * A member list of `rows` members as an Italian spreadsheet exports it: every row eligible, a two-to-three page letter.
 */
export function writeBenchList(file: string, rows: number): void {
  const header = batchTemplateCsv('it').split('\r\n')[0]!;
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${header}\r\n`);
  for (let index = 0; index < rows; index += 1) {
    const cells = [
      FIRST[index % FIRST.length]!,
      LAST[Math.floor(index / FIRST.length) % LAST.length]!,
      'RSSMRA79B11C566R',
      `Via Roma ${1 + (index % 200)}`,
      '20121',
      'Milano',
      'MI',
      `socio${index}@example.org`,
      '',
      '',
      `socio${index}@libero.it`,
      '',
      'a_pagamento',
      'libero-plus-5gb',
      '19,99',
      '',
      '',
      '2023-01|2023-06',
      '',
      '',
      'totale',
      '5,00',
      'Estensione di 6 mesi',
      `${50 + (index % 100)},00`,
      'Preventivo inviato da un cliente e respinto',
      'lost-mail',
    ];
    fs.writeSync(out, csvLine(cells, ';'));
  }
  fs.closeSync(out);
}

interface TimedRun {
  letters: number;
  seconds: number;
  /**
   * CPU time of the whole process (main thread and workers): with other load on the machine, wall time alone misleads.
   */
  cpuSeconds: number;
}

async function timedRun(file: string, workers: number): Promise<TimedRun> {
  const zipFile = path.join(path.dirname(file), `letters-${workers}.zip`);
  const pool = new RenderPool({ size: workers, providerPec: null });
  try {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const summary = await processBatchFile({
      file,
      zipFile,
      maxRows: Number.MAX_SAFE_INTEGER,
      now: Date.now(),
      pool,
      association: null,
      letter: {},
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    if (summary.counts.ok !== summary.rows) throw new Error(`bench rows not all ok: ${JSON.stringify(summary.counts)}`);
    return { letters: summary.counts.ok, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    await pool.close();
    fs.rmSync(zipFile, { force: true });
  }
}

/** Peak RSS of a whole batch run (main thread and worker threads), measured in a fresh process. */
function peakRssInChild(file: string, workers: number): number {
  const output = execFileSync(process.execPath, [__filename, '--rss-child', file, String(workers)], {
    encoding: 'utf8',
  });
  return Number(output.trim());
}

/** `npm run bench` batch figures: letters/s with one worker and with all cores, and peak RSS at two list sizes. */
export async function batchBench(rows: number): Promise<string[]> {
  const cores = os.availableParallelism();
  const loadBefore = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batch-bench-'));
  try {
    const file = path.join(dir, 'soci.csv');
    writeBenchList(file, rows);
    const one = await timedRun(file, 1);
    const all = await timedRun(file, cores);
    const small = Math.min(1000, rows);
    const smallFile = path.join(dir, 'soci-small.csv');
    writeBenchList(smallFile, small);
    const rssSmall = peakRssInChild(smallFile, cores);
    const rssLarge = peakRssInChild(file, cores);
    const rate = (run: TimedRun) => run.letters / run.seconds;
    const describe = (run: TimedRun) =>
      `${fmt(rate(run))} letters/s (${fmt(run.seconds)} s wall, ` +
      `${fmt(run.cpuSeconds)} s CPU = ` +
      `${fmt(run.cpuSeconds / run.seconds, 2)} cores busy)`;
    return [
      `Batch (${rows} generated rows → ZIP of PDFs + report.csv, streamed; load average before: ${loadBefore}):`,
      `  1 worker: ${describe(one)}`,
      `  ${cores} workers (all cores): ${describe(all)}, speed-up ${fmt(rate(all) / rate(one), 2)}×`,
      `  peak RSS (${cores} workers, fresh process): ` +
        `${fmt(rssSmall, 0)} MB for ${small} rows, ${fmt(rssLarge, 0)} MB for ` +
        `${rows} rows`,
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function rssChild(file: string, workers: number): Promise<void> {
  const zipFile = `${file}.zip`;
  const pool = new RenderPool({ size: workers, providerPec: null });
  await processBatchFile({
    file,
    zipFile,
    maxRows: Number.MAX_SAFE_INTEGER,
    now: Date.now(),
    pool,
    association: null,
    letter: {},
  });
  await pool.close();
  fs.rmSync(zipFile, { force: true });
  process.stdout.write(`${process.resourceUsage().maxRSS / 1024}\n`);
}

/** `node build/tools/bench/batch-bench.js [rows]` runs the batch figures alone. */
if (require.main === module) {
  const run =
    process.argv[2] === '--rss-child'
      ? rssChild(process.argv[3]!, Number(process.argv[4]))
      : batchBench(Number(process.argv[2] ?? 10_000)).then((lines) => console.log(lines.join('\n')));
  run.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
