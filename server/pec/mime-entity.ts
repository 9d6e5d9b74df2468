import { ReceiptError } from './receipt-error';

/**
 * The few byte-exact MIME operations the signature check needs and no parsing library offers: the header block of
 * an entity, one header's value, and the parts of a multipart body as the exact bytes a signature covers. Text here
 * is Latin-1, so that one character is one byte and slicing never changes what is signed.
 */

export interface Entity {
  /** The header block, unfolded, one field per line. */
  headers: string[];
  body: string;
}

const FIELD = /^[!-9;-~]+:/;

/** Header block and body; bytes with no header block, or with a header line that is not a field, are not MIME. */
export function splitEntity(text: string, maxHeaderBytes: number): Entity {
  const end = /\r?\n\r?\n/.exec(text);
  const headerText = end ? text.slice(0, end.index) : text;
  if (headerText.length > maxHeaderBytes) throw new ReceiptError('headers-too-large');
  const headers = headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  if (headers.length === 0 || !headers.every((line) => FIELD.test(line))) throw new ReceiptError('not-mime');
  return { headers, body: end ? text.slice(end.index + end[0].length) : '' };
}

export function headerValue(entity: Entity, name: string): string | null {
  const prefix = `${name.toLowerCase()}:`;
  const line = entity.headers.find((field) => field.toLowerCase().startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length).trim();
}

/** `multipart/signed; boundary="x"` → `multipart/signed`. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
}

export function parameter(contentType: string | null, name: string): string | null {
  const pattern = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^\\s;]+))`, 'i');
  const match = pattern.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The parts of a multipart body (RFC 2046 §5.1.1): each is the text between a delimiter line and the line break
 * before the next delimiter, exactly, which is what an RFC 1847 signature covers; preamble and epilogue left out.
 */
export function multipartParts(body: string, boundary: string): string[] {
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escapeRegExp(boundary)}(--)?[ \\t]*(?:\\r?\\n|$)`, 'g');
  const parts: string[] = [];
  let start: number | null = null;
  for (let match = delimiter.exec(body); match; match = delimiter.exec(body)) {
    if (start !== null) parts.push(body.slice(start, match.index));
    if (match[1]) return parts;
    start = match.index + match[0].length;
  }
  // No closing delimiter (a file cut short, as receipts saved without their signature are): the last part runs to
  // the end of the file.
  if (start !== null && body.slice(start).trim() !== '') parts.push(body.slice(start));
  return parts;
}

/** Every boundary any Content-Type declares, and how many delimiter lines use one: the number of MIME parts. */
export function countMimeParts(text: string): number {
  const boundaries = new Set<string>();
  for (const match of text.matchAll(/boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;"]{1,200}))/gi))
    boundaries.add(match[1] ?? match[2]!);
  let count = 0;
  for (const line of text.matchAll(/^--([^\r\n]{1,204})\r?$/gm)) {
    const token = line[1]!.replace(/[ \t]+$/, '');
    if (boundaries.has(token)) count += 1;
  }
  return count;
}

/** A part's bytes with every line break as CRLF: the canonical form S/MIME signs (RFC 8551 §3.1.1). */
export function canonicalLineBreaks(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
