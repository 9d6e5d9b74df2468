import * as fontkit from 'fontkit';
import { BoundedCache } from './bounded-cache';
import type { EncodedLine } from './glyph-text';
import { internals, type PdfDocument, type PdfKitEmbeddedFont } from './pdfkit-internals';
import type { TextLayout } from './text-layout';
import type { FontProgram } from './font-embedding';

export type { PdfDocument } from './pdfkit-internals';

/** How many documents share one word-layout cache before it is replaced, so its memory stays bounded. */
export const LAYOUT_CACHE_DOCUMENTS = 100;

/**
 * Entries kept by the letter caches of one font. A letter has about 150 paragraphs and lines; the fixed text of the
 * templates (two languages, a few variants) is a few hundred and is used by every letter, so it stays among the most
 * recently used; the rest is the claimant's and rarely comes back.
 */
export const CACHE_LIMITS = { layouts: 1000, lines: 2000, programs: 32 };

export interface SharedFontOptions {
  /** false: no letter caches (paragraph layouts, encoded lines, subsets): the reference for cached output. */
  caches?: boolean;
  /** false: each document keeps PDFKit's own word-layout cache instead of sharing one. */
  sharedWordLayouts?: boolean;
}

/**
 * A TrueType font parsed once and used by every document, with what repeats from letter to letter: PDFKit's word
 * layouts, the line breaking of a paragraph, the encoded text of a line and the embedded subset of a glyph set. Every
 * cached value is a function of its key alone, so a letter's bytes are the same with or without the caches.
 */
export class SharedFont {
  readonly font: fontkit.Font;
  readonly layouts: BoundedCache<string, TextLayout> | null;
  readonly lines: BoundedCache<string, EncodedLine> | null;
  readonly programs: BoundedCache<string, FontProgram> | null;
  private cache: Record<string, unknown> = Object.create(null);
  private documents = 0;
  private readonly shareWords: boolean;

  constructor(bytes: Uint8Array, options: SharedFontOptions = {}) {
    this.font = fontkit.create(bytes);
    const caches = options.caches ?? true;
    this.shareWords = options.sharedWordLayouts ?? true;
    this.layouts = caches ? new BoundedCache(CACHE_LIMITS.layouts) : null;
    this.lines = caches ? new BoundedCache(CACHE_LIMITS.lines) : null;
    this.programs = caches ? new BoundedCache(CACHE_LIMITS.programs) : null;
  }

  /** Registers the font in a document under `name`, hands it the shared word-layout cache and returns PDFKit's font. */
  attach(doc: PdfDocument, name: string): PdfKitEmbeddedFont {
    doc.registerFont(name, this.font as unknown as Buffer);
    doc.font(name);
    const embedded = internals(doc)._font;
    if (!embedded || typeof embedded.layoutCache !== 'object') {
      throw new Error('PDFKit no longer exposes EmbeddedFont.layoutCache: review server/pdf/shared-font.ts');
    }
    if (this.shareWords) embedded.layoutCache = this.nextDocumentCache();
    return embedded;
  }

  /** Entries in the word-layout cache now (for tests and the benchmark). */
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
