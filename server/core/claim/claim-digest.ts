import { createHash } from 'node:crypto';
import type { Claim } from './claim-schema';

/** JSON with the keys of every object in sorted order, so equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What identifies one letter before it is rendered: the validated claim (trimmed text, cents, instants) and the
 * ruleset it is assessed with. Two requests with the same digest make the same letter, but for its date when the
 * claim leaves it to the day of sending (so a code asked for before midnight still works after it).
 */
export function claimDigest(claim: Claim, rulesetVersion: string): string {
  return createHash('sha256').update(canonicalJson({ claim, rulesetVersion })).digest('hex');
}
