import type { AuditAction, OperatorStore } from './operator-store';
import { dummyPasswordHash, verifyPassword } from './password-hashing';
import { identityOf, normalizeEmail, type OperatorIdentity } from './operator-identity';
import { LoginThrottle } from './login-throttle';
import { digest, isApiToken, isSessionId, newSessionId } from './secret-tokens';

export interface SessionPolicy {
  /** A session ends after this long without a request… */
  idleMs: number;
  /** …and this long after sign-in, whatever happens. */
  maxMs: number;
}

export type SignInOutcome =
  | { ok: true; operator: OperatorIdentity; sessionId: string }
  /** One answer for a wrong password, an unknown address and a revoked operator. */
  | { ok: false; problem: 'rejected' }
  | { ok: false; problem: 'throttled'; retryAfterMs: number };

export type SessionLookup = { state: 'active'; operator: OperatorIdentity } | { state: 'ended' } | { state: 'none' };

/** Writing last-seen at most this often keeps a polling page from writing on every request. */
const TOUCH_EVERY_MS = 15_000;
const TOKEN_TOUCH_EVERY_MS = 60_000;

/**
 * Signing operators in and out, and recognising them afterwards by their session cookie or API token; every action
 * that matters goes to the audit log (operator id, action, time, batch id — nothing about members, no IP address).
 */
export class OperatorAuth {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly store: OperatorStore,
    readonly policy: SessionPolicy,
    private readonly clock: () => number = Date.now,
  ) {
    this.throttle = new LoginThrottle(store);
  }

  /**
   * Checks the password (unless the address or the client is waiting after failures) and opens a new session. The
   * session the browser had before, if any, is deleted: a session id is never carried across a sign-in.
   */
  async signIn(input: {
    email: string;
    password: string;
    client: string;
    previousSessionId?: string;
  }): Promise<SignInOutcome> {
    const now = this.clock();
    const email = normalizeEmail(input.email) ?? input.email.trim().toLowerCase();
    if (input.previousSessionId) await this.signOut(input.previousSessionId, { audit: false });
    const retryAfterMs = await this.throttle.waitFor(email, input.client, now);
    if (retryAfterMs > 0) return { ok: false, problem: 'throttled', retryAfterMs };

    const record = await this.store.accounts.byEmail(email);
    const usable = record !== null && record.disabledAt === null;
    const matches = await verifyPassword(usable ? record.passwordHash : await dummyPasswordHash(), input.password);
    if (!usable || !matches) {
      await this.throttle.failed(email, input.client, now);
      await this.audit(record?.id ?? null, 'sign-in-failed');
      return { ok: false, problem: 'rejected' };
    }
    await this.throttle.succeeded(email, input.client);
    const sessionId = newSessionId();
    await this.store.sessions.create({
      idHash: digest(sessionId),
      operatorId: record.id,
      createdAt: now,
      lastSeenAt: now,
    });
    await this.audit(record.id, 'sign-in');
    return { ok: true, operator: identityOf(record), sessionId };
  }

  async signOut(sessionId: string, options: { audit?: boolean } = {}): Promise<void> {
    if (!isSessionId(sessionId)) return;
    const idHash = digest(sessionId);
    const session = await this.store.sessions.find(idHash);
    if (!session) return;
    await this.store.sessions.remove(idHash);
    if (options.audit !== false) await this.audit(session.operatorId, 'sign-out');
  }

  /** The operator behind a session cookie; an idle, too old or revoked one is deleted and reported as ended. */
  async session(sessionId: string | undefined): Promise<SessionLookup> {
    if (!sessionId) return { state: 'none' };
    if (!isSessionId(sessionId)) return { state: 'ended' };
    const now = this.clock();
    const idHash = digest(sessionId);
    const session = await this.store.sessions.find(idHash);
    if (!session) return { state: 'ended' };
    const operator = await this.store.accounts.byId(session.operatorId);
    const expired = now - session.lastSeenAt >= this.policy.idleMs || now - session.createdAt >= this.policy.maxMs;
    if (expired || !operator || operator.disabledAt !== null) {
      await this.store.sessions.remove(idHash);
      return { state: 'ended' };
    }
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await this.store.sessions.touch(idHash, now);
    return { state: 'active', operator: identityOf(operator) };
  }

  /** The operator behind an API token, or null (unknown, revoked, or its operator revoked). */
  async bearer(token: string): Promise<OperatorIdentity | null> {
    if (!isApiToken(token)) return null;
    const record = await this.store.tokens.byHash(digest(token));
    if (!record || record.revokedAt !== null) return null;
    const operator = await this.store.accounts.byId(record.operatorId);
    if (!operator || operator.disabledAt !== null) return null;
    const now = this.clock();
    if (record.lastUsedAt === null || now - record.lastUsedAt >= TOKEN_TOUCH_EVERY_MS)
      await this.store.tokens.touch(record.id, now);
    return identityOf(operator);
  }

  /** Whether anyone can sign in yet (a new install has no operator until `reclamo operator add`). */
  async anyOperator(): Promise<boolean> {
    return (await this.store.accounts.list()).some((operator) => operator.disabledAt === null);
  }

  /** Who an operator is (an event log's "who"), revoked ones included; null for an id no account has. */
  async identity(operatorId: string): Promise<OperatorIdentity | null> {
    const record = await this.store.accounts.byId(operatorId);
    return record ? identityOf(record) : null;
  }

  audit(operatorId: string | null, action: AuditAction, details: { batchId?: string } = {}): Promise<void> {
    return this.store.audit.append({ at: this.clock(), operatorId, action, batchId: details.batchId ?? null });
  }

  /** Deletes expired sessions and forgotten failure counts (run now and then; secure_delete overwrites them). */
  async sweep(): Promise<void> {
    const now = this.clock();
    await this.store.sessions.removeExpired(now - this.policy.idleMs, now - this.policy.maxMs);
    await this.throttle.sweep(now);
  }
}
