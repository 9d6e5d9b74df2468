import PDFDocument from 'pdfkit';
import type { Letter } from '../../server/core/letter/letter-model';
import type { LetterFonts } from '../../server/pdf/letter-fonts';
import type { PdfDocument } from '../../server/pdf/shared-font';

/** Every piece of text of a composed letter (and its courtesy translation), in reading order, bold where it is. */
export function letterTexts(letter: Letter): { text: string; bold: boolean }[] {
  const blocks = [...letter.blocks, ...(letter.courtesyTranslation?.blocks ?? [])];
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'sender':
      case 'recipient':
      case 'signature':
        return [{ text: block.lines.join('\n'), bold: false }];
      case 'paragraphs':
      case 'numbered':
      case 'bullets':
        return block.items.map((text) => ({ text, bold: false }));
      case 'table':
        return [...block.header, ...block.rows.flat(), ...(block.footer ?? [])].map((text) => ({ text, bold: false }));
      default:
        return [{ text: block.text, bold: block.kind === 'heading' || block.kind === 'subject' }];
    }
  });
}

/**
 * The practical limit: PDFKit writing the same text with the same fonts (parsed once, shared layout cache) and the
 * same PDF/A options, in one flow, with none of Reclamo's layout (no measuring, no keep-together, no footers).
 */
export function renderRawPdfkit(
  texts: { text: string; bold: boolean }[],
  fonts: LetterFonts,
  sharedFonts: boolean,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    subset: 'PDF/A-3a',
    font: null as unknown as string,
  }) as PdfDocument;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (sharedFonts) {
    fonts.regular.attach(doc, 'regular');
    fonts.bold.attach(doc, 'bold');
  } else {
    doc.registerFont('regular', fonts.regular.font as unknown as Buffer);
    doc.registerFont('bold', fonts.bold.font as unknown as Buffer);
  }
  doc.fontSize(10.5);
  for (const { text, bold } of texts) doc.font(bold ? 'bold' : 'regular').text(text, { align: 'justify' });
  doc.end();
  return done;
}
