import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A PDF's objects as qpdf reads them (`qpdf --json=2`, streams decoded): qpdf is the parser, the tests only walk.
 * Values keep qpdf's JSON v2 encoding: names "/Name", references "12 0 R", text strings "u:…", binary strings "b:…".
 */
export type PdfValue = null | boolean | number | string | PdfValue[] | { [key: string]: PdfValue };
export type PdfDict = { [key: string]: PdfValue };

export class PdfObjects {
  private readonly objects: Record<string, { value?: PdfValue; stream?: { dict: PdfDict; data?: string } }>;
  readonly trailer: PdfDict;

  constructor(pdf: Buffer) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-qpdf-'));
    try {
      const file = path.join(dir, 'in.pdf');
      fs.writeFileSync(file, pdf);
      const json = execFileSync(
        'qpdf',
        ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file, '-'],
        { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      );
      const parsed = JSON.parse(json) as { qpdf: [unknown, PdfObjects['objects']] };
      this.objects = parsed.qpdf[1];
      this.trailer = this.objects.trailer!.value as PdfDict;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Follows a reference (or returns a direct value as it is). */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (typeof value === 'string' && /^\d+ \d+ R$/.test(value)) {
      const object = this.objects[`obj:${value}`];
      if (!object) return undefined;
      return object.stream ? object.stream.dict : (object.value ?? null);
    }
    return value;
  }

  dict(value: PdfValue | undefined): PdfDict {
    const resolved = this.resolve(value);
    if (!resolved || typeof resolved !== 'object' || Array.isArray(resolved))
      throw new Error(`not a dictionary: ${value}`);
    return resolved;
  }

  array(value: PdfValue | undefined): PdfValue[] {
    const resolved = this.resolve(value);
    if (resolved === undefined || resolved === null) return [];
    return Array.isArray(resolved) ? resolved : [resolved];
  }

  isStream(reference: PdfValue | undefined): boolean {
    return typeof reference === 'string' && Boolean(this.objects[`obj:${reference}`]?.stream);
  }

  /** A page's /Contents as stream references (one stream, or an array of them). */
  streams(value: PdfValue | undefined): PdfValue[] {
    return this.isStream(value) ? [value!] : this.array(value);
  }

  /** The decoded bytes of a stream object. */
  streamData(reference: PdfValue | undefined): Buffer {
    const object = typeof reference === 'string' ? this.objects[`obj:${reference}`] : undefined;
    if (!object?.stream) throw new Error(`not a stream: ${reference}`);
    return Buffer.from(object.stream.data ?? '', 'base64');
  }

  get catalog(): PdfDict {
    return this.dict(this.trailer['/Root']);
  }

  /** Page references in order. */
  pages(): string[] {
    const out: string[] = [];
    const walk = (node: PdfValue) => {
      const dict = this.dict(node);
      if (dict['/Type'] === '/Pages') this.array(dict['/Kids']).forEach(walk);
      else out.push(node as string);
    };
    walk(this.catalog['/Pages']!);
    return out;
  }

  /** Every object, for checks that look for a kind of object anywhere in the file. */
  all(): PdfDict[] {
    return Object.entries(this.objects)
      .filter(([key]) => key.startsWith('obj:'))
      .map(([, object]) => (object.stream ? object.stream.dict : object.value))
      .filter((value): value is PdfDict => Boolean(value) && typeof value === 'object' && !Array.isArray(value));
  }
}

/** qpdf's text strings ("u:…") and binary strings ("b:…") as JavaScript strings. */
export function pdfString(value: PdfValue | undefined): string {
  if (typeof value !== 'string') return '';
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return value;
}
