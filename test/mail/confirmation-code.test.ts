import fc from 'fast-check';
import { issueCode, verifyCode, type CodeSubject } from '../../server/mail/confirmation-code';
import { canonicalJson } from '../../server/core/claim/claim-digest';

const MINUTE = 60_000;
const settings = { secret: 'a'.repeat(64), windowMs: 20 * MINUTE };
const subject: CodeSubject = {
  address: 'mario.rossi@example.org',
  letter: 'f'.repeat(64),
  recipients: { claimant: true, provider: false },
};
const T0 = Date.UTC(2026, 10, 23, 11, 0);

const subjects = fc.record({
  address: fc.emailAddress(),
  letter: fc.stringMatching(/^[0-9a-f]{64}$/),
  recipients: fc.record({ claimant: fc.boolean(), provider: fc.boolean() }),
});
const instants = fc.integer({ min: T0, max: T0 + 365 * 24 * 60 * MINUTE });

test('a code is one group of six digits, accepted for at least the window and less than twice it', () => {
  fc.assert(
    fc.property(subjects, instants, (any, now) => {
      const issued = issueCode(settings, any, now);
      expect(issued.code).toMatch(/^\d{6}$/);
      expect(issued.expiresAt - now).toBeGreaterThanOrEqual(settings.windowMs);
      expect(issued.expiresAt - now).toBeLessThanOrEqual(2 * settings.windowMs);
      expect(verifyCode(settings, any, issued.code, now)).toBe(true);
      expect(verifyCode(settings, any, issued.code, now + settings.windowMs - 1)).toBe(true);
      expect(verifyCode(settings, any, issued.code, issued.expiresAt - 1)).toBe(true);
      expect(verifyCode(settings, any, issued.code, issued.expiresAt)).toBe(false);
    }),
  );
});

test('a code confirms its own address, letter and recipients only (address case and spaces aside)', () => {
  const { code } = issueCode(settings, subject, T0);
  expect(verifyCode(settings, { ...subject, address: ' Mario.Rossi@Example.ORG ' }, code, T0)).toBe(true);
  expect(verifyCode(settings, { ...subject, address: 'victim@third-party.example' }, code, T0)).toBe(false);
  expect(verifyCode(settings, { ...subject, letter: 'e'.repeat(64) }, code, T0)).toBe(false);
  expect(verifyCode(settings, { ...subject, recipients: { claimant: true, provider: true } }, code, T0)).toBe(false);
  expect(verifyCode({ ...settings, secret: 'b'.repeat(64) }, subject, code, T0)).toBe(false);
  // Typed the way people type it.
  expect(verifyCode(settings, subject, `${code.slice(0, 3)} ${code.slice(3)}`, T0)).toBe(true);
  for (const malformed of ['', '12345', '1234567', 'abcdef', `${code}0`]) {
    expect(verifyCode(settings, subject, malformed, T0)).toBe(false);
  }
});

test('different subjects get different message keys, codes spread over six digits; the key hides the code', () => {
  fc.assert(
    fc.property(subjects, subjects, (a, b) => {
      fc.pre(canonicalJson(a) !== canonicalJson(b) && a.address.toLowerCase() !== b.address.toLowerCase());
      expect(issueCode(settings, a, T0).messageKey).not.toBe(issueCode(settings, b, T0).messageKey);
    }),
  );
  // Across many subjects the codes spread over the six digits (no fixed or short code).
  const codes = new Set(
    Array.from({ length: 2000 }, (_, index) => issueCode(settings, { ...subject, letter: String(index) }, T0).code),
  );
  expect(codes.size).toBeGreaterThan(1990);
  const issued = issueCode(settings, subject, T0);
  expect(issued.messageKey).toMatch(/^[0-9a-f]{64}$/);
  expect(issued.messageKey).not.toContain(issued.code);
});

test('the same subject in the same window gives the same code (asking again sends no second code)', () => {
  const first = issueCode(settings, subject, T0);
  // T0 is the start of a window.
  expect(first.window * settings.windowMs).toBe(T0);
  expect(issueCode(settings, subject, T0 + settings.windowMs - 1)).toEqual(first);
  const next = issueCode(settings, subject, (first.window + 1) * settings.windowMs);
  expect(next.window).toBe(first.window + 1);
  // Both the current and the previous window's code are accepted; the one before is not.
  expect(verifyCode(settings, subject, first.code, (first.window + 1) * settings.windowMs)).toBe(true);
  expect(verifyCode(settings, subject, first.code, (first.window + 2) * settings.windowMs)).toBe(false);
});

test('canonical JSON does not depend on key order', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
      const reversed = Object.fromEntries(Object.entries(object).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      expect(JSON.parse(canonicalJson(object))).toEqual(JSON.parse(JSON.stringify(object)));
    }),
  );
});
