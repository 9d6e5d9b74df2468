import type { Language } from '../i18n/language';
import { groupThousands } from '../text/format-count';

/** Money is always an integer number of euro cents. */
export type Cents = number;

/** Largest amount accepted anywhere in a claim: keeps every sum far inside Number.MAX_SAFE_INTEGER. */
export const MAX_AMOUNT_CENTS: Cents = 10_000_000_00;

export type MoneyParseError = 'money.format' | 'money.decimals' | 'money.negative' | 'money.tooLarge';
export type MoneyParseResult = { ok: true; cents: Cents } | { ok: false; error: MoneyParseError };

const PLAIN = /^(\d+)(?:\.(\d+))?$/; // 1234.56
const ITALIAN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/; // 1.234,56 or 1234,56 or 1.234

/**
 * Parses euros written as a JSON number or as text in `1234.56` or Italian `1.234,56` form into cents,
 * digit by digit, never through floating point. A euro sign and spaces around the figure are tolerated
 * because spreadsheets export them.
 */
export function parseEuroToCents(input: string | number): MoneyParseResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: 'money.format' };
    // String(n) is the shortest decimal that round-trips, i.e. exactly what the sender wrote.
    text = String(input);
    if (/e/i.test(text)) return { ok: false, error: Math.abs(input) >= 1 ? 'money.tooLarge' : 'money.decimals' };
  } else {
    text = input.replace(/€/g, '').replace(/[\s\u00a0\u202f]+/g, '');
  }
  if (text.startsWith('-')) return { ok: false, error: 'money.negative' };
  if (text.startsWith('+')) text = text.slice(1);

  const match = typeof input === 'number' ? matchPlainAmount(text) : matchWrittenAmount(text);
  if (!match) return { ok: false, error: 'money.format' };
  const whole = match.whole.replace(/\./g, '').replace(/^0+(?=\d)/, '');
  const fraction = match.fraction ?? '';
  if (fraction.length > 2) return { ok: false, error: 'money.decimals' };
  if (whole.length > String(MAX_AMOUNT_CENTS / 100).length) return { ok: false, error: 'money.tooLarge' };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, error: 'money.tooLarge' };
  return { ok: true, cents };
}

function matchPlainAmount(text: string): { whole: string; fraction: string | undefined } | null {
  const plain = PLAIN.exec(text);
  return plain ? { whole: plain[1]!, fraction: plain[2] } : null;
}

function matchWrittenAmount(text: string): { whole: string; fraction: string | undefined } | null {
  // A comma marks the Italian form (dots group thousands); "1.234" alone is read the Italian way too,
  // because its other reading (three decimals) is never a valid amount.
  const italian = ITALIAN.exec(text);
  if (italian && (text.includes(',') || /^\d{1,3}(\.\d{3})+$/.test(text))) {
    return { whole: italian[1]!, fraction: italian[2] };
  }
  return matchPlainAmount(text);
}

/** `1.234,56 €` in Italian, `€1,234.56` in English; a negative amount gets a leading minus. */
export function formatCents(cents: Cents, language: Language): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an integer amount of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const euros = Math.floor(absolute / 100);
  const rest = String(absolute % 100).padStart(2, '0');
  if (language === 'it') return `${sign}${groupThousands(euros, '.')},${rest} €`;
  return `${sign}€${groupThousands(euros, ',')}.${rest}`;
}

/** The amount as a plain number string, `1234.56`, for machine-readable outputs. */
export function centsToDecimalString(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** Rounds a non-negative rational amount of cents (numerator / denominator) half up, in integers only. */
export function divideRoundHalfUp(numerator: number, denominator: number): Cents {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError('divideRoundHalfUp expects a non-negative safe integer over a positive one');
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const quotient = n / d;
  return Number((n - quotient * d) * 2n >= d ? quotient + 1n : quotient);
}

/** A rate in basis points as the language writes a percentage: `1,60 %` / `1.60%`. */
export function formatPercent(basisPoints: number, language: Language): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = String(basisPoints % 100).padStart(2, '0');
  return language === 'it' ? `${whole},${rest} %` : `${whole}.${rest}%`;
}
