export type IbanError = 'iban.format' | 'iban.length' | 'iban.checkDigits';
export type IbanCheck = { ok: true; value: string } | { ok: false; error: IbanError };

/** Lengths of the IBAN by country for the SEPA area Italian claimants are paid from (ISO 13616 registry). */
const LENGTHS: Record<string, number> = {
  IT: 27,
  SM: 27,
  VA: 22,
  AT: 20,
  BE: 16,
  CH: 21,
  DE: 22,
  ES: 24,
  FR: 27,
  GB: 22,
  IE: 22,
  LU: 20,
  MC: 27,
  NL: 18,
  PT: 25,
};

export function normalizeIban(raw: string): string {
  return raw.replace(/[\s\u00a0-]+/g, '').toUpperCase();
}

/** The ISO 7064 mod-97 remainder of an IBAN (country and check digits moved to the end, letters as 10–35). */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : character;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** An IBAN with valid mod-97 check digits (ISO 13616); an Italian or other listed country's also has its length. */
export function checkIban(raw: string): IbanCheck {
  const value = normalizeIban(raw);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return { ok: false, error: 'iban.format' };
  const expected = LENGTHS[value.slice(0, 2)];
  if (expected !== undefined && value.length !== expected) return { ok: false, error: 'iban.length' };
  if (ibanRemainder(value) !== 1) return { ok: false, error: 'iban.checkDigits' };
  return { ok: true, value };
}

/** `IT60 X054 2811 1010 0000 0123 456`: groups of four, as banks print it. */
export function formatIban(iban: string, separator = ' '): string {
  return iban.replace(/(.{4})(?=.)/g, `$1${separator}`);
}
