/** One timed stretch of work: CPU time of the whole process (all threads) and wall time, in seconds. */
export interface Timing {
  cpu: number;
  wall: number;
}

export async function timed(work: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await work();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1e6, wall: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Runs the arms one after the other in every round, the order rotating from round to round, so that a machine that
 * drifts (other work, thermal, a neighbour on the same cores) weighs on every arm alike. Returns each arm's timings.
 */
export async function interleavedRounds<K extends string>(
  rounds: number,
  arms: Record<K, (round: number) => Promise<void>>,
): Promise<Record<K, Timing[]>> {
  const names = Object.keys(arms) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as Timing[]])) as Record<K, Timing[]>;
  for (let round = 0; round < rounds; round += 1) {
    const order = names.map((_, index) => names[(index + round) % names.length]!);
    for (const name of order) results[name].push(await timed(() => arms[name](round)));
  }
  return results;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `0.NN (median of N rounds, min 0.NN, max 0.NN)` of per-round ratios. */
export function describeRatios(ratios: number[]): string {
  const f = (value: number) => value.toFixed(2);
  return (
    `${f(median(ratios))} (median of ${ratios.length} rounds, ` +
    `min ${f(Math.min(...ratios))}, max ${f(Math.max(...ratios))})`
  );
}

/** Per-round ratios of two arms' timings: `numerator[i] / denominator[i]` of the chosen clock. */
export function ratios(numerator: Timing[], denominator: Timing[], clock: keyof Timing): number[] {
  return numerator.map((timing, index) => timing[clock] / denominator[index]![clock]);
}
