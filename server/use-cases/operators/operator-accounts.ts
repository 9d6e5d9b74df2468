import { randomUUID } from 'node:crypto';
import { CONTROL_CHARACTERS, normalizeSpaces } from '../../core/validation/text-fields';
import { identityOf, normalizeEmail, type OperatorIdentity } from './operator-identity';
import type { OperatorRecord, OperatorStore, StoredAuditEntry, TokenRecord } from './operator-store';
import { hashPassword, passwordProblem } from './password-hashing';
import { digest, isApiToken, newApiToken, newTokenId } from './secret-tokens';

export type AccountProblem =
  | 'invalid-email'
  | 'invalid-name'
  | 'invalid-label'
  | 'password-too-short'
  | 'password-too-long'
  | 'exists'
  | 'unknown-operator'
  | 'operator-revoked'
  | 'unknown-token';

export type AccountOutcome<T> = ({ ok: true } & T) | { ok: false; problem: AccountProblem };

export interface OperatorListing {
  operator: OperatorIdentity & { createdAt: number; revokedAt: number | null };
  tokens: Omit<TokenRecord, 'hash'>[];
}

const MAX_NAME = 100;

/** A name or label: one line of printable text, at most 100 characters; null when empty. */
function cleanText(text: string | undefined): string | null | undefined {
  if (text === undefined) return null;
  const value = normalizeSpaces(text);
  if (value === '') return null;
  return CONTROL_CHARACTERS.test(value) || [...value].length > MAX_NAME ? undefined : value;
}

/**
 * Managing operator accounts from the command line (the people who run the server): add, change a password, issue
 * and revoke API tokens, revoke an operator, list, read the audit log.
 */
export class OperatorAccounts {
  constructor(
    private readonly store: OperatorStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async add(input: { email: string; name?: string; password: string }): Promise<AccountOutcome<OperatorIdentity>> {
    const email = normalizeEmail(input.email);
    if (!email) return { ok: false, problem: 'invalid-email' };
    const name = cleanText(input.name);
    if (name === undefined) return { ok: false, problem: 'invalid-name' };
    const weak = passwordProblem(input.password);
    if (weak) return { ok: false, problem: weak === 'too-short' ? 'password-too-short' : 'password-too-long' };
    if (await this.store.accounts.byEmail(email)) return { ok: false, problem: 'exists' };
    const record: OperatorRecord = {
      id: randomUUID(),
      email,
      name,
      passwordHash: await hashPassword(input.password),
      createdAt: this.clock(),
      disabledAt: null,
    };
    if (!(await this.store.accounts.add(record))) return { ok: false, problem: 'exists' };
    await this.audit(record.id, 'operator-added');
    return { ok: true, ...identityOf(record) };
  }

  /** A new password ends every session the operator has open (their tokens stay valid). */
  async setPassword(emailText: string, password: string): Promise<AccountOutcome<OperatorIdentity>> {
    const found = await this.live(emailText);
    if (!found.ok) return found;
    const weak = passwordProblem(password);
    if (weak) return { ok: false, problem: weak === 'too-short' ? 'password-too-short' : 'password-too-long' };
    await this.store.accounts.setPassword(found.record.id, await hashPassword(password));
    await this.store.sessions.removeForOperator(found.record.id);
    await this.audit(found.record.id, 'password-changed');
    return { ok: true, ...identityOf(found.record) };
  }

  /** A new API token for the operator: the only time it is seen in clear; the store keeps its SHA-256. */
  async issueToken(emailText: string, labelText?: string): Promise<AccountOutcome<{ token: string; id: string }>> {
    const found = await this.live(emailText);
    if (!found.ok) return found;
    const label = cleanText(labelText);
    if (label === undefined) return { ok: false, problem: 'invalid-label' };
    const token = newApiToken();
    const id = newTokenId();
    await this.store.tokens.add({
      id,
      hash: digest(token),
      operatorId: found.record.id,
      label,
      createdAt: this.clock(),
      lastUsedAt: null,
      revokedAt: null,
    });
    await this.audit(found.record.id, 'token-created', { tokenId: id });
    return { ok: true, token, id };
  }

  /**
   * Revokes what `target` names: an API token (given whole, or by the id `list` shows), or an operator (by address:
   * the account can no longer sign in, its sessions are deleted and its tokens revoked).
   */
  async revoke(
    target: string,
  ): Promise<AccountOutcome<{ kind: 'token'; id: string } | { kind: 'operator'; operator: OperatorIdentity }>> {
    const text = target.trim();
    if (text.includes('@')) {
      const found = await this.live(text);
      if (!found.ok) return found;
      const now = this.clock();
      await this.store.accounts.disable(found.record.id, now);
      await this.store.sessions.removeForOperator(found.record.id);
      await this.store.tokens.revokeForOperator(found.record.id, now);
      await this.audit(found.record.id, 'operator-revoked');
      return { ok: true, kind: 'operator', operator: identityOf(found.record) };
    }
    const token = isApiToken(text) ? await this.store.tokens.byHash(digest(text)) : await this.store.tokens.byId(text);
    if (!token || !(await this.store.tokens.revoke(token.id, this.clock())))
      return { ok: false, problem: 'unknown-token' };
    await this.audit(token.operatorId, 'token-revoked', { tokenId: token.id });
    return { ok: true, kind: 'token', id: token.id };
  }

  async list(): Promise<OperatorListing[]> {
    const [operators, tokens] = await Promise.all([this.store.accounts.list(), this.store.tokens.list()]);
    return operators.map((record) => ({
      operator: { ...identityOf(record), createdAt: record.createdAt, revokedAt: record.disabledAt },
      tokens: tokens.filter((token) => token.operatorId === record.id).map(({ hash: _hash, ...token }) => token),
    }));
  }

  auditLog(limit: number): Promise<StoredAuditEntry[]> {
    return this.store.audit.recent(limit);
  }

  private async live(
    emailText: string,
  ): Promise<{ ok: true; record: OperatorRecord } | { ok: false; problem: AccountProblem }> {
    const email = normalizeEmail(emailText);
    if (!email) return { ok: false, problem: 'invalid-email' };
    const record = await this.store.accounts.byEmail(email);
    if (!record) return { ok: false, problem: 'unknown-operator' };
    if (record.disabledAt !== null) return { ok: false, problem: 'operator-revoked' };
    return { ok: true, record };
  }

  private audit(operatorId: string, action: StoredAuditEntry['action'], details: { tokenId?: string } = {}) {
    return this.store.audit.append({ at: this.clock(), operatorId, action, tokenId: details.tokenId ?? null });
  }
}
