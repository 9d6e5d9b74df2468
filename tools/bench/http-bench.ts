import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchClaim } from './bench-claims';
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

/**
 * Load on the started server (cluster mode, default concurrency): assess and letter at 16 and 64 connections.
 * Rate limits are lifted for the run (a real deployment keeps them); logs go to /dev/null at the default level.
 */
export async function httpBench(seconds: number): Promise<string[]> {
  const port = await freePort();
  const server = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...UNLIMITED, LOG_LEVEL: 'info' },
    stdio: 'ignore',
  });
  const lines: string[] = [];
  try {
    await waitReady(port);
    const processes =
      1 +
      execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.pid)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .filter(Boolean).length;
    lines.push(
      `HTTP load (autocannon, ${seconds} s per run, server with ` +
        `${processes - 1 || 1} web process(es), client on the same machine):`,
    );
    const body = JSON.stringify(benchClaim(7));
    for (const route of ['/api/v1/claims/assess', '/api/v1/claims/letter']) {
      for (const connections of [16, 64]) {
        let peak = treeRssMb(server.pid!);
        const before = peak;
        const sampler = setInterval(() => {
          peak = Math.max(peak, treeRssMb(server.pid!));
        }, 250);
        const result = await autocannon({
          url: `http://127.0.0.1:${port}${route}`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          connections,
          duration: seconds,
        });
        clearInterval(sampler);
        const after = treeRssMb(server.pid!);
        const errors = result.errors + result.timeouts + result.non2xx;
        lines.push(
          `  ${route} × ${String(connections).padStart(2)}: ` +
            `${fmt(result.requests.average)} req/s, p50 ` +
            `${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
            `errors ${errors} (of ${result.requests.total}), RSS ` +
            `${fmt(before, 0)} → ${fmt(after, 0)} MB (peak ${fmt(peak, 0)} MB)`,
        );
      }
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  return lines;
}
