import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane), 16-byte random salt, in PHC string
 * form (`$argon2id$v=19$m=19456,t=2,p=1$…`), so the parameters travel with each hash and can be raised later.
 * Hashing runs on libuv's thread pool, not on the event loop.
 */
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** false for a wrong password and for a stored value that is not a hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash to verify against when the address has no account, so that answering "wrong" takes as long either way and
 * the time does not tell which addresses exist.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummy ??= hashPassword('no account has this password'));
}

/** Why a new password is refused, or null: length only (NIST SP 800-63B), counted in characters, not bytes. */
export function passwordProblem(password: string): 'too-short' | 'too-long' | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  return null;
}
