import zlib from 'node:zlib';

/**
 * A small, strict reader of PDF objects: enough to find a file embedded in one of our letters, also after a signing
 * tool appended an incremental update. Classic cross-reference tables are followed (with their /Prev chain); a file
 * whose table cannot be read is scanned for its objects instead. Objects packed in object streams (a PDF re-saved
 * by some programs) are not read: such a file is reported as unreadable rather than guessed at.
 */

export type PdfValue = null | boolean | number | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly id: number,
    readonly generation: number,
  ) {}
}
export class PdfString {
  constructor(readonly bytes: Buffer) {}

  /** A text string: UTF-16BE with its byte-order mark, or PDFDocEncoding (read as Latin-1, which agrees for ASCII). */
  get text(): string {
    const { bytes } = this;
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
}
export type PdfDict = Map<string, PdfValue>;

export interface PdfStream {
  dict: PdfDict;
  /** The stream's bytes as stored (still encoded). */
  raw: Buffer;
}

export class PdfSyntaxError extends Error {}

export function isStream(value: PdfValue | PdfStream | undefined): value is PdfStream {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'raw' in value && 'dict' in value;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const MAX_DEPTH = 64;

class Lexer {
  constructor(
    readonly bytes: Buffer,
    public at: number,
  ) {}

  skipSpace(): void {
    const { bytes } = this;
    while (this.at < bytes.length) {
      const byte = bytes[this.at]!;
      if (WHITE.has(byte)) this.at += 1;
      else if (byte === 0x25)
        while (this.at < bytes.length && bytes[this.at] !== 0x0a && bytes[this.at] !== 0x0d) this.at += 1;
      else break;
    }
  }

  word(): string {
    this.skipSpace();
    const start = this.at;
    while (this.at < this.bytes.length && !WHITE.has(this.bytes[this.at]!) && !DELIMITER.has(this.bytes[this.at]!)) {
      this.at += 1;
    }
    return this.bytes.toString('latin1', start, this.at);
  }

  peek(text: string): boolean {
    this.skipSpace();
    return this.bytes.toString('latin1', this.at, this.at + text.length) === text;
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError('objects nested too deeply');
    this.skipSpace();
    const byte = this.bytes[this.at];
    if (byte === undefined) throw new PdfSyntaxError('unexpected end of file');
    if (this.peek('<<')) return this.dictionary(depth);
    if (byte === 0x3c) return this.hexString();
    if (byte === 0x28) return this.literalString();
    if (byte === 0x2f) {
      this.at += 1;
      return new PdfName(
        this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      );
    }
    if (byte === 0x5b) {
      this.at += 1;
      const items: PdfValue[] = [];
      while (!this.peek(']')) items.push(this.value(depth + 1));
      this.at += 1;
      return items;
    }
    const word = this.word();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) throw new PdfSyntaxError(`unexpected "${word.slice(0, 20)}"`);
    // "12 0 R" is a reference: look ahead without consuming when it is not.
    const mark = this.at;
    if (/^\d+$/.test(word)) {
      const generation = this.word();
      if (/^\d+$/.test(generation) && this.word() === 'R') return new PdfRef(Number(word), Number(generation));
    }
    this.at = mark;
    return Number(word);
  }

  private dictionary(depth: number): PdfDict {
    this.at += 2;
    const dict: PdfDict = new Map();
    while (!this.peek('>>')) {
      const key = this.value(depth + 1);
      if (!(key instanceof PdfName)) throw new PdfSyntaxError('a dictionary key is not a name');
      dict.set(key.name, this.value(depth + 1));
    }
    this.at += 2;
    return dict;
  }

  private hexString(): PdfString {
    const end = this.bytes.indexOf(0x3e, this.at);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    let hex = this.bytes.toString('latin1', this.at + 1, end).replace(/\s+/g, '');
    if (hex.length % 2) hex += '0';
    this.at = end + 1;
    return new PdfString(Buffer.from(hex, 'hex'));
  }

  private literalString(): PdfString {
    const out: number[] = [];
    let depth = 1;
    this.at += 1;
    const { bytes } = this;
    const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
    while (depth > 0) {
      const byte = bytes[this.at];
      if (byte === undefined) throw new PdfSyntaxError('unterminated string');
      this.at += 1;
      if (byte === 0x5c) {
        const next = bytes[this.at]!;
        this.at += 1;
        if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (let count = 0; count < 2 && bytes[this.at]! >= 0x30 && bytes[this.at]! <= 0x37; count += 1) {
            octal = octal * 8 + bytes[this.at]! - 0x30;
            this.at += 1;
          }
          out.push(octal & 0xff);
        } else if (next === 0x0d || next === 0x0a) {
          if (next === 0x0d && bytes[this.at] === 0x0a) this.at += 1;
        } else out.push(escapes[next] ?? next);
        continue;
      }
      if (byte === 0x28) depth += 1;
      if (byte === 0x29) depth -= 1;
      if (depth > 0) out.push(byte);
    }
    return new PdfString(Buffer.from(out));
  }
}

/** The objects of a PDF file, read on demand. */
export class PdfFile {
  private readonly offsets = new Map<number, number>();
  readonly trailer: PdfDict;

  constructor(readonly bytes: Buffer) {
    const tail = bytes.toString('latin1', Math.max(0, bytes.length - 1024));
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    const trailer = startxref ? this.readXrefChain(Number(startxref[1])) : null;
    this.trailer = trailer ?? this.scanObjects();
  }

  /** Follows the cross-reference tables from the last one back; null when a table is missing or not classic. */
  private readXrefChain(offset: number): PdfDict | null {
    let newest: PdfDict | null = null;
    const seen = new Set<number>();
    for (let next: number | null = offset; next !== null;) {
      if (seen.has(next) || next >= this.bytes.length) return null;
      seen.add(next);
      const lexer: Lexer = new Lexer(this.bytes, next);
      if (lexer.word() !== 'xref') return null;
      try {
        while (!lexer.peek('trailer')) {
          const first = Number(lexer.word());
          const count = Number(lexer.word());
          if (!Number.isInteger(first) || !Number.isInteger(count)) return null;
          for (let index = 0; index < count; index += 1) {
            const position = Number(lexer.word());
            lexer.word();
            const kind = lexer.word();
            if (kind === 'n' && !this.offsets.has(first + index)) this.offsets.set(first + index, position);
          }
        }
        lexer.word();
        const dict: PdfValue = lexer.value();
        if (!(dict instanceof Map)) return null;
        newest ??= dict;
        const previous: PdfValue | undefined = dict.get('Prev');
        next = typeof previous === 'number' ? previous : null;
      } catch {
        return null;
      }
    }
    return newest;
  }

  /** Without a usable table: every "N G obj" in the file, the last one of each number winning. */
  private scanObjects(): PdfDict {
    this.offsets.clear();
    const text = this.bytes.toString('latin1');
    for (const match of text.matchAll(/(?<![0-9])(\d+)\s+(\d+)\s+obj\b/g))
      this.offsets.set(Number(match[1]), match.index);
    const trailers = [...text.matchAll(/trailer\s*<</g)];
    const last = trailers[trailers.length - 1];
    if (!last) throw new PdfSyntaxError('no trailer');
    const dict = new Lexer(this.bytes, last.index + 'trailer'.length).value();
    if (!(dict instanceof Map)) throw new PdfSyntaxError('no trailer');
    return dict;
  }

  /** The object a reference points to (a direct value is returned as it is). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof PdfRef)) return value;
    const object = this.object(value.id);
    return isStream(object) ? object.dict : object;
  }

  dict(value: PdfValue | undefined): PdfDict | null {
    const resolved = this.resolve(value);
    return resolved instanceof Map ? resolved : null;
  }

  /** An indirect object: its value, or its dictionary and raw bytes when it is a stream. */
  object(id: number): PdfValue | PdfStream | undefined {
    const offset = this.offsets.get(id);
    if (offset === undefined) return undefined;
    const lexer = new Lexer(this.bytes, offset);
    if (Number(lexer.word()) !== id) return undefined;
    lexer.word();
    if (lexer.word() !== 'obj') return undefined;
    const value = lexer.value();
    if (!(value instanceof Map) || !lexer.peek('stream')) return value;
    lexer.at += 'stream'.length;
    if (this.bytes[lexer.at] === 0x0d) lexer.at += 1;
    if (this.bytes[lexer.at] === 0x0a) lexer.at += 1;
    const declared = this.resolve(value.get('Length'));
    if (typeof declared !== 'number' || declared < 0 || lexer.at + declared > this.bytes.length) {
      throw new PdfSyntaxError(`stream of object ${id} runs past the end of the file`);
    }
    return { dict: value, raw: this.bytes.subarray(lexer.at, lexer.at + declared) };
  }

  /** A stream's decoded bytes; only FlateDecode (what PDFKit writes) is decoded, at most `maxBytes`. */
  streamData(stream: PdfStream, maxBytes: number): Buffer {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = (Array.isArray(filter) ? filter : filter === undefined ? [] : [filter]).map((item) =>
      item instanceof PdfName ? item.name : '?',
    );
    if (filters.length === 0) {
      if (stream.raw.length > maxBytes) throw new PdfSyntaxError('stream too large');
      return stream.raw;
    }
    if (filters.length !== 1 || filters[0] !== 'FlateDecode') throw new PdfSyntaxError(`filter ${filters.join(', ')}`);
    return zlib.inflateSync(stream.raw, { maxOutputLength: maxBytes });
  }
}

/** A name tree's entries (ISO 32000-1 §7.9.6), kids followed to a bounded depth. */
export function nameTreeEntries(file: PdfFile, node: PdfValue | undefined, depth = 0): [string, PdfValue][] {
  const dict = file.dict(node);
  if (!dict || depth > 16) return [];
  const names = file.resolve(dict.get('Names'));
  const own: [string, PdfValue][] = [];
  if (Array.isArray(names)) {
    for (let index = 0; index + 1 < names.length; index += 2) {
      const key = names[index];
      if (key instanceof PdfString) own.push([key.text, names[index + 1]!]);
    }
  }
  const kids = file.resolve(dict.get('Kids'));
  return [...own, ...(Array.isArray(kids) ? kids.flatMap((kid) => nameTreeEntries(file, kid, depth + 1)) : [])];
}
