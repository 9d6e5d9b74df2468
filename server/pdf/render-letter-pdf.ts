import PDFDocument from 'pdfkit';
import type { Letter } from '../core/letter/letter-model';
import { embedFont } from './font-embedding';
import { DocumentFont, GlyphContent } from './glyph-text';
import type { LetterFonts } from './letter-fonts';
import { LetterLayout, MARGIN } from './letter-layout';
import { LetterStructure } from './letter-structure';
import { PDF_LANGUAGE } from './letter-structure-texts';
import { appendLetterXmp, PDF_A_CONFORMANCE, PDF_A_PART, PDF_UA_PART } from './pdf-metadata';
import { checkPdfkitInternals, type PdfDocument } from './pdfkit-internals';

/** A file carried inside the letter (PDF/A-3 associated file). */
export interface LetterAttachment {
  name: string;
  bytes: Buffer;
  mimeType: string;
  description: string;
  /** ISO 32000-2 AFRelationship: how the file relates to the letter. */
  relationship: 'Data' | 'Source' | 'Supplement' | 'Alternative' | 'Unspecified';
}

export interface RenderOptions {
  fonts: LetterFonts;
  attachments?: LetterAttachment[];
}

const TEXT_COLOUR = '#000000';

/**
 * Draws a composed letter as an A4 tagged PDF/A-3a (and PDF/UA-1) with its attachments. The same letter gives
 * byte-identical bytes: dates come from the letter, never from the clock, and nothing random is written.
 */
export function renderLetterPdf(letter: Letter, { fonts, attachments = [] }: RenderOptions): Promise<Buffer> {
  const issued = new Date(`${letter.letterDate}T12:00:00Z`);
  const subset = `PDF/A-${PDF_A_PART}${PDF_A_CONFORMANCE.toLowerCase()}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: subset as PDFKit.PDFDocumentOptions['subset'],
    tagged: true,
    lang: PDF_LANGUAGE[letter.language],
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
      // Where poppler's pdfinfo (and Acrobat) look for the claims; the XMP metadata states them too.
      GTS_PDFA1Version: subset,
      GTS_PDFUAVersion: `PDF/UA-${PDF_UA_PART}`,
    } as PDFKit.DocumentInfo,
  }) as PdfDocument;
  const done = collect(doc);
  const content = new GlyphContent(doc);
  const documentFonts = {
    regular: new DocumentFont(fonts.regular, fonts.regular.attach(doc, 'regular'), 'regular', 'R'),
    bold: new DocumentFont(fonts.bold, fonts.bold.attach(doc, 'bold'), 'bold', 'B'),
  };
  checkPdfkitInternals(doc);
  doc.addPage();
  doc.fillColor(TEXT_COLOUR);
  new LetterLayout(doc, documentFonts, new LetterStructure(doc)).draw(letter);
  for (const attachment of attachments) {
    doc.file(attachment.bytes, {
      name: attachment.name,
      type: attachment.mimeType,
      description: attachment.description,
      relationship: attachment.relationship,
      creationDate: issued,
      modifiedDate: issued,
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }
  const subsets = content.finish([documentFonts.regular, documentFonts.bold]);
  for (const [font, glyphs] of subsets) embedFont(doc, font, glyphs);
  appendLetterXmp(doc, issued);
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
