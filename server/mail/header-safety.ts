/** A header value on one line: CR, LF and other line breaks become spaces, so no value can start a new header. */
export function headerSafe(value: string): string {
  return value
    .replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A file name that every mail client shows as is: ASCII letters, digits, dot, hyphen, underscore. */
export function asciiFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '');
  return safe || 'letter.pdf';
}
