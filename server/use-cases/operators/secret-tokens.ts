import { createHash, randomBytes } from 'node:crypto';

/** The prefix of Reclamo's API tokens, so a leaked one is recognisable (secret scanners, logs, a pasted config). */
export const API_TOKEN_PREFIX = 'reclamo_';
const API_TOKEN = /^reclamo_[A-Za-z0-9_-]{43}$/;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: what a session cookie carries. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** `reclamo_` and 256 random bits: an API token, shown once. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** 12 hex digits naming a token in listings (not a secret). */
export function newTokenId(): string {
  return randomBytes(6).toString('hex');
}

export function isApiToken(text: string): boolean {
  return API_TOKEN.test(text);
}

export function isSessionId(text: string): boolean {
  return SESSION_ID.test(text);
}

/**
 * What the store keeps of a session id or a token. A plain SHA-256 is enough: the input has 256 random bits, so
 * there is nothing to guess, and a leaked database gives no usable cookie or token.
 */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
