import { internals, type PdfDocument } from './pdfkit-internals';
import type { SharedFont } from './shared-font';

export type Align = 'left' | 'right' | 'justify';

/** One line of a laid-out paragraph: its text (trailing space kept) and where it starts, relative to the paragraph. */
export interface LaidLine {
  text: string;
  x: number;
  y: number;
  /** `justify` except on a paragraph's last line, which PDFKit sets left. */
  align: Align;
  lineWidth: number;
}

export interface TextLayout {
  lines: LaidLine[];
  height: number;
}

export interface TextStyle {
  font: SharedFont;
  /** The name the font is registered under in the document. */
  fontName: string;
  size: number;
  width: number;
  align: Align;
  lineGap: number;
}

/**
 * A paragraph broken into lines by PDFKit's own line wrapper (the same breaks as `doc.text`), recorded instead of
 * drawn, so the same result serves to measure the paragraph and to draw it. Cached by its text and style.
 */
export function layoutText(doc: PdfDocument, text: string, style: TextStyle): TextLayout {
  const compute = () => wrap(doc, text, style);
  if (!style.font.layouts) return compute();
  const key = `${style.size}|${style.width}|${style.align}|${style.lineGap}|${text}`;
  return style.font.layouts.getOrCompute(key, compute);
}

function wrap(doc: PdfDocument, text: string, style: TextStyle): TextLayout {
  const pdf = internals(doc);
  doc.font(style.fontName).fontSize(style.size);
  const lineHeight = doc.currentLineHeight(true) + style.lineGap;
  const { margins } = pdf.page;
  const saved = { bottom: margins.bottom, x: pdf.x, y: pdf.y };
  // No page end while recording: the placement decides where pages break.
  margins.bottom = -1e9;
  const lines: LaidLine[] = [];
  try {
    pdf._text(text, 0, 0, { width: style.width, align: style.align, lineGap: style.lineGap }, (line, options) => {
      lines.push({
        text: line.replace(/\n/g, ''),
        x: pdf.x,
        y: pdf.y,
        align: options.align as Align,
        lineWidth: options.lineWidth,
      });
      pdf.y += lineHeight;
    });
    return { lines, height: pdf.y };
  } finally {
    margins.bottom = saved.bottom;
    pdf.x = saved.x;
    pdf.y = saved.y;
  }
}
