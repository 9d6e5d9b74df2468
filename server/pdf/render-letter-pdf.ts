import PDFDocument from 'pdfkit';
import type { Letter, LetterBlock, LetterPart } from '../core/letter/letter-model';
import { interpolate } from '../core/i18n/language';
import type { LetterFonts } from './letter-fonts';
import type { PdfDocument } from './shared-font';

const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 22 * MM, left: 22 * MM, right: 20 * MM };
const SIZE = { body: 10.5, small: 8, heading: 11 };
const LINE_GAP = 2;
const GAP = { paragraph: 6, block: 10, headingBefore: 12, headingAfter: 5, row: 4 };
const INDENT = 18;
const RECIPIENT_X = 105 * MM;
const GREY = '#555555';
const RULE = '#999999';
const TEXT_COLOUR = '#000000';

type Style = 'regular' | 'bold';

/** A piece of the letter that must not be split across pages, with how to draw it at a given height. */
interface Unit {
  height: number;
  draw: (y: number) => void;
  /** Put on the same page as the unit that follows (headings, the closing formula). */
  keepWithNext?: boolean;
  spaceBefore: number;
  /** Drawn first when this unit has to start a new page (a table's header above a continued row). */
  repeatHeader?: { height: number; draw: (y: number) => void };
}

export interface RenderOptions {
  fonts: LetterFonts;
}

/**
 * Draws a composed letter as an A4 PDF/A-2b. The same letter gives byte-identical bytes: dates come from the letter,
 * never from the clock, and nothing random is written.
 */
export function renderLetterPdf(letter: Letter, { fonts }: RenderOptions): Promise<Buffer> {
  const issued = new Date(`${letter.letterDate}T12:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: letter.language === 'it' ? 'it-IT' : 'en-GB',
    displayTitle: true,
    // No default font: PDFKit would load Helvetica (not embeddable under PDF/A); the shared fonts are attached below.
    font: null as unknown as string,
    info: {
      Title: letter.title,
      Creator: 'Reclamo',
      Producer: 'Reclamo (PDFKit)',
      Keywords: `reclamo ruleset ${letter.rulesetVersion}`,
      CreationDate: issued,
      ModDate: issued,
      // Where poppler's pdfinfo (and Acrobat) look for the PDF/A claim; the XMP metadata states it too.
      GTS_PDFA1Version: 'PDF/A-2b',
    } as PDFKit.DocumentInfo,
  }) as PdfDocument;
  const done = collect(doc);
  fonts.regular.attach(doc, 'regular');
  fonts.bold.attach(doc, 'bold');
  doc.fillColor(TEXT_COLOUR);
  new LetterLayout(doc).draw(letter);
  doc.end();
  return done;
}

function collect(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

class LetterLayout {
  private readonly width: number;
  private readonly bottom: number;

  constructor(private readonly doc: PdfDocument) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    this.bottom = doc.page.height - MARGIN.bottom;
  }

  /** The original, then the courtesy translation (if any) from a new page; each part numbers its own pages. */
  draw(letter: Letter): void {
    const parts: Pick<LetterPart, 'blocks' | 'pageLabel'>[] = [
      letter,
      ...(letter.courtesyTranslation ? [letter.courtesyTranslation] : []),
    ];
    const firstPages: number[] = [];
    parts.forEach((part, index) => {
      if (index > 0) this.doc.addPage();
      firstPages.push(this.currentPage());
      this.place(part.blocks.flatMap((block, at) => this.unitsOf(block, part.blocks[at - 1])));
    });
    this.drawFooters(parts.map((part, index) => ({ label: part.pageLabel, first: firstPages[index]! })));
  }

  private place(units: Unit[]): void {
    let y = MARGIN.top;
    for (let index = 0; index < units.length; index += 1) {
      const unit = units[index]!;
      const atTop = y === MARGIN.top;
      let needed = (atTop ? 0 : unit.spaceBefore) + unit.height;
      // A heading or closing line goes to the next page together with what follows it.
      for (let next = index; units[next]?.keepWithNext && units[next + 1]; next += 1) {
        needed += units[next + 1]!.spaceBefore + units[next + 1]!.height;
      }
      if (!atTop && y + needed > this.bottom) {
        this.doc.addPage();
        y = MARGIN.top;
        if (unit.repeatHeader) {
          unit.repeatHeader.draw(y);
          y += unit.repeatHeader.height;
        }
      }
      if (y !== MARGIN.top) y += unit.spaceBefore;
      unit.draw(y);
      y += unit.height;
    }
  }

  private unitsOf(block: LetterBlock, previous: LetterBlock | undefined): Unit[] {
    switch (block.kind) {
      case 'sender':
        return [this.linesUnit(block.lines, MARGIN.left, 'regular', 0)];
      case 'recipient':
        return [this.linesUnit(block.lines, RECIPIENT_X, 'regular', GAP.block * 2)];
      case 'place-date':
        return [this.textUnit(block.text, { style: 'regular', spaceBefore: GAP.block * 2, align: 'right' })];
      case 'delivery':
        return [this.textUnit(block.text, { style: 'bold', spaceBefore: GAP.block, size: SIZE.small + 1 })];
      case 'subject':
        // Left-aligned: justifying a line around an address or a long service name stretches its spaces.
        return [this.textUnit(block.text, { style: 'bold', spaceBefore: GAP.block, align: 'left' })];
      case 'heading':
        return [
          {
            ...this.textUnit(block.text, { style: 'bold', spaceBefore: GAP.headingBefore, size: SIZE.heading }),
            keepWithNext: true,
          },
        ];
      case 'closing':
        return [{ ...this.textUnit(block.text, { style: 'regular', spaceBefore: GAP.block }), keepWithNext: true }];
      case 'paragraphs':
        // A paragraph that ends with a colon introduces what follows: they go to a page together.
        return block.items.map((item, index) => ({
          keepWithNext: item.endsWith(':'),
          ...this.textUnit(item, {
            style: 'regular',
            align: 'justify',
            spaceBefore:
              index === 0 && previous?.kind !== 'heading' ? GAP.block : index === 0 ? GAP.headingAfter : GAP.paragraph,
          }),
        }));
      case 'numbered':
      case 'bullets':
        return block.items.map((item, index) =>
          this.itemUnit(
            block.kind === 'numbered' ? `${index + 1}.` : '•',
            item,
            index === 0 ? GAP.headingAfter : GAP.paragraph / 2,
            block.kind === 'numbered' ? 'justify' : 'left',
          ),
        );
      case 'signature':
        return [this.signatureUnit(block.lines)];
      case 'table':
        return this.tableUnits(block);
    }
  }

  private use(style: Style, size: number): PdfDocument {
    return this.doc.font(style).fontSize(size);
  }

  private textUnit(
    text: string,
    options: { style: Style; spaceBefore: number; size?: number; align?: 'left' | 'right' | 'justify' },
  ): Unit {
    const size = options.size ?? SIZE.body;
    const layout = { width: this.width, lineGap: LINE_GAP, align: options.align ?? 'left' };
    const height = this.use(options.style, size).heightOfString(text, layout);
    return {
      height,
      spaceBefore: options.spaceBefore,
      draw: (y) => {
        this.use(options.style, size).text(text, MARGIN.left, y, layout);
      },
    };
  }

  private linesUnit(lines: string[], x: number, style: Style, spaceBefore: number): Unit {
    const width = this.doc.page.width - MARGIN.right - x;
    const text = lines.join('\n');
    const height = this.use(style, SIZE.body).heightOfString(text, { width, lineGap: LINE_GAP });
    return {
      height,
      spaceBefore,
      draw: (y) => {
        this.use(style, SIZE.body).text(text, x, y, { width, lineGap: LINE_GAP });
      },
    };
  }

  private itemUnit(label: string, text: string, spaceBefore: number, align: 'justify' | 'left'): Unit {
    const width = this.width - INDENT;
    const layout = { width, lineGap: LINE_GAP, align };
    const height = this.use('regular', SIZE.body).heightOfString(text, layout);
    return {
      height,
      spaceBefore,
      draw: (y) => {
        this.use('regular', SIZE.body).text(label, MARGIN.left, y, { width: INDENT, lineBreak: false });
        this.doc.text(text, MARGIN.left + INDENT, y, layout);
      },
    };
  }

  private signatureUnit(lines: string[]): Unit {
    const width = this.doc.page.width - MARGIN.right - RECIPIENT_X;
    const [label, ...names] = lines;
    const signingSpace = 30;
    const labelHeight = this.use('regular', SIZE.body).heightOfString(label ?? '', { width });
    const namesHeight = this.doc.heightOfString(names.join('\n'), { width, lineGap: LINE_GAP });
    return {
      height: labelHeight + signingSpace + namesHeight,
      spaceBefore: GAP.block * 2,
      draw: (y) => {
        this.use('regular', SIZE.body).text(label ?? '', RECIPIENT_X, y, { width });
        const lineY = y + labelHeight + signingSpace - 6;
        this.doc
          .moveTo(RECIPIENT_X, lineY)
          .lineTo(RECIPIENT_X + width, lineY)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
        this.doc.text(names.join('\n'), RECIPIENT_X, y + labelHeight + signingSpace, { width, lineGap: LINE_GAP });
      },
    };
  }

  /** Each row is a unit of its own (never split); a row that starts a new page repeats the header above it. */
  private tableUnits(block: Extract<LetterBlock, { kind: 'table' }>): Unit[] {
    const widths = [0.25, 0.55, 0.2].map((fraction) => this.width * fraction);
    const pad = GAP.row;
    const cellLayout = (index: number) => ({
      width: widths[index]! - pad,
      lineGap: LINE_GAP,
      align: index === widths.length - 1 ? ('right' as const) : ('left' as const),
    });
    const row = (cells: string[], style: Style, rule: 'above' | 'below' | 'none') => {
      this.use(style, SIZE.body);
      const height =
        Math.max(...cells.map((cell, index) => this.doc.heightOfString(cell || ' ', cellLayout(index)))) + pad * 2;
      const draw = (y: number) => {
        this.use(style, SIZE.body);
        let x = MARGIN.left;
        cells.forEach((cell, index) => {
          this.doc.text(cell, x, y + pad, cellLayout(index));
          x += widths[index]!;
        });
        if (rule !== 'none') {
          const ruleY = rule === 'above' ? y : y + height;
          this.doc
            .moveTo(MARGIN.left, ruleY)
            .lineTo(MARGIN.left + this.width, ruleY)
            .lineWidth(0.5)
            .strokeColor(RULE)
            .stroke();
        }
      };
      return { height, draw };
    };
    const header = block.header.length ? row(block.header, 'bold', 'below') : undefined;
    const rows = block.rows.map((cells) => row(cells, 'regular', 'none'));
    if (block.footer) rows.push(row(block.footer, 'bold', 'above'));
    const lastBody = block.footer ? rows.length - 2 : -1;
    return rows.map((current, index): Unit => {
      // The total row never stands alone at the top of a page: it goes over with the last row above it.
      const keepWithNext = index === lastBody;
      if (index === 0 && header) {
        return {
          height: header.height + current.height,
          spaceBefore: GAP.paragraph,
          keepWithNext,
          draw: (y) => {
            header.draw(y);
            current.draw(y + header.height);
          },
        };
      }
      return { ...current, spaceBefore: 0, repeatHeader: header, keepWithNext };
    });
  }

  private currentPage(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** "Pagina N di M" on every page, counted within its part, written in the bottom margin without adding a page. */
  private drawFooters(parts: { label: string; first: number }[]): void {
    const range = this.doc.bufferedPageRange();
    const end = range.start + range.count;
    parts.forEach((part, index) => {
      const last = index + 1 < parts.length ? parts[index + 1]!.first : end;
      for (let page = part.first; page < last; page += 1) {
        this.doc.switchToPage(page);
        const { margins } = this.doc.page;
        const savedBottom = margins.bottom;
        margins.bottom = 0;
        const y = this.doc.page.height - MARGIN.bottom + 8 * MM;
        const label = interpolate(part.label, { page: page - part.first + 1, pages: last - part.first });
        this.use('regular', SIZE.small).fillColor(GREY);
        this.doc.text(label, MARGIN.left, y, { width: this.width, align: 'right', lineBreak: false });
        this.doc.fillColor(TEXT_COLOUR);
        margins.bottom = savedBottom;
      }
    });
  }
}
