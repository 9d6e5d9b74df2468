import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

/** How many documents share one word-layout cache before it is replaced, so its memory stays bounded. */
export const LAYOUT_CACHE_DOCUMENTS = 300;

type EmbeddedFontInternals = { layoutCache?: Record<string, unknown> };

/**
 * A TrueType font parsed once and used by every document. PDFKit keeps a word-layout cache per document and font;
 * sharing it across documents removes most of the cost of laying out text, and because the cached runs depend only
 * on the font (glyphs and scaled positions), the output stays byte-identical.
 */
export class SharedFont {
  readonly font: fontkit.Font;
  private cache: Record<string, unknown> = Object.create(null);
  private documents = 0;

  constructor(bytes: Uint8Array) {
    this.font = fontkit.create(bytes);
  }

  /** Registers the font in a document under `name` and hands it the shared layout cache. */
  attach(doc: PDFKit.PDFDocument, name: string): void {
    doc.registerFont(name, this.font as unknown as Buffer);
    doc.font(name);
    const embedded = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
    if (!embedded || typeof embedded.layoutCache !== 'object') {
      throw new Error('PDFKit no longer exposes EmbeddedFont.layoutCache: review server/pdf/shared-font.ts');
    }
    embedded.layoutCache = this.nextDocumentCache();
  }

  /** Entries in the cache now (for tests and the benchmark). */
  get cachedWords(): number {
    return Object.keys(this.cache).length;
  }

  private nextDocumentCache(): Record<string, unknown> {
    this.documents += 1;
    if (this.documents > LAYOUT_CACHE_DOCUMENTS) {
      this.cache = Object.create(null);
      this.documents = 1;
    }
    return this.cache;
  }
}

export type PdfDocument = InstanceType<typeof PDFDocument>;
