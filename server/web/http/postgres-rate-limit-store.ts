import { createHmac } from 'node:crypto';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { PgQueryable } from '../../storage/postgres/open-postgres';

/** The rate-limit counters every machine shares: one row per route family and client, while its window lasts. */
export const RATE_LIMIT_POSTGRES_MIGRATIONS = [
  {
    version: 1,
    name: 'rate-limit counters per family and client (keyed hashes), with the end of their window',
    sql: `
      CREATE TABLE rate_limit_counters (
        key TEXT PRIMARY KEY,
        hits INTEGER NOT NULL,
        reset_at BIGINT NOT NULL
      );
      CREATE INDEX rate_limit_counters_expiry ON rate_limit_counters (reset_at);
    `,
  },
] as const;

const SWEEP_EVERY_MS = 60_000;

/**
 * An express-rate-limit store on PostgreSQL, so a client's budget holds across every machine (the library's own
 * MemoryStore counts per process). A fixed window per key, counted in one statement (an upsert that starts a new
 * window once the old one has passed), so parallel requests on several machines never lose a hit. The client's
 * address is never stored: the key is an HMAC keyed by a secret of the database, and rows whose window has passed are
 * deleted every minute.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private lastSweep = 0;

  constructor(
    private readonly db: PgQueryable,
    readonly prefix: string,
    /** The HMAC key (the same on every machine: a secret kept in the shared database). */
    private readonly secret: Promise<Buffer>,
    private readonly now: () => number = Date.now,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private async keyOf(key: string): Promise<string> {
    return createHmac('sha256', await this.secret)
      .update(`${this.prefix}\n${key}`)
      .digest('base64url');
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = this.now();
    const rows = await this.db.query<{ hits: number; resetAt: number }>(
      `INSERT INTO rate_limit_counters AS counter (key, hits, reset_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN counter.reset_at <= $3 THEN 1 ELSE counter.hits + 1 END,
         reset_at = CASE WHEN counter.reset_at <= $3 THEN $2 ELSE counter.reset_at END
       RETURNING hits, reset_at AS "resetAt"`,
      [await this.keyOf(key), now + this.windowMs, now],
    );
    this.sweepNowAndThen(now);
    return { totalHits: rows[0]!.hits, resetTime: new Date(rows[0]!.resetAt) };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const rows = await this.db.query<{ hits: number; resetAt: number }>(
      `SELECT hits, reset_at AS "resetAt" FROM rate_limit_counters WHERE key = $1 AND reset_at > $2`,
      [await this.keyOf(key), this.now()],
    );
    return rows[0] ? { totalHits: rows[0].hits, resetTime: new Date(rows[0].resetAt) } : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.db.run('UPDATE rate_limit_counters SET hits = GREATEST(hits - 1, 0) WHERE key = $1 AND reset_at > $2', [
      await this.keyOf(key),
      this.now(),
    ]);
  }

  async resetKey(key: string): Promise<void> {
    await this.db.run('DELETE FROM rate_limit_counters WHERE key = $1', [await this.keyOf(key)]);
  }

  /** Counters whose window has passed say nothing any more: deleted, at most once a minute per process. */
  private sweepNowAndThen(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    void this.db.run('DELETE FROM rate_limit_counters WHERE reset_at <= $1', [now]).catch(() => undefined);
  }
}
