import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvLine } from '../../server/core/member-list/report-row';
import { batchTemplateCsv } from '../../server/core/member-list/batch-template';
import { processBatchFile } from '../../server/batch/process-batch-file';
import { RenderPool } from '../../server/batch/render-pool';
import { fmt } from './bench-stats';
import { describeRatios, interleavedRounds, median, ratios, type Timing } from './interleaved';
import { cpuSplit, newThreads, threadCpu } from './thread-cpu';

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

async function runList(file: string, pool: RenderPool): Promise<void> {
  const zipFile = `${file}-${pool.size}.zip`;
  try {
    const summary = await processBatchFile({
      file,
      zipFile,
      maxRows: Number.MAX_SAFE_INTEGER,
      now: Date.now(),
      pool,
      association: null,
      letter: {},
    });
    if (summary.counts.ok !== summary.rows) throw new Error(`bench rows not all ok: ${JSON.stringify(summary.counts)}`);
  } finally {
    fs.rmSync(zipFile, { force: true });
  }
}

/**
 * Peak RSS of a whole batch through the command line (`reclamo batch … --workers N --max-rows M`), in a fresh process:
 * main thread and worker threads.
 */
function peakRssThroughCli(file: string, workers: number, rows: number): number {
  const output = execFileSync(
    process.execPath,
    [
      path.join(__dirname, 'cli-rss.js'),
      'batch',
      file,
      '-o',
      `${file}.zip`,
      '--workers',
      String(workers),
      '--max-rows',
      String(rows),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 },
  );
  fs.rmSync(`${file}.zip`, { force: true });
  return Number(/peak-rss-mb (\d+(\.\d+)?)/.exec(output)?.[1]);
}

type CpuSplit = ReturnType<typeof cpuSplit>;

/**
 * What the CPU split of one worker's run allows on `cores` idle cores, as the ratio of two lower bounds of the time
 * per letter: a thread does its own work serially (the main thread; the one worker, or each of `cores` workers
 * sharing the rows) and all threads together (GC and zlib included) share the cores. An estimate from measured CPU,
 * for a machine whose cores are taken by other work.
 */
function projectedSpeedUp(split: CpuSplit, cores: number): number {
  const shared = (split.main + split.workers + split.other) / cores;
  const oneWorker = Math.max(split.main, split.workers, shared);
  const allWorkers = Math.max(split.main, split.workers / cores, shared);
  return oneWorker / allWorkers;
}

/**
 * `npm run bench -- batch`: the same member list through one worker and through all cores, in interleaved rounds
 * (wall time: the speed-up is what a user waits), the CPU of each kind of thread per letter (Linux), then peak RSS of
 * a long list through the CLI.
 */
export async function batchBench(rows: number, rounds: number, rssRows: number): Promise<string[]> {
  const cores = Math.max(2, os.availableParallelism());
  const loadBefore = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-batch-bench-'));
  const pools: RenderPool[] = [];
  try {
    const file = path.join(dir, 'soci.csv');
    writeBenchList(file, rows);
    const warm = path.join(dir, 'warm.csv');
    writeBenchList(warm, 40);
    // libuv's thread pool starts on first use: start it now, so that the threads each render pool adds are its own.
    await fs.promises.readFile(warm);
    const pool = async (size: number) => {
      const before = threadCpu();
      const created = new RenderPool({ size, providerPec: null });
      pools.push(created);
      await runList(warm, created);
      const threads = newThreads(before);
      return { pool: created, threads: threads.length === size ? threads : null };
    };
    const one = await pool(1);
    const all = await pool(cores);
    const splits: Record<'one' | 'all', CpuSplit[]> = { one: [], all: [] };
    const arm =
      (name: 'one' | 'all', { pool: used, threads }: typeof one) =>
      async () => {
        const before = threadCpu();
        await runList(file, used);
        if (threads) splits[name].push(cpuSplit(before, threads));
      };
    const timings = await interleavedRounds(rounds, { one: arm('one', one), all: arm('all', all) });
    const rate = (list: Timing[]) => rows / median(list.map((timing) => timing.wall));
    const busy = (list: Timing[]) => median(list.map((timing) => timing.cpu / timing.wall));
    const perLetter = (list: CpuSplit[]): CpuSplit | null =>
      list.length
        ? {
            main: median(list.map((split) => split.main)) / rows,
            workers: median(list.map((split) => split.workers)) / rows,
            other: median(list.map((split) => split.other)) / rows,
          }
        : null;
    const ms = (seconds: number) => fmt(seconds * 1000, 2);
    const describeSplit = (split: CpuSplit | null) =>
      split
        ? `main thread ${ms(split.main)} ms, render workers ${ms(split.workers)} ms, other threads (GC, zlib, fs) ` +
          `${ms(split.other)} ms`
        : 'not measured (threads not told apart here)';
    const oneSplit = perLetter(splits.one);
    const rssFile = path.join(dir, 'soci-rss.csv');
    writeBenchList(rssFile, rssRows);
    const rss = peakRssThroughCli(rssFile, cores, rssRows);
    return [
      `Batch (${rows} generated rows → ZIP of PDFs + report.csv, ${rounds} interleaved rounds; load average before: ` +
        `${loadBefore}):`,
      `  batch speed-up ${cores} workers / 1 worker: ${describeRatios(ratios(timings.one, timings.all, 'wall'))}`,
      `  1 worker: ${fmt(rate(timings.one))} letters/s, ${fmt(busy(timings.one), 2)} cores busy; ` +
        `${cores} workers: ${fmt(rate(timings.all))} letters/s, ${fmt(busy(timings.all), 2)} cores busy (medians)`,
      `  CPU per letter, 1 worker: ${describeSplit(oneSplit)}`,
      `  CPU per letter, ${cores} workers: ${describeSplit(perLetter(splits.all))}`,
      ...(oneSplit
        ? [
            `  speed-up that split allows on ${cores} idle cores (estimate, not measured): ` +
              `${fmt(projectedSpeedUp(oneSplit, cores), 2)}×`,
          ]
        : []),
      `  peak RSS through the CLI, ${rssRows} rows, ${cores} workers (fresh process): ${fmt(rss, 0)} MB`,
    ];
  } finally {
    await Promise.all(pools.map((created) => created.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
