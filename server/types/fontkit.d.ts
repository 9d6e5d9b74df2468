declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface Subset {
    includeGlyph(id: number): number;
    encode(): Uint8Array;
  }
  /** The parts of a parsed fontkit font Reclamo relies on; PDFKit uses the rest. */
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    capHeight: number;
    xHeight: number;
    italicAngle: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    'OS/2'?: { sFamilyClass?: number };
    post: { isFixedPitch?: boolean };
    head: { macStyle: { italic: boolean } };
    layout(text: string): unknown;
    getGlyph(id: number): Glyph;
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
