import type PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';

/**
 * The few PDFKit internals the letter renderer relies on (PDFKit is pinned; `checkPdfkitInternals` fails loudly at
 * start-up if an upgrade moves them). PDFKit still does the line breaking, the structure tree, the attachments and
 * the file; the renderer writes the text operators and the font subsets itself (see glyph-text.ts).
 */
export type PdfDocument = InstanceType<typeof PDFDocument>;

export interface LayoutGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
export interface LayoutPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** PDFKit's EmbeddedFont: one per document and font. */
export interface PdfKitEmbeddedFont {
  id: string;
  font: fontkit.Font;
  scale: number;
  ascender: number;
  descender: number;
  bbox: fontkit.Font['bbox'];
  embedded?: boolean;
  dictionary?: PdfKitRef;
  layoutCache?: Record<string, unknown>;
  ref(): PdfKitRef;
  layout(text: string): { glyphs: LayoutGlyph[]; positions: LayoutPosition[]; advanceWidth: number };
  widthOfString(text: string, size: number): number;
}

export interface PdfKitRef {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

export interface PdfKitPage {
  height: number;
  width: number;
  margins: { top: number; bottom: number; left: number; right: number };
  fonts: Record<string, PdfKitRef>;
  content: PdfKitRef;
}

type LineCallback = (text: string, options: { align: string; lineWidth: number }) => void;

export interface PdfKitInternals {
  _font: PdfKitEmbeddedFont;
  _fontSize: number;
  page: PdfKitPage;
  x: number;
  y: number;
  addContent(data: string): unknown;
  ref(data?: Record<string, unknown>): PdfKitRef;
  _text(text: string, x: number, y: number, options: object, lineCallback: LineCallback): unknown;
}

export function internals(doc: PdfDocument): PdfKitInternals {
  return doc as unknown as PdfKitInternals;
}

/** PDFKit's number formatting in content streams and objects (six decimals at most). */
export function pdfNumber(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Throws if the pinned PDFKit no longer has what the renderer reaches into. */
export function checkPdfkitInternals(doc: PdfDocument): void {
  const inner = internals(doc) as unknown as Record<string, unknown>;
  const font = inner._font as unknown as Record<string, unknown> | undefined;
  const missing = [
    ...['_text', 'addContent', 'ref'].filter((name) => typeof inner[name] !== 'function'),
    ...(font ? ['layout', 'widthOfString', 'ref'].filter((name) => typeof font[name] !== 'function') : ['_font']),
    ...(font && typeof font.layoutCache !== 'object' ? ['_font.layoutCache'] : []),
  ];
  if (missing.length) {
    throw new Error(`PDFKit internals changed (${missing.join(', ')}): review server/pdf/pdfkit-internals.ts`);
  }
}
