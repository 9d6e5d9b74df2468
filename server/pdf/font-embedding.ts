import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { DocumentFont } from './glyph-text';
import { internals, type PdfDocument } from './pdfkit-internals';

/** A font subset ready to embed: the TrueType program (deflated) and the name tag it is known by. */
export interface FontProgram {
  deflated: Uint8Array;
  length: number;
  tag: string;
}

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

/** Six capital letters from the glyph set: a subset's tag names exactly that subset (ISO 32000, 9.6.4). */
function subsetTag(glyphs: number[]): string {
  const digest = createHash('sha256').update(glyphs.join(',')).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

function buildProgram(font: DocumentFont, glyphs: number[]): FontProgram {
  const subset = font.shared.font.createSubset();
  for (const id of glyphs) subset.includeGlyph(id);
  const bytes = subset.encode();
  // A copy of exactly its size: zlib's result can keep a much larger buffer alive, for as long as the cache keeps it.
  return { deflated: Buffer.from(zlib.deflateSync(bytes)), length: bytes.length, tag: subsetTag(glyphs) };
}

function toUnicodeCmap(font: DocumentFont, glyphs: number[]): string {
  const entries = glyphs.map((id) => {
    const units: string[] = [];
    for (const point of font.used.get(id) ?? []) {
      if (point > 0xffff) {
        const value = point - 0x10000;
        units.push(hex4(0xd800 | (value >>> 10)), hex4(0xdc00 | (value & 0x3ff)));
      } else units.push(hex4(point));
    }
    return `<${units.join('')}>`;
  });
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 100) {
    const chunk = entries.slice(start, start + 100);
    ranges.push(`<${hex4(start + 1)}> <${hex4(start + chunk.length)}> [${chunk.join(' ')}]`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    `${ranges.length} beginbfrange`,
    ...ranges,
    'endbfrange',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * Embeds a font as a Type 0 / CIDFontType2 subset whose glyphs are numbered 1…n in glyph order (the same dictionaries
 * PDFKit writes, plus `Length1` and a ToUnicode map that covers exactly the glyphs used). The subset program is
 * cached by glyph set.
 */
export function embedFont(doc: PdfDocument, font: DocumentFont, glyphs: number[]): void {
  const { pdf } = font;
  if (!pdf.dictionary) return;
  const key = glyphs.join(',');
  const program = font.shared.programs
    ? font.shared.programs.getOrCompute(key, () => buildProgram(font, glyphs))
    : buildProgram(font, glyphs);
  const inner = internals(doc);
  const fontFile = inner.ref({ Filter: 'FlateDecode', Length1: program.length });
  fontFile.compress = false;
  fontFile.end(program.deflated);

  const base = pdf.font;
  const scale = pdf.scale;
  const familyClass = (base['OS/2']?.sFamilyClass ?? 0) >> 8;
  let flags = 1 << 2; // symbolic: a CID font's glyphs are not in the standard Latin set
  if (base.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (base.head.macStyle.italic) flags |= 1 << 6;
  const name = `${program.tag}+${base.postscriptName.replaceAll(' ', '_')}`;
  const { bbox } = pdf;
  const descriptor = inner.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
    ItalicAngle: base.italicAngle,
    Ascent: pdf.ascender,
    Descent: pdf.descender,
    CapHeight: (base.capHeight || base.ascent) * scale,
    XHeight: (base.xHeight || 0) * scale,
    StemV: 0,
    FontFile2: fontFile,
  });
  descriptor.end();
  const widths = [0, ...glyphs].map((id) => base.getGlyph(id).advanceWidth * scale);
  const descendant = inner.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: [0, widths],
    CIDToGIDMap: 'Identity',
  });
  descendant.end();
  const cmap = inner.ref();
  cmap.end(toUnicodeCmap(font, glyphs));
  pdf.dictionary.data = {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [descendant],
    ToUnicode: cmap,
  };
  pdf.dictionary.end();
  pdf.embedded = true;
}
