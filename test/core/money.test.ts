import fc from 'fast-check';
import { formatCount } from '../../server/core/text/format-count';
import {
  centsToDecimalString,
  divideRoundHalfUp,
  formatCents,
  MAX_AMOUNT_CENTS,
  parseEuroToCents,
} from '../../server/core/money/money';

const cents = fc.integer({ min: 0, max: MAX_AMOUNT_CENTS });

describe('parsing euros into cents', () => {
  test.each([
    ['1234.56', 123456],
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1.234', 123400],
    ['19,99', 1999],
    ['19.9', 1990],
    ['€ 19,99', 1999],
    ['19,99 €', 1999],
    ['  0,5 ', 50],
    ['1.000.000,00', 100000000],
    ['007', 700],
  ])('%s is %i cents', (text, expected) => {
    expect(parseEuroToCents(text)).toEqual({ ok: true, cents: expected });
  });

  test.each([
    [19.99, 1999],
    [0.1, 10],
    [150, 15000],
    [0, 0],
  ])('the JSON number %d is %i cents', (value, expected) => {
    expect(parseEuroToCents(value)).toEqual({ ok: true, cents: expected });
  });

  test.each([
    ['1.234.5', 'money.format'],
    ['12,345', 'money.decimals'],
    ['1,234.56', 'money.format'],
    ['abc', 'money.format'],
    ['', 'money.format'],
    ['1.2345', 'money.decimals'],
    ['-5', 'money.negative'],
    ['99999999999', 'money.tooLarge'],
  ])('%s is refused (%s)', (text, error) => {
    expect(parseEuroToCents(text)).toEqual({ ok: false, error });
  });

  test('numbers that are not plain amounts are refused', () => {
    expect(parseEuroToCents(0.001)).toEqual({ ok: false, error: 'money.decimals' });
    expect(parseEuroToCents(1e21)).toEqual({ ok: false, error: 'money.tooLarge' });
    expect(parseEuroToCents(Number.POSITIVE_INFINITY)).toEqual({ ok: false, error: 'money.format' });
    expect(parseEuroToCents(-1)).toEqual({ ok: false, error: 'money.negative' });
  });

  test('property: Italian formatting parses back to the same cents', () => {
    fc.assert(
      fc.property(cents, (value) => {
        const written = formatCents(value, 'it');
        expect(parseEuroToCents(written)).toEqual({ ok: true, cents: value });
      }),
    );
  });

  test('property: the plain decimal form and the JSON number both parse back exactly', () => {
    fc.assert(
      fc.property(cents, (value) => {
        expect(parseEuroToCents(centsToDecimalString(value))).toEqual({ ok: true, cents: value });
        expect(parseEuroToCents(value / 100)).toEqual({ ok: true, cents: value });
      }),
    );
  });

  test('property: any text either parses to whole cents in range or is refused, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const result = parseEuroToCents(text);
        if (result.ok) {
          expect(Number.isSafeInteger(result.cents)).toBe(true);
          expect(result.cents).toBeGreaterThanOrEqual(0);
          expect(result.cents).toBeLessThanOrEqual(MAX_AMOUNT_CENTS);
        }
      }),
    );
  });
});

describe('formatting cents', () => {
  test('Italian and English conventions', () => {
    expect(formatCents(123456, 'it')).toBe('1.234,56 €');
    expect(formatCents(123456, 'en')).toBe('€1,234.56');
    expect(formatCents(-1000, 'it')).toBe('-10,00 €');
    expect(formatCents(5, 'it')).toBe('0,05 €');
    expect(formatCents(100000000, 'it')).toBe('1.000.000,00 €');
  });

  test('refuses a fractional number of cents', () => {
    expect(() => formatCents(1.5, 'it')).toThrow(RangeError);
  });
});

describe('dividing with half-up rounding', () => {
  test('the refund of the worked example: 1999 × 6 ÷ 365 = 32.86 → 33', () => {
    expect(divideRoundHalfUp(1999 * 6, 365)).toBe(33);
  });

  test('property: agrees with exact rational rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        const expected = Number((BigInt(n) * 2n + BigInt(d)) / (2n * BigInt(d)));
        expect(divideRoundHalfUp(n, d)).toBe(expected);
      }),
    );
  });
});

describe('formatCount', () => {
  test('groups thousands the Italian and the English way', () => {
    expect(formatCount(10_000, 'it')).toBe('10.000');
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
    expect(formatCount(999, 'it')).toBe('999');
    expect(formatCount(-1000, 'it')).toBe('-1.000');
  });
  test('matches Intl for any whole number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        (n) =>
          formatCount(n, 'it') ===
          new Intl.NumberFormat('de-DE', { useGrouping: true }).format(n).replace(/\u2212/, '-'),
      ),
    );
  });
});
