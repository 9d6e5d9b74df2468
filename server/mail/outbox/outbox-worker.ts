import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../observability/logger';
import type { MailTransport } from '../mail-transport';
import { classifySendFailure, retryDelay } from '../send-failure';
import type { DueMessage, OutboxStore } from './outbox-port';

export interface OutboxWorkerOptions {
  poolSize: number;
  /** Messages started per second; 0 = no limit. */
  ratePerSecond: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  pollMs: number;
  leaseMs?: number;
  logger?: Logger;
  now?: () => number;
}

const HOST = os.hostname();
const RECLAIM_AFTER_MS = 1000;

function isRunningHere(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== HOST) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drains the outbox: holds the drainer lease (on SQLite one process sends at a time; on PostgreSQL every process
 * sends, each message claimed by one and its claim renewed with the lease), keeps at most `poolSize` messages in
 * flight, starts at most `ratePerSecond`, retries temporary failures with backoff and fails permanent ones at once.
 */
export class OutboxWorker {
  private readonly owner = `${HOST}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private leaseValidUntil = 0;
  private nextStartAt = 0;
  private closing = false;
  /** A pump is reading the queue; a notification meanwhile asks for one more round right after it. */
  private pumping = false;
  private pumpAgain = false;
  private reclaimTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: OutboxStore,
    private readonly transport: MailTransport,
    private readonly options: OutboxWorkerOptions,
  ) {
    this.leaseMs = options.leaseMs ?? Math.max(15_000, options.pollMs * 3);
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.pump();
  }

  /** Something was queued: look now rather than at the next poll. */
  notify(): void {
    if (!this.closing) this.pump();
  }

  isDrainer(): boolean {
    return this.leaseValidUntil > this.now();
  }

  private claim(now: number) {
    return { owner: this.owner, until: now + this.leaseMs };
  }

  private async holdsLease(now: number): Promise<boolean> {
    if (now < this.leaseValidUntil - this.leaseMs / 2) return true;
    const outcome = await this.store.takeLease(this.owner, now, this.leaseMs, (holder) => !isRunningHere(holder));
    if (outcome === 'held-elsewhere') {
      this.leaseValidUntil = 0;
      return false;
    }
    if (outcome === 'shared') await this.store.renewClaims(this.claim(now));
    if (outcome === 'acquired' || outcome === 'shared') {
      const requeued = await this.store.requeueInFlight(now);
      if (requeued)
        this.options.logger?.warn(
          { requeued },
          'outbox: messages left in flight by a stopped process are queued again',
        );
    }
    this.leaseValidUntil = now + this.leaseMs;
    return true;
  }

  private pump(): void {
    if (this.closing) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    clearTimeout(this.timer);
    void this.readQueue().then((wait) => {
      this.pumping = false;
      if (this.closing) return;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        this.pump();
        return;
      }
      this.timer = setTimeout(() => this.pump(), wait);
      this.timer.unref();
    });
  }

  /** One round: claims what is due and room allows, launches it; answers how long to wait before the next round. */
  private async readQueue(): Promise<number> {
    let wait = this.options.pollMs;
    try {
      const now = this.now();
      if (await this.holdsLease(now)) {
        const claimed = await this.store.claimDue(now, this.options.poolSize - this.inFlight.size, this.claim(now));
        for (const message of claimed) this.launch(message, now);
        const due = await this.store.nextDueAt();
        if (due !== null && this.inFlight.size < this.options.poolSize) wait = Math.min(wait, Math.max(0, due - now));
      }
    } catch (error) {
      this.options.logger?.error({ err: error }, 'outbox: could not read the queue; trying again');
    }
    return wait;
  }

  private launch(message: DueMessage, now: number): void {
    const rate = this.options.ratePerSecond;
    const startAt = rate > 0 ? Math.max(now, this.nextStartAt) : now;
    if (rate > 0) this.nextStartAt = startAt + 1000 / rate;
    const work = new Promise<void>((resolve) => setTimeout(resolve, startAt - now))
      .then(() => this.deliver(message))
      .catch((error: unknown) =>
        this.options.logger?.error(
          { err: error, outboxId: message.id },
          'outbox: could not record a result; the message will be resumed',
        ),
      )
      .finally(() => {
        this.inFlight.delete(work);
        this.pump();
      });
    this.inFlight.add(work);
  }

  private async deliver(message: DueMessage): Promise<void> {
    let response: string;
    try {
      ({ response } = await this.transport.send({
        envelopeFrom: message.envelopeFrom,
        recipient: message.recipient,
        raw: message.raw,
        key: message.key,
      }));
    } catch (error) {
      await this.recordFailure(message, error);
      return;
    }
    // Outside the try: a message the server accepted is never retried because recording it failed.
    await this.store.markSent(message.id, response.slice(0, 500), this.now());
    this.scheduleReclaim();
  }

  /** At most once a second after sends: the sent messages' pages leave the file and the WAL (see store.reclaim). */
  private scheduleReclaim(): void {
    if (this.reclaimTimer) return;
    this.reclaimTimer = setTimeout(() => void this.reclaimNow(), RECLAIM_AFTER_MS);
    this.reclaimTimer.unref();
  }

  private async reclaimNow(): Promise<void> {
    clearTimeout(this.reclaimTimer);
    this.reclaimTimer = undefined;
    try {
      await this.store.reclaim();
    } catch (error) {
      this.options.logger?.error({ err: error }, 'outbox: could not reclaim the space of sent messages');
    }
  }

  private async recordFailure(message: DueMessage, error: unknown): Promise<void> {
    const failure = classifySendFailure(error);
    const now = this.now();
    if (failure.permanent || message.attempts >= this.options.maxAttempts) {
      await this.store.markFailed(message.id, failure.reason, now);
      this.options.logger?.warn(
        { outboxId: message.id, attempts: message.attempts, permanent: failure.permanent },
        'outbox: message failed',
      );
      return;
    }
    const delay = retryDelay(message.attempts, { baseMs: this.options.retryBaseMs, maxMs: this.options.retryMaxMs });
    await this.store.markRetry(message.id, failure.reason, now + delay, now);
  }

  /** Stops taking messages, waits for those in flight, gives up the lease. Unfinished ones are resumed later. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
    while (this.pumping) await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.allSettled([...this.inFlight]);
    if (this.reclaimTimer) await this.reclaimNow();
    try {
      await this.store.releaseLease(this.owner);
    } catch {
      // The store may already be closed; the lease then simply expires.
    }
  }
}
