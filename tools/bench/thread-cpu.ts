import fs from 'node:fs';

/** Linux's clock ticks per second for /proc times (USER_HZ: 100 on every Linux Node runs on). */
const TICKS = 100;

/** CPU seconds (user + system) of each thread of this process, by thread id; empty where /proc is missing. */
export function threadCpu(): Map<number, number> {
  const times = new Map<number, number>();
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return times;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name in parentheses: state is field 3, utime 14 and stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

/** Threads started since `before` was taken (a worker pool's threads, when nothing else started meanwhile). */
export function newThreads(before: Map<number, number>): number[] {
  return [...threadCpu().keys()].filter((tid) => !before.has(tid));
}

/** CPU seconds used since `before` by the main thread, by the threads in `workers`, and by every other thread. */
export function cpuSplit(
  before: Map<number, number>,
  workers: number[],
): { main: number; workers: number; other: number } {
  const after = threadCpu();
  const split = { main: 0, workers: 0, other: 0 };
  for (const [tid, seconds] of after) {
    const used = seconds - (before.get(tid) ?? 0);
    if (tid === process.pid) split.main += used;
    else if (workers.includes(tid)) split.workers += used;
    else split.other += used;
  }
  return split;
}
