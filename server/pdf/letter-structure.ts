import type { Language } from '../core/i18n/language';
import type { BlockKind } from '../core/letter/letter-model';
import { PDF_LANGUAGE, TRANSLATION_PART_TITLE } from './letter-structure-texts';
import type { PdfDocument } from './pdfkit-internals';

/**
 * The letter's logical structure (tagged PDF, ISO 32000-1 §14.8): a `Document` root; each block of the letter model
 * becomes standard structure elements chosen by the block's shape, so a block kind added to the model is tagged
 * without a change here:
 *   lines (sender, recipient, signature…)  → Div of P, one per line
 *   text (place-date, delivery, closing…)  → P; the subject H1, section headings H2
 *   items: numbered / bullets              → L / LI / Lbl + LBody (ListNumbering Decimal / Disc)
 *   items: paragraphs and any other kind   → P, one per item
 *   table                                  → Table / THead, TBody, TFoot / TR / TH (Scope Column; Row: total) + TD
 * The blocks of the original are the root's children; a courtesy translation is one `Part` after them, with its own
 * `Lang` and a title (`T`) that says it is a translation, holding its blocks tagged the same way.
 * Page footers, page numbers, rules and a table header repeated on a new page are artifacts (not read aloud).
 */
export const HEADING_TAGS: Partial<Record<BlockKind, 'H1' | 'H2'>> = { subject: 'H1', heading: 'H2' };
export const LIST_NUMBERING: Partial<Record<BlockKind, 'Decimal' | 'Disc'>> = { numbered: 'Decimal', bullets: 'Disc' };

export type StructElement = PDFKit.PDFStructureElement & { dictionary: { data: Record<string, unknown> } };
type ArtifactType = 'Pagination' | 'Layout';

export class LetterStructure {
  readonly root: StructElement;
  private translation: StructElement | null = null;

  constructor(private readonly doc: PdfDocument) {
    this.root = doc.struct('Document') as StructElement;
    doc.addStructure(this.root);
  }

  /** Where the blocks being drawn go: the root, or the courtesy translation's part. */
  get container(): StructElement {
    return this.translation ?? this.root;
  }

  /** From here on, blocks belong to the courtesy translation's part, in `language`. */
  beginTranslation(language: Language): void {
    const options = { lang: PDF_LANGUAGE[language], title: TRANSLATION_PART_TITLE[language] };
    this.translation = this.doc.struct('Part', options as object) as StructElement;
    this.root.add(this.translation);
  }

  endTranslation(): void {
    this.translation?.end();
    this.translation = null;
  }

  /** A structure element under `parent` (the current container by default), to which content or elements are added. */
  element(type: string, parent: StructElement = this.container, attributes?: Record<string, unknown>): StructElement {
    const element = this.doc.struct(
      type,
      (attributes?.scope ? { scope: attributes.scope } : {}) as object,
    ) as StructElement;
    if (attributes?.A) element.dictionary.data.A = attributes.A;
    parent.add(element);
    return element;
  }

  /** Draws `draw` as the content of a new `type` element under `parent`. */
  tagged(type: string, parent: StructElement, draw: () => void, attributes?: Record<string, unknown>): StructElement {
    const element = this.element(type, parent, attributes);
    this.contentOf(element, type, draw);
    element.end();
    return element;
  }

  /** Draws `draw` as (more) content of an existing element. */
  contentOf(element: StructElement, type: string, draw: () => void): void {
    const content = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
  }

  artifact(type: ArtifactType, draw: () => void): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }
}
