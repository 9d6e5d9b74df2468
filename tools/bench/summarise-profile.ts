import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, coarsely: our code by folder, a dependency by package, Node's internals, GC, native. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const ours = /\/(server\/[^/]+|tools\/[^/]+)\//.exec(url);
  if (ours) return ours[1]!;
  return url.startsWith('node:') ? 'node internals' : path.basename(url);
}

/**
 * `node build/tools/bench/summarise-profile.js <file.cpuprofile> [top]`: self time by area and the functions with
 * the most self time, as shares of the profile.
 */
function main(): void {
  const profile = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Profile;
  const top = Number(process.argv[3] ?? 15);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    add(areas, area(url, functionName), time);
    const where = url ? `${area(url, functionName)}/${path.basename(url)}:${lineNumber + 1}` : '';
    add(functions, `${functionName || '(anonymous)'} ${where}`.trim(), time);
  }
  const share = (value: number) => `${((100 * value) / total).toFixed(1).padStart(5)}%`;
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  console.log(`profile ${path.basename(process.argv[2]!)}: ${(total / 1e6).toFixed(2)} s sampled`);
  console.log('self time by area:');
  for (const [name, time] of sorted(areas).slice(0, top)) console.log(`  ${share(time)}  ${name}`);
  console.log(`top ${top} functions by self time:`);
  for (const [name, time] of sorted(functions).slice(0, top)) console.log(`  ${share(time)}  ${name}`);
}

main();
