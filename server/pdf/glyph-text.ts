import { internals, pdfNumber, type PdfDocument, type PdfKitEmbeddedFont } from './pdfkit-internals';
import type { SharedFont } from './shared-font';
import type { LaidLine, TextLayout } from './text-layout';

/**
 * Text operators written by the renderer instead of PDFKit's `_fragment`, for three reasons: a justified line keeps
 * its space characters (PDFKit drops them and moves the words apart, so extracted or read-aloud text has no word
 * breaks); a line's operators can be cached, because glyphs are written with the font's own glyph ids and renumbered
 * once per document (see GlyphContent); and the font subset numbers its glyphs in glyph order, so two letters with the
 * same glyph set embed the same subset bytes.
 */

/** A glyph string until it is renumbered: TOKEN_START, the font's slot letter, 4 hex digits per glyph, TOKEN_END. */
const TOKEN_START = '\u0001';
const TOKEN_END = '\u0002';
const START_BYTE = 0x01;
const END_BYTE = 0x02;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

/** One font in one document: PDFKit's font object and the glyphs the document uses, in order of first use. */
export class DocumentFont {
  /** Original glyph id → the code points it stands for (first use wins, as in PDFKit). */
  readonly used = new Map<number, number[]>();

  constructor(
    readonly shared: SharedFont,
    readonly pdf: PdfKitEmbeddedFont,
    /** The name registered in the document. */
    readonly name: string,
    /** One upper-case letter that marks this font's glyph strings until they are renumbered. */
    readonly slot: string,
  ) {}
}

/** A line's text operators, independent of where the line is drawn. */
export interface EncodedLine {
  /** Horizontal shift of a right-aligned line. */
  dx: number;
  /** `[<glyphs> adjustment …] TJ` with original glyph ids; null when a glyph is offset (needs absolute positions). */
  body: string | null;
  glyphs: number[];
  codePoints: number[][];
}

interface Origin {
  x: number;
  y: number;
}

function encodeLine(font: DocumentFont, size: number, line: LaidLine, origin: Origin | null): EncodedLine {
  const { pdf } = font;
  const text = line.text;
  let dx = 0;
  let wordSpacing = 0;
  if (line.align === 'right') {
    dx = line.lineWidth - pdf.widthOfString(text.replace(/\s+$/, ''), size);
  } else if (line.align === 'justify') {
    const words = text.trim().split(/\s+/).length;
    const inked = pdf.widthOfString(text.replace(/\s+/g, ''), size);
    const space = pdf.widthOfString(' ', size);
    wordSpacing = Math.max(0, (line.lineWidth - inked) / Math.max(1, words - 1) - space);
  }
  const { glyphs, positions } = pdf.layout(text);
  const lastInked = lastNonSpace(glyphs);
  const extra = (wordSpacing * 1000) / size;
  const scale = size / 1000;
  const ids: number[] = [];
  const points: number[][] = [];
  const seen = new Set<number>();
  const parts: string[] = [];
  let run: string[] = [];
  let x = origin?.x ?? 0;
  const closeRun = (adjustment: number) => {
    if (run.length) parts.push(`${TOKEN_START}${font.slot}${run.join('')}${TOKEN_END} ${pdfNumber(-adjustment)}`);
    run = [];
  };
  const commands: string[] = [];
  const flush = () => {
    closeRun(0);
    if (parts.length) commands.push(`[${parts.join(' ')}] TJ`);
    parts.length = 0;
  };
  for (let index = 0; index < glyphs.length; index += 1) {
    const glyph = glyphs[index]!;
    const position = positions[index]!;
    if (!seen.has(glyph.id)) {
      seen.add(glyph.id);
      ids.push(glyph.id);
      points.push(glyph.codePoints);
    }
    // A justified line widens the spaces between its words, never the trailing one.
    const widened = extra > 0 && index < lastInked && isSpace(glyph) ? extra : 0;
    const xAdvance = position.xAdvance + widened;
    if (position.xOffset || position.yOffset) {
      if (!origin) return { dx, body: null, glyphs: ids, codePoints: points };
      flush();
      commands.push(
        `1 0 0 1 ${pdfNumber(x + position.xOffset * scale)} ${pdfNumber(origin.y + position.yOffset * scale)} Tm`,
      );
      run.push(hex4(glyph.id));
      flush();
      commands.push(`1 0 0 1 ${pdfNumber(x + xAdvance * scale)} ${pdfNumber(origin.y)} Tm`);
    } else {
      run.push(hex4(glyph.id));
      const adjustment = xAdvance - position.advanceWidth;
      if (adjustment !== 0) closeRun(adjustment);
    }
    x += xAdvance * scale;
  }
  flush();
  return { dx, body: commands.join('\n'), glyphs: ids, codePoints: points };
}

function isSpace(glyph: { codePoints: number[] }): boolean {
  return glyph.codePoints.length === 1 && glyph.codePoints[0] === 0x20;
}

function lastNonSpace(glyphs: { codePoints: number[] }[]): number {
  for (let index = glyphs.length - 1; index >= 0; index -= 1) if (!isSpace(glyphs[index]!)) return index;
  return -1;
}

function cachedLine(font: DocumentFont, size: number, line: LaidLine): EncodedLine {
  const compute = () => encodeLine(font, size, line, null);
  if (!font.shared.lines) return compute();
  return font.shared.lines.getOrCompute(`${size}|${line.align}|${line.lineWidth}|${line.text}`, compute);
}

/** Writes a laid-out paragraph with its top-left corner at (x, y), in PDFKit's top-down coordinates. */
export function drawLayout(
  doc: PdfDocument,
  font: DocumentFont,
  size: number,
  layout: TextLayout,
  x: number,
  y: number,
) {
  const pdf = internals(doc);
  const page = pdf.page;
  if (layout.lines.every((line) => line.text.trim() === '')) return;
  page.fonts[font.pdf.id] ??= font.pdf.ref();
  const baseline = (font.pdf.ascender / 1000) * size;
  const out = ['q', `1 0 0 -1 0 ${pdfNumber(page.height)} cm`, 'BT', `/${font.pdf.id} ${pdfNumber(size)} Tf`];
  for (const line of layout.lines) {
    if (line.text.trim() === '') continue;
    let encoded = cachedLine(font, size, line);
    const left = x + line.x + encoded.dx;
    const top = page.height - (y + line.y) - baseline;
    if (encoded.body === null) encoded = encodeLine(font, size, line, { x: left, y: top });
    out.push(`1 0 0 1 ${pdfNumber(left)} ${pdfNumber(top)} Tm`, encoded.body!);
    encoded.glyphs.forEach((id, index) => {
      if (!font.used.has(id)) font.used.set(id, encoded.codePoints[index]!);
    });
  }
  out.push('ET', 'Q');
  pdf.addContent(out.join('\n'));
}

/**
 * Holds every page's content until the end of the document: glyph strings carry original glyph ids until the glyph
 * set is known, then are renumbered to the subset's ids (glyph order) and written to the pages.
 */
export class GlyphContent {
  private readonly pages = new Map<unknown, string[]>();

  constructor(private readonly doc: PdfDocument) {
    const pdf = internals(doc);
    pdf.addContent = (data: string) => {
      let chunks = this.pages.get(pdf.page);
      if (!chunks) this.pages.set(pdf.page, (chunks = []));
      chunks.push(data);
      return doc;
    };
  }

  /** Renumbers the glyphs of each font and writes the pages' content; returns each font's glyphs in subset order. */
  finish(fonts: DocumentFont[]): Map<DocumentFont, number[]> {
    const subsets = new Map<DocumentFont, number[]>();
    const renumber = new Map<number, Map<number, number>>();
    for (const font of fonts) {
      const glyphs = [...font.used.keys()].filter((id) => id !== 0).sort((a, b) => a - b);
      subsets.set(font, glyphs);
      renumber.set(font.slot.charCodeAt(0), new Map([[0, 0], ...glyphs.map((id, index) => [id, index + 1] as const)]));
    }
    for (const [page, chunks] of this.pages) {
      const content = renumberTokens(Buffer.from(`${chunks.join('\n')}\n`, 'latin1'), renumber);
      (page as { content: { write(chunk: Uint8Array): void } }).content.write(content);
    }
    this.pages.clear();
    return subsets;
  }
}

function hexValue(byte: number): number {
  return byte <= 0x39 ? byte - 0x30 : byte - 0x57;
}

/**
 * The content with every glyph token `\u0001` slot hex… `\u0002` written as `<hex…>` in the subset's numbering, in
 * place (a token is one byte longer than what replaces it, so the write position never passes the read position):
 * no string per glyph, which was a third of the letter's allocations.
 */
function renumberTokens(content: Buffer, renumber: ReadonlyMap<number, ReadonlyMap<number, number>>): Buffer {
  let write = 0;
  let read = 0;
  for (let start = content.indexOf(START_BYTE, read); start !== -1; start = content.indexOf(START_BYTE, read)) {
    write += content.copy(content, write, read, start);
    const table = renumber.get(content[start + 1]!);
    const end = content.indexOf(END_BYTE, start + 2);
    if (!table || end === -1 || (end - start - 2) % 4 !== 0) throw new Error('malformed glyph token in page content');
    content[write++] = 0x3c; // <
    for (let at = start + 2; at < end; at += 4) {
      const original =
        (hexValue(content[at]!) << 12) |
        (hexValue(content[at + 1]!) << 8) |
        (hexValue(content[at + 2]!) << 4) |
        hexValue(content[at + 3]!);
      const mapped = table.get(original);
      if (mapped === undefined) throw new Error(`glyph ${original} is not in the document's subset`);
      content[write++] = HEX_DIGITS[(mapped >> 12) & 15]!;
      content[write++] = HEX_DIGITS[(mapped >> 8) & 15]!;
      content[write++] = HEX_DIGITS[(mapped >> 4) & 15]!;
      content[write++] = HEX_DIGITS[mapped & 15]!;
    }
    content[write++] = 0x3e; // >
    read = end + 1;
  }
  write += content.copy(content, write, read);
  return content.subarray(0, write);
}
