import http from 'node:http';

export interface LoopResult {
  /** Latencies (ms) of the 2xx answers, sorted. */
  served: number[];
  /** Latencies (ms) of the 503 answers (refused at once), sorted. */
  refused: number[];
  /** Other answers and failed requests. */
  errors: number;
  seconds: number;
}

/**
 * `connections` clients on keep-alive sockets, each sending the next request as soon as the previous answer arrived
 * (a refused client asks again at once: the worst case for the server, Retry-After is not waited for), for
 * `seconds`. Unlike autocannon's single histogram, the latencies of served and refused requests are kept apart.
 */
export async function closedLoop(url: string, body: string, connections: number, seconds: number): Promise<LoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const result: LoopResult = { served: [], refused: [], errors: 0, seconds };
  const stopAt = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            const took = performance.now() - started;
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) result.served.push(took);
            else if (status === 503) result.refused.push(took);
            else result.errors += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        result.errors += 1;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < stopAt) await one();
    }),
  );
  agent.destroy();
  result.served.sort((a, b) => a - b);
  result.refused.sort((a, b) => a - b);
  return result;
}

/** The `p`-th percentile (0–100) of sorted values, NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
