import { createHmac } from 'node:crypto';
import type { FailureCount, OperatorStore } from './operator-store';

/** How failed sign-ins slow the next attempt: a few free, then a wait that doubles with each failure, capped. */
export interface ThrottlePolicy {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** A count is forgotten this long after its last failure. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/** Per address typed (whether or not it has an account, so the waits tell nothing about which ones exist). */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

/** Per client: more room (an office shares one address), the same growth. */
export const CLIENT_THROTTLE: ThrottlePolicy = {
  freeFailures: 10,
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

/** The wait imposed after `failures` failures: 0 while free, then 1 s, 2 s, 4 s… up to the cap. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(over - 1, 30));
}

/** How long from `now` until the next attempt may be checked (0: now). */
export function waitLeft(count: FailureCount, policy: ThrottlePolicy, now: number): number {
  if (count.failures === 0) return 0;
  return Math.max(0, count.lastFailureAt + delayAfter(count.failures, policy) - now);
}

/**
 * The two counters of a sign-in attempt, kept in the store so every web process (and, later, every machine) sees the
 * same counts. Keys are HMACs under a per-database secret: neither an address nor a client IP is stored in clear.
 */
export class LoginThrottle {
  private secret: Promise<Buffer> | undefined;

  constructor(private readonly store: OperatorStore) {}

  private async keys(email: string, client: string): Promise<{ account: string; client: string }> {
    const secret = await (this.secret ??= this.store.instanceSecret('login-throttle'));
    const key = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
    return { account: key(`account\0${email}`), client: key(`client\0${client}`) };
  }

  /** The wait before this attempt may be checked (0: go ahead). */
  async waitFor(email: string, client: string, now: number): Promise<number> {
    const keys = await this.keys(email, client);
    const failures = this.store.loginFailures;
    const [account, byClient] = await Promise.all([
      failures.get(keys.account, now - ACCOUNT_THROTTLE.forgetAfterMs),
      failures.get(keys.client, now - CLIENT_THROTTLE.forgetAfterMs),
    ]);
    return Math.max(waitLeft(account, ACCOUNT_THROTTLE, now), waitLeft(byClient, CLIENT_THROTTLE, now));
  }

  async failed(email: string, client: string, now: number): Promise<void> {
    const keys = await this.keys(email, client);
    await this.store.loginFailures.record(keys.account, now, now - ACCOUNT_THROTTLE.forgetAfterMs);
    await this.store.loginFailures.record(keys.client, now, now - CLIENT_THROTTLE.forgetAfterMs);
  }

  /**
   * A success clears the address's count, not the client's: signing in to one's own account must not buy more
   * guesses at someone else's.
   */
  async succeeded(email: string, client: string): Promise<void> {
    const keys = await this.keys(email, client);
    await this.store.loginFailures.clear(keys.account);
  }

  async sweep(now: number): Promise<void> {
    await this.store.loginFailures.removeStale(
      now - Math.max(ACCOUNT_THROTTLE.forgetAfterMs, CLIENT_THROTTLE.forgetAfterMs),
    );
  }
}
