import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchClaim } from './bench-claims';
import { closedLoop, percentile } from './closed-loop';
import { fmt } from './bench-stats';
import { DIST_SERVER_DIR } from '../../server/config/project-paths';
import { RATE_LIMIT_FAMILIES } from '../../server/web/http/rate-limits';

const UNLIMITED = Object.fromEntries(Object.values(RATE_LIMIT_FAMILIES).map((variable) => [variable, '100000000']));

const MAIN = path.join(DIST_SERVER_DIR, 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(rootPid: number): number {
  let pids = [rootPid];
  try {
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(rootPid)], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter(Boolean);
    pids = pids.concat(children);
  } catch {
    // no children
  }
  let kb = 0;
  for (const pid of pids) {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb / 1024;
}

async function waitReady(port: number): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('server did not become ready');
}

function startServer(port: number, env: Record<string, string>) {
  return spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...UNLIMITED, LOG_LEVEL: 'info', ...env },
    stdio: 'ignore',
  });
}

const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

/** Peak resident memory of a process tree while `run` runs. */
async function sampled<T>(pid: number, run: () => Promise<T>): Promise<{ value: T; before: number; peak: number }> {
  let peak = treeRssMb(pid);
  const before = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRssMb(pid));
  }, 250);
  try {
    return { value: await run(), before, peak };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Load on the started server (cluster mode, default concurrency): assess at 16 and 64 connections (autocannon), then
 * the letter route at 16 and 64 connections in interleaved rounds, on a server with the render queue's wait budget
 * (the default: a letter that would wait more than RENDER_QUEUE_MAX_WAIT_MS is refused with 503 + Retry-After) and on
 * one without it (the budget set to 10 minutes: every letter waits its turn), with the latencies of served and
 * refused letters apart. Rate limits are lifted for the run (a real deployment keeps them); logs go nowhere.
 */
export async function httpBench(seconds: number, rounds = 2): Promise<string[]> {
  const [port, unboundedPort] = [await freePort(), await freePort()];
  const server = startServer(port, {});
  const unbounded = startServer(unboundedPort, { RENDER_QUEUE_MAX_WAIT_MS: '600000' });
  const lines: string[] = [];
  try {
    await Promise.all([waitReady(port), waitReady(unboundedPort)]);
    const processes =
      1 +
      execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.pid)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .filter(Boolean).length;
    lines.push(
      `HTTP load (${seconds} s per run, server with ${processes - 1 || 1} web process(es), client on the same ` +
        `machine; load average 1 5 15 min at each line):`,
    );
    const body = JSON.stringify(benchClaim(7));
    for (const connections of [16, 64]) {
      const {
        value: result,
        before,
        peak,
      } = await sampled(server.pid!, () =>
        autocannon({
          url: `http://127.0.0.1:${port}/api/v1/claims/assess`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          connections,
          duration: seconds,
        }),
      );
      const errors = result.errors + result.timeouts + result.non2xx;
      lines.push(
        `  /api/v1/claims/assess × ${String(connections).padStart(2)} (autocannon): ` +
          `${fmt(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
          `errors ${errors} (of ${result.requests.total}), RSS ${fmt(before, 0)} → peak ${fmt(peak, 0)} MB; ` +
          `load ${load()}`,
      );
    }
    const arms = [
      { name: 'wait budget (default)', port, pid: server.pid! },
      { name: 'no wait budget', port: unboundedPort, pid: unbounded.pid! },
    ];
    for (let round = 1; round <= rounds; round += 1) {
      for (const connections of [16, 64]) {
        for (const arm of arms) {
          const url = `http://127.0.0.1:${arm.port}/api/v1/claims/letter`;
          const { value: result, peak } = await sampled(arm.pid, () => closedLoop(url, body, connections, seconds));
          const answered = result.served.length + result.refused.length + result.errors;
          const ms = (sorted: number[], p: number) => (sorted.length ? `${fmt(percentile(sorted, p), 0)} ms` : '—');
          lines.push(
            `  round ${round} /api/v1/claims/letter × ${String(connections).padStart(2)}, ${arm.name}: ` +
              `${fmt(result.served.length / seconds)} letters/s, served p50 ${ms(result.served, 50)}, ` +
              `p99 ${ms(result.served, 99)}; refused (503) ${fmt((100 * result.refused.length) / answered)}% ` +
              `(p99 ${ms(result.refused, 99)}); errors ${result.errors} of ${answered}; RSS peak ${fmt(peak, 0)} MB; ` +
              `load ${load()}`,
          );
        }
      }
    }
  } finally {
    for (const child of [server, unbounded]) child.kill('SIGTERM');
    await Promise.all([server, unbounded].map((child) => new Promise((resolve) => child.once('exit', resolve))));
  }
  return lines;
}
