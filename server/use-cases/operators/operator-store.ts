/**
 * What the operator use cases keep, and the port they keep it through. server/storage/ implements it (SQLite
 * today; PostgreSQL next, behind the same interface). Every method is async so a networked database fits as is.
 * Secrets never reach the store in clear: passwords as argon2id hashes, sessions and API tokens as SHA-256 digests.
 */

export interface OperatorRecord {
  id: string;
  /** Lower-cased: one account per address. */
  email: string;
  name: string | null;
  passwordHash: string;
  createdAt: number;
  /** Set when the operator was revoked: no sign-in, no token, no session from then on. */
  disabledAt: number | null;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the cookie's value. */
  idHash: string;
  operatorId: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface TokenRecord {
  /** A short public id, shown by `reclamo operator list` and accepted by `revoke`. */
  id: string;
  /** SHA-256 (hex) of the token. */
  hash: string;
  operatorId: string;
  label: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export const AUDIT_ACTIONS = [
  'operator-added',
  'operator-revoked',
  'password-changed',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'token-created',
  'token-revoked',
  'batch-submitted',
  'batch-downloaded',
  'campaign-created',
  'campaign-members-added',
  'member-data-exported',
  'member-deleted',
  'members-swept',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit log: who (an operator id, or none for a failed sign-in of an unknown address), what, when. */
export interface AuditEntry {
  at: number;
  operatorId: string | null;
  action: AuditAction;
  batchId?: string | null;
  tokenId?: string | null;
}

export interface StoredAuditEntry extends Required<AuditEntry> {
  id: number;
}

/** Failed sign-ins counted under a key (a keyed hash of an address or of a client, never either in clear). */
export interface FailureCount {
  failures: number;
  lastFailureAt: number;
}

export interface OperatorAccountStore {
  /** false when the address already has an account (revoked ones included). */
  add(operator: OperatorRecord): Promise<boolean>;
  byEmail(email: string): Promise<OperatorRecord | null>;
  byId(id: string): Promise<OperatorRecord | null>;
  list(): Promise<OperatorRecord[]>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  disable(id: string, now: number): Promise<void>;
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  find(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, now: number): Promise<void>;
  remove(idHash: string): Promise<void>;
  removeForOperator(operatorId: string): Promise<number>;
  /** Deletes every session idle since `idleBefore` or created before `createdBefore`; returns how many. */
  removeExpired(idleBefore: number, createdBefore: number): Promise<number>;
}

export interface TokenStore {
  add(token: TokenRecord): Promise<void>;
  byHash(hash: string): Promise<TokenRecord | null>;
  byId(id: string): Promise<TokenRecord | null>;
  /** Every token, or one operator's, oldest first. */
  list(operatorId?: string): Promise<TokenRecord[]>;
  touch(id: string, now: number): Promise<void>;
  /** true when it was live and is now revoked. */
  revoke(id: string, now: number): Promise<boolean>;
  revokeForOperator(operatorId: string, now: number): Promise<number>;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** The newest `limit` entries, newest first. */
  recent(limit: number, operatorId?: string): Promise<StoredAuditEntry[]>;
}

export interface FailureCounter {
  /** Counts one more failure under `key`; counts older than `forgetBefore` start again from zero. */
  record(key: string, now: number, forgetBefore: number): Promise<FailureCount>;
  get(key: string, forgetBefore: number): Promise<FailureCount>;
  clear(key: string): Promise<void>;
  removeStale(forgetBefore: number): Promise<number>;
}

/** The data layer of the operator accounts, as the use cases see it. */
export interface OperatorStore {
  accounts: OperatorAccountStore;
  sessions: SessionStore;
  tokens: TokenStore;
  audit: AuditLog;
  loginFailures: FailureCounter;
  /** A random secret made once per database and kept in it (for keyed hashes that must agree across processes). */
  instanceSecret(name: string): Promise<Buffer>;
  /** Throws when the database does not answer (the readiness check). */
  check(): Promise<void>;
  close(): Promise<void>;
}
