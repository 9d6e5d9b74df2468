/** Characters a spreadsheet would run as the start of a formula (their fullwidth and small forms included). */
export const FORMULA_PREFIX = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]/;

/** Letters of any alphabet, combining marks, spaces, apostrophes, hyphens and dots, starting with a letter. */
export const PERSON_NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

/**
 * Control characters (other than the whitespace that normalisation turns into spaces) are never accepted; nor are the
 * invisible ones that reorder or hide text: bidi marks, embeddings, overrides and isolates (U+061C, U+200E–F,
 * U+202A–E, U+2066–9), zero-width characters (U+200B–D, U+2060–4, U+FEFF), deprecated format characters
 * (U+206A–F), interlinear annotations (U+FFF9–B).
 */
export const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

/** Half of a UTF-16 pair without its other half: not a character at all. */
export const LONE_SURROGATE = /\p{Cs}/u;

/** More combining marks on one letter than any language writes (stacked marks overflow lines: "Zalgo" text). */
export const STACKED_MARKS = /\p{M}{5,}/u;

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
