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

// Omocodia replaces digits with these letters, in this order (L = 0 … V = 9).
const OMOCODIA_LETTERS = 'LMNPQRSTUV';

function decodeDigit(character: string): number {
  const letter = OMOCODIA_LETTERS.indexOf(character);
  return letter >= 0 ? letter : Number(character);
}

export type Sex = 'female' | 'male';

/** The sex a valid person's code encodes: women's day of birth has 40 added (omocodia letters decoded first). */
export function sexOfCodiceFiscale(code: string): Sex | null {
  if (!PERSON_PATTERN.test(code)) return null;
  const day = decodeDigit(code.charAt(9)) * 10 + decodeDigit(code.charAt(10));
  return day > 40 ? 'female' : 'male';
}

// Letters outside A–Z that Unicode does not decompose, spelt the way Italian registries write them.
const TRANSLITERATION: Record<string, string> = {
  Ł: 'L',
  Ø: 'O',
  Đ: 'D',
  Ð: 'D',
  Þ: 'TH',
  ß: 'SS',
  Æ: 'AE',
  Œ: 'OE',
  Ħ: 'H',
  İ: 'I',
};

/** The letters of a name as the code counts them: accents dropped, spaces, apostrophes and hyphens ignored. */
function codeLetters(name: string): string | null {
  const upper = name.toLocaleUpperCase('it-IT').normalize('NFD').replace(/\p{M}/gu, '');
  const letters = [...upper].map((character) => TRANSLITERATION[character] ?? character).join('');
  const kept = letters.replace(/[\s'’.-]/g, '');
  return /^[A-Z]+$/.test(kept) ? kept : null;
}

function split(letters: string): { consonants: string; vowels: string } {
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

/** Surname: consonants in order, then vowels, then X, three letters (D.M. 23/12/1976, FACTS §8). */
export function surnameCode(surname: string): string | null {
  const letters = codeLetters(surname);
  if (!letters) return null;
  const { consonants, vowels } = split(letters);
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

/** First name: as the surname, but with four or more consonants the 1st, 3rd and 4th. */
export function firstNameCode(firstName: string): string | null {
  const letters = codeLetters(firstName);
  if (!letters) return null;
  const { consonants, vowels } = split(letters);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

/**
 * Whether the first six letters of a person's code match the surname and name typed; null when the names hold
 * letters the rule cannot spell. A mismatch is a warning only: the Agenzia delle Entrate may assign another code.
 */
export function codiceFiscaleMatchesName(
  code: string,
  names: { firstName: string; lastName: string },
): { matches: boolean; expected: string } | null {
  if (!PERSON_PATTERN.test(code)) return null;
  const surname = surnameCode(names.lastName);
  const first = firstNameCode(names.firstName);
  if (!surname || !first) return null;
  const expected = `${surname}${first}`;
  return { matches: code.slice(0, 6) === expected, expected };
}
