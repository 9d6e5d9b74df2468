export interface RenderQueueOptions {
  /** Jobs waiting (not counting the one running) before new ones are refused, whatever the pace. */
  maxWaiting: number;
  /**
   * The longest a new job may expect to wait for its turn: a job that would wait longer (the jobs ahead of it times
   * the measured time per job) is refused at once, so the client is told to come back instead of being kept waiting.
   */
  maxWaitMs: number;
  /** The clock (ms), for tests. */
  now?: () => number;
}

/** Weight of the newest measured job in the running average of the time per job. */
const PACE_WEIGHT = 0.2;

/**
 * CPU-heavy jobs (rendering a PDF takes ~15 ms of one core) run one at a time, in arrival order, each on its own
 * turn of the event loop. Without it a burst of requests is rendered back to back inside one poll phase, so sockets
 * are not flushed and some requests wait seconds (a p99 of 7 s at 64 connections was measured); with it, latency
 * is the queue position times the time per job, and I/O (health checks, writes) keeps flowing in between.
 *
 * The time per job is measured as the queue drains (from one job's end to the next's while busy: the render and
 * whatever else the process did in between, so a loaded machine counts as slower), and a job that could not start
 * within `maxWaitMs` is refused with the wait the client should allow before trying again.
 */
export class RenderQueue {
  private readonly jobs: (() => void)[] = [];
  private running = false;
  /** Running average of the time per job (ms); null until a job has run. */
  private pace: number | null = null;
  private lastEnd = 0;
  private readonly options: Required<RenderQueueOptions>;

  constructor(options: RenderQueueOptions) {
    this.options = { now: () => performance.now(), ...options };
  }

  get waiting(): number {
    return this.jobs.length;
  }

  /** The measured time per job (ms), null before the first one. */
  get msPerJob(): number | null {
    return this.pace;
  }

  /** How long a job queued now would wait for its turn (ms), from the measured pace. */
  expectedWaitMs(): number {
    const ahead = this.jobs.length + (this.running ? 1 : 0);
    return ahead * (this.pace ?? 0);
  }

  /** Runs `job` when its turn comes; rejects at once with `QueueFullError` when it would wait too long. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const wait = this.expectedWaitMs();
    if (this.jobs.length >= this.options.maxWaiting || wait > this.options.maxWaitMs) {
      return Promise.reject(new QueueFullError(Math.max(1, Math.ceil(wait / 1000))));
    }
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        const started = this.options.now();
        job().then(
          (value) => {
            this.finished(started);
            resolve(value);
          },
          (error: unknown) => {
            this.finished(started);
            reject(error);
          },
        );
      });
      if (!this.running) {
        this.lastEnd = 0;
        this.next();
      }
    });
  }

  private finished(started: number): void {
    const end = this.options.now();
    // While busy, from the previous job's end (everything the process did in between counts); else from the start.
    const took = end - (this.lastEnd > 0 ? this.lastEnd : started);
    this.pace = this.pace === null ? took : this.pace + PACE_WEIGHT * (took - this.pace);
    this.lastEnd = end;
    this.next();
  }

  private next(): void {
    const job = this.jobs.shift();
    this.running = job !== undefined;
    if (job) setImmediate(job);
  }
}

export class QueueFullError extends Error {
  readonly status = 503;
  /** Seconds after which the jobs now queued should be done (for Retry-After). */
  constructor(readonly retryAfterSeconds: number = 1) {
    super('render queue full');
  }
}
