/** Characters a spreadsheet would run as the start of a formula. */
export const FORMULA_PREFIX = /^[=+\-@]/;

/** Letters of any alphabet, combining marks, spaces, apostrophes, hyphens and dots, starting with a letter. */
export const PERSON_NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

/** Control characters (other than the whitespace that normalisation turns into spaces) are never accepted. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** Trims and folds runs of whitespace (line breaks and tabs included) into one space. */
export function normalizeSpaces(value: string): string {
  return value.replace(/[\t\n\r\u00a0\u2028\u2029 ]+/g, ' ').trim();
}

export const POSTAL_CODE = /^\d{5}$/;
export const PROVINCE = /^[A-Z]{2}$/;
export const PHONE = /^\+?[0-9][0-9 ./-]{4,19}$/;
// Pragmatic address syntax: one @, a dotted domain, no spaces or quotes; the server that receives is the judge.
export const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
