import { interpolate } from '../core/i18n/language';
import type { BlockKind, Letter, LetterBlock, LetterPart } from '../core/letter/letter-model';
import { drawLayout, type DocumentFont } from './glyph-text';
import { HEADING_TAGS, LIST_NUMBERING, type LetterStructure, type StructElement } from './letter-structure';
import type { PdfDocument } from './pdfkit-internals';
import { layoutText, type Align, type TextLayout } from './text-layout';

const MM = 72 / 25.4;
export const MARGIN = { top: 20 * MM, bottom: 22 * MM, left: 22 * MM, right: 20 * MM };
const SIZE = { body: 10.5, small: 8, heading: 11 };
const LINE_GAP = 2;
const GAP = { paragraph: 6, block: 10, headingBefore: 12, headingAfter: 5, row: 4 };
const INDENT = 18;
const RECIPIENT_X = 105 * MM;
const SIGNING_SPACE = 30;
const GREY = '#555555';
const RULE = '#999999';
const TEXT_COLOUR = '#000000';

type Style = 'regular' | 'bold';

/** A piece of the letter that is never split across pages, with how to draw it at a given height. */
interface Unit {
  height: number;
  draw: (y: number) => void;
  /** Put on the same page as the unit that follows (headings, the closing formula). */
  keepWithNext?: boolean;
  spaceBefore: number;
  /** Drawn first (as an artifact) when this unit has to start a new page: a table's header above a continued row. */
  repeatHeader?: { height: number; draw: (y: number) => void };
}

interface TextBlockStyle {
  style: Style;
  spaceBefore: number;
  size?: number;
  align?: Align;
  keepWithNext?: boolean;
}

/** How each text block looks; a kind not listed is a justified paragraph. */
const TEXT_STYLES: Partial<Record<BlockKind, TextBlockStyle>> = {
  'place-date': { style: 'regular', spaceBefore: GAP.block * 2, align: 'right' },
  delivery: { style: 'bold', spaceBefore: GAP.block, size: SIZE.small + 1 },
  // Left-aligned: justifying a line around an address or a long service name stretches its spaces.
  subject: { style: 'bold', spaceBefore: GAP.block, align: 'left' },
  heading: { style: 'bold', spaceBefore: GAP.headingBefore, size: SIZE.heading, keepWithNext: true },
  closing: { style: 'regular', spaceBefore: GAP.block, keepWithNext: true },
};
const DEFAULT_TEXT_STYLE: TextBlockStyle = { style: 'regular', spaceBefore: GAP.block, align: 'justify' };

/** Where each block of lines starts; a kind not listed starts at the left margin. */
const LINES_PLACES: Partial<Record<BlockKind, { x: number; spaceBefore: number }>> = {
  sender: { x: MARGIN.left, spaceBefore: 0 },
  recipient: { x: RECIPIENT_X, spaceBefore: GAP.block * 2 },
};

export interface LayoutFonts {
  regular: DocumentFont;
  bold: DocumentFont;
}

/** Measures the letter's blocks, breaks pages, and draws and tags every block in reading order. */
export class LetterLayout {
  private readonly width: number;
  private readonly bottom: number;
  private readonly pageWidth: number;

  constructor(
    private readonly doc: PdfDocument,
    private readonly fonts: LayoutFonts,
    private readonly structure: LetterStructure,
  ) {
    this.pageWidth = doc.page.width;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    this.bottom = doc.page.height - MARGIN.bottom;
  }

  /**
   * The original, then the courtesy translation (if any) from a new page, as a part of its own in the structure tree
   * in its own language; each part numbers its own pages.
   */
  draw(letter: Letter): void {
    const parts: Pick<LetterPart, 'blocks' | 'pageLabel'>[] = [
      letter,
      ...(letter.courtesyTranslation ? [letter.courtesyTranslation] : []),
    ];
    const firstPages: number[] = [];
    parts.forEach((part, index) => {
      if (index > 0) {
        this.doc.addPage();
        this.structure.beginTranslation(letter.courtesyTranslation!.language);
      }
      firstPages.push(this.currentPage());
      this.place(part.blocks.flatMap((block, at) => this.unitsOf(block, part.blocks[at - 1])));
    });
    this.structure.endTranslation();
    this.drawFooters(parts.map((part, index) => ({ label: part.pageLabel, first: firstPages[index]! })));
  }

  private currentPage(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  private place(units: Unit[]): void {
    let y = MARGIN.top;
    for (let index = 0; index < units.length; index += 1) {
      const unit = units[index]!;
      const atTop = y === MARGIN.top;
      let needed = (atTop ? 0 : unit.spaceBefore) + unit.height;
      // A heading, a closing line, an introducing paragraph or the row above a total goes to the next page together
      // with what follows it.
      for (let next = index; units[next]?.keepWithNext && units[next + 1]; next += 1) {
        needed += units[next + 1]!.spaceBefore + units[next + 1]!.height;
      }
      if (!atTop && y + needed > this.bottom) {
        this.doc.addPage();
        y = MARGIN.top;
        if (unit.repeatHeader) {
          const header = unit.repeatHeader;
          this.structure.artifact('Pagination', () => header.draw(MARGIN.top));
          y += header.height;
        }
      }
      if (y !== MARGIN.top) y += unit.spaceBefore;
      unit.draw(y);
      y += unit.height;
    }
  }

  private unitsOf(block: LetterBlock, previous: LetterBlock | undefined): Unit[] {
    if (block.kind === 'table') return this.tableUnits(block);
    if ('lines' in block) {
      if (block.kind === 'signature') return [this.signatureUnit(block.lines)];
      const place = LINES_PLACES[block.kind] ?? { x: MARGIN.left, spaceBefore: GAP.block };
      return [this.linesUnit(block.lines, place.x, place.spaceBefore)];
    }
    if ('text' in block) {
      const style = TEXT_STYLES[block.kind] ?? DEFAULT_TEXT_STYLE;
      const unit = this.textUnit(block.text, style, HEADING_TAGS[block.kind] ?? 'P');
      return [style.keepWithNext ? { ...unit, keepWithNext: true } : unit];
    }
    const numbering = LIST_NUMBERING[block.kind];
    if (numbering) return this.listUnits(block.items, numbering);
    // A paragraph that ends with a colon introduces what follows: they go to a page together.
    return block.items.map((item, index) => ({
      ...this.textUnit(
        item,
        {
          style: 'regular',
          align: 'justify',
          spaceBefore:
            index === 0 && previous?.kind !== 'heading' ? GAP.block : index === 0 ? GAP.headingAfter : GAP.paragraph,
        },
        'P',
      ),
      keepWithNext: item.endsWith(':'),
    }));
  }

  private layout(text: string, style: Style, size: number, width: number, align: Align): TextLayout {
    const font = this.fonts[style];
    return layoutText(this.doc, text, {
      font: font.shared,
      fontName: font.name,
      size,
      width,
      align,
      lineGap: LINE_GAP,
    });
  }

  private write(layout: TextLayout, style: Style, size: number, x: number, y: number): void {
    drawLayout(this.doc, this.fonts[style], size, layout, x, y);
  }

  private textUnit(text: string, options: TextBlockStyle, tag: string): Unit {
    const size = options.size ?? SIZE.body;
    const laid = this.layout(text, options.style, size, this.width, options.align ?? 'left');
    return {
      height: laid.height,
      spaceBefore: options.spaceBefore,
      draw: (y) =>
        this.structure.tagged(tag, this.structure.container, () =>
          this.write(laid, options.style, size, MARGIN.left, y),
        ),
    };
  }

  /** Address-like blocks: a Div with one P per line (a line too long for the column wraps within its P). */
  private linesUnit(lines: string[], x: number, spaceBefore: number): Unit {
    const width = this.pageWidth - MARGIN.right - x;
    const laid = lines.map((line) => this.layout(line, 'regular', SIZE.body, width, 'left'));
    return {
      height: laid.reduce((sum, layout) => sum + layout.height, 0),
      spaceBefore,
      draw: (y) => {
        const div = this.structure.element('Div');
        let top = y;
        for (const layout of laid) {
          this.structure.tagged('P', div, () => this.write(layout, 'regular', SIZE.body, x, top));
          top += layout.height;
        }
        div.end();
      },
    };
  }

  private listUnits(items: string[], numbering: 'Decimal' | 'Disc'): Unit[] {
    // Numbered demands are justified like the paragraphs; bullets (short items, addresses) are set left.
    const align = numbering === 'Decimal' ? 'justify' : 'left';
    const layout = (text: string) => this.layout(text, 'regular', SIZE.body, this.width - INDENT, align);
    const label = (index: number) =>
      this.layout(numbering === 'Decimal' ? `${index + 1}.` : '•', 'regular', SIZE.body, INDENT, 'left');
    let list: StructElement | null = null;
    return items.map((item, index): Unit => {
      const body = layout(item);
      const mark = label(index);
      return {
        height: body.height,
        spaceBefore: index === 0 ? GAP.headingAfter : GAP.paragraph / 2,
        draw: (y) => {
          list ??= this.structure.element('L', this.structure.container, {
            A: { O: 'List', ListNumbering: numbering },
          });
          const entry = this.structure.element('LI', list);
          this.structure.tagged('Lbl', entry, () => this.write(mark, 'regular', SIZE.body, MARGIN.left, y));
          this.structure.tagged('LBody', entry, () => this.write(body, 'regular', SIZE.body, MARGIN.left + INDENT, y));
          entry.end();
          if (index === items.length - 1) list.end();
        },
      };
    });
  }

  private signatureUnit(lines: string[]): Unit {
    const width = this.pageWidth - MARGIN.right - RECIPIENT_X;
    const [label, ...names] = lines.map((line) => this.layout(line, 'regular', SIZE.body, width, 'left'));
    const labelHeight = label?.height ?? 0;
    const namesHeight = names.reduce((sum, layout) => sum + layout.height, 0);
    return {
      height: labelHeight + SIGNING_SPACE + namesHeight,
      spaceBefore: GAP.block * 2,
      draw: (y) => {
        const div = this.structure.element('Div');
        if (label) this.structure.tagged('P', div, () => this.write(label, 'regular', SIZE.body, RECIPIENT_X, y));
        const lineY = y + labelHeight + SIGNING_SPACE - 6;
        this.structure.artifact('Layout', () => this.rule(RECIPIENT_X, RECIPIENT_X + width, lineY));
        let top = y + labelHeight + SIGNING_SPACE;
        for (const layout of names) {
          this.structure.tagged('P', div, () => this.write(layout, 'regular', SIZE.body, RECIPIENT_X, top));
          top += layout.height;
        }
        div.end();
      },
    };
  }

  private rule(from: number, to: number, y: number): void {
    this.doc.moveTo(from, y).lineTo(to, y).lineWidth(0.5).strokeColor(RULE).stroke();
  }

  /** Each row is a unit of its own (never split); a row that starts a new page repeats the header above it. */
  private tableUnits(block: Extract<LetterBlock, { kind: 'table' }>): Unit[] {
    const widths = [0.25, 0.55, 0.2].map((fraction) => this.width * fraction);
    const pad = GAP.row;
    const lineHeight = this.layout(' ', 'regular', SIZE.body, widths[0]! - pad, 'left').height;
    type Cell = { tag: 'TH' | 'TD'; scope?: 'Column' | 'Row' };
    const row = (cells: string[], style: Style, rule: 'above' | 'below' | 'none', cellTag: (index: number) => Cell) => {
      const laid = cells.map((cell, index) =>
        this.layout(cell, style, SIZE.body, widths[index]! - pad, index === cells.length - 1 ? 'right' : 'left'),
      );
      const height = Math.max(lineHeight, ...laid.map((layout) => layout.height)) + pad * 2;
      const drawCells = (y: number, tag: ((cell: Cell, draw: () => void, blank: boolean) => void) | null) => {
        let x = MARGIN.left;
        laid.forEach((layout, index) => {
          const left = x;
          const draw = () => this.write(layout, style, SIZE.body, left, y + pad);
          if (tag)
            tag(
              cellTag(index),
              draw,
              layout.lines.every((line) => line.text.trim() === ''),
            );
          else draw();
          x += widths[index]!;
        });
        if (rule !== 'none') {
          const ruleY = rule === 'above' ? y : y + height;
          const draw = () => this.rule(MARGIN.left, MARGIN.left + this.width, ruleY);
          // Without tags the whole row is already inside an artifact (a repeated header): artifacts do not nest.
          if (tag) this.structure.artifact('Layout', draw);
          else draw();
        }
      };
      return { height, drawCells };
    };
    const headerTag = (): Cell => ({ tag: 'TH', scope: 'Column' });
    const header = block.header.length ? row(block.header, 'bold', 'below', headerTag) : undefined;
    const body = block.rows.map((cells) => row(cells, 'regular', 'none', () => ({ tag: 'TD' })));
    const footer = block.footer
      ? row(block.footer, 'bold', 'above', (index) => (index === 0 ? { tag: 'TH', scope: 'Row' } : { tag: 'TD' }))
      : undefined;

    let table: StructElement | null = null;
    const section = new Map<string, StructElement>();
    const group = (name: 'THead' | 'TBody' | 'TFoot') => {
      table ??= this.structure.element('Table');
      let element = section.get(name);
      if (!element) section.set(name, (element = this.structure.element(name, table)));
      return element;
    };
    const taggedRow = (current: ReturnType<typeof row>, name: 'THead' | 'TBody' | 'TFoot', y: number) => {
      const tr = this.structure.element('TR', group(name));
      current.drawCells(y, (cell, draw, blank) => {
        const attributes = cell.scope ? { scope: cell.scope } : undefined;
        const element = this.structure.element(cell.tag, tr, attributes);
        // An empty cell stays in the tree (rows keep their columns) with no content to mark.
        if (!blank) this.structure.contentOf(element, cell.tag, draw);
        element.end();
      });
      tr.end();
    };
    const repeatHeader = header && { height: header.height, draw: (y: number) => header.drawCells(y, null) };
    const rows: { current: ReturnType<typeof row>; name: 'TBody' | 'TFoot' }[] = [
      ...body.map((current) => ({ current, name: 'TBody' as const })),
      ...(footer ? [{ current: footer, name: 'TFoot' as const }] : []),
    ];
    const lastBody = footer ? rows.length - 2 : -1;
    return rows.map(({ current, name }, index): Unit => {
      const last = index === rows.length - 1;
      // The total row never stands alone at the top of a page: it goes over with the last row above it.
      const keepWithNext = index === lastBody;
      const finish = () => {
        if (last && table) table.end();
      };
      if (index === 0 && header) {
        return {
          height: header.height + current.height,
          spaceBefore: GAP.paragraph,
          keepWithNext,
          draw: (y) => {
            taggedRow(header, 'THead', y);
            taggedRow(current, name, y + header.height);
            finish();
          },
        };
      }
      return {
        height: current.height,
        spaceBefore: 0,
        repeatHeader,
        keepWithNext,
        draw: (y) => {
          taggedRow(current, name, y);
          finish();
        },
      };
    });
  }

  /** The page number on every page, counted within its part, as a pagination artifact. */
  private drawFooters(parts: { label: string; first: number }[]): void {
    const range = this.doc.bufferedPageRange();
    const end = range.start + range.count;
    parts.forEach((part, index) => {
      const last = index + 1 < parts.length ? parts[index + 1]!.first : end;
      for (let page = part.first; page < last; page += 1) {
        this.doc.switchToPage(page);
        const y = this.doc.page.height - MARGIN.bottom + 8 * MM;
        const label = interpolate(part.label, { page: page - part.first + 1, pages: last - part.first });
        this.structure.artifact('Pagination', () => {
          this.doc.fillColor(GREY);
          this.write(
            this.layout(label, 'regular', SIZE.small, this.width, 'right'),
            'regular',
            SIZE.small,
            MARGIN.left,
            y,
          );
          this.doc.fillColor(TEXT_COLOUR);
        });
      }
    });
  }
}
