import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const MAIN = path.join(__dirname, '../../dist/server/main.js');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

const started = new Set<ChildProcess>();

// A server a test forgot (or failed) to stop must not outlive the test run: it would hold the run's output open.
process.on('exit', () => {
  for (const child of started) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** SIGTERM, then waits for the exit; SIGKILLs the whole process group if it takes longer than `graceMs`. */
export async function stopServerProcess(server: ServerProcess, graceMs = 20_000): Promise<number | null> {
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-server.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}

/** Starts the compiled server (`npm start` without the build) on a free port and waits until it is ready. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    // Operator accounts in memory unless the test gives a file (never the project's data/storage.sqlite).
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      WEB_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
      STORAGE_DATABASE_PATH: ':memory:',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the safety net below can stop a cluster (primary and web processes) at once.
    detached: true,
  });
  started.add(child);
  child.on('exit', () => started.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Reclamo is running: http:\/\/localhost:(\d+)\//.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(Number(match[1]));
      }
    }, 25);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, port, output: () => output, exited };
}

export async function waitUntilReady(port: number): Promise<void> {
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** In cluster mode: waits until `count` web processes have said they are running (a slow machine only waits longer). */
export async function waitForWebProcesses(server: ServerProcess, count: number): Promise<void> {
  while ((server.output().match(/Reclamo is running/g) ?? []).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
