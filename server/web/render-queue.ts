/**
 * CPU-heavy jobs (rendering a PDF takes ~15 ms of one core) run one at a time, in arrival order, each on its own
 * turn of the event loop. Without it a burst of requests is rendered back to back inside one poll phase, so sockets
 * are not flushed and some requests wait seconds (a p99 of 7 s at 64 connections was measured); with it, latency
 * is the queue position times the render time, and I/O (health checks, writes) keeps flowing in between.
 */
export class RenderQueue {
  private readonly jobs: (() => void)[] = [];
  private running = false;

  constructor(private readonly maxWaiting: number) {}

  get waiting(): number {
    return this.jobs.length;
  }

  /** Runs `job` when its turn comes; rejects at once with `QueueFullError` when too many are waiting. */
  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.jobs.length >= this.maxWaiting) return Promise.reject(new QueueFullError());
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => this.next());
      });
      if (!this.running) this.next();
    });
  }

  private next(): void {
    const job = this.jobs.shift();
    this.running = job !== undefined;
    if (job) setImmediate(job);
  }
}

export class QueueFullError extends Error {
  readonly status = 503;
  constructor() {
    super('render queue full');
  }
}
