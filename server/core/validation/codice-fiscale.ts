import { checkPartitaIva } from './partita-iva';

export type CodiceFiscaleError = 'taxCode.format' | 'taxCode.checkLetter' | 'taxCode.company';
export type CodiceFiscaleCheck = { ok: true; value: string } | { ok: false; error: CodiceFiscaleError };

// Letters L–V stand for digits 0–9 where a code was changed to resolve a clash ("omocodia").
const PERSON_PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

// Value of a character in an odd position (1st, 3rd, …); a digit shares the value of the letter at its index.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const A = 'A'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);

function indexOfCharacter(character: string): number {
  const code = character.charCodeAt(0);
  return code >= ZERO && code <= ZERO + 9 ? code - ZERO : code - A;
}

/** The check letter for the first 15 characters of a person's codice fiscale (upper case). */
export function codiceFiscaleCheckLetter(first15: string): string {
  let sum = 0;
  for (let position = 0; position < 15; position += 1) {
    const index = indexOfCharacter(first15.charAt(position));
    sum += position % 2 === 0 ? ODD_VALUES[index]! : index;
  }
  return String.fromCharCode(A + (sum % 26));
}

export function normalizeTaxCode(raw: string): string {
  return raw.replace(/[\s.-]+/g, '').toUpperCase();
}

/**
 * A person's codice fiscale (16 characters, omocodia allowed); with `allowCompany`, also an organisation's
 * 11-digit one, which is checked like a partita IVA.
 */
export function checkCodiceFiscale(raw: string, options: { allowCompany?: boolean } = {}): CodiceFiscaleCheck {
  const value = normalizeTaxCode(raw);
  if (/^\d{11}$/.test(value)) {
    if (!options.allowCompany) return { ok: false, error: 'taxCode.company' };
    return checkPartitaIva(value).ok ? { ok: true, value } : { ok: false, error: 'taxCode.checkLetter' };
  }
  if (!PERSON_PATTERN.test(value)) return { ok: false, error: 'taxCode.format' };
  if (codiceFiscaleCheckLetter(value.slice(0, 15)) !== value.charAt(15))
    return { ok: false, error: 'taxCode.checkLetter' };
  return { ok: true, value };
}
