import PDFDocument from 'pdfkit';
import { loadLetterFonts } from '../../server/pdf/letter-fonts';
import { LAYOUT_CACHE_DOCUMENTS, type PdfDocument } from '../../server/pdf/shared-font';

function documentWith(attach: (doc: PdfDocument) => void, text: string): Promise<Buffer> {
  const doc = new PDFDocument({ font: null as unknown as string, info: { CreationDate: new Date(0) } }) as PdfDocument;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  attach(doc);
  doc.text(text);
  doc.end();
  return done;
}

test('documents share one word-layout cache, and output is the same as with a cache of their own', async () => {
  const fonts = loadLetterFonts();
  const text = 'Ştefan Łukasiewicz-Øre scrive a Italiaonline S.p.A.';
  const shared = await documentWith((doc) => fonts.regular.attach(doc, 'regular'), text);
  expect(fonts.regular.cachedWords).toBeGreaterThan(0);
  const wordsAfterFirst = fonts.regular.cachedWords;
  const sharedAgain = await documentWith((doc) => fonts.regular.attach(doc, 'regular'), text);
  expect(fonts.regular.cachedWords).toBe(wordsAfterFirst);
  const own = await documentWith((doc) => {
    doc.registerFont('regular', fonts.regular.font as unknown as Buffer);
    doc.font('regular');
  }, text);
  expect(sharedAgain.equals(shared)).toBe(true);
  expect(own.equals(shared)).toBe(true);
});

test(`the cache is replaced after ${LAYOUT_CACHE_DOCUMENTS} documents, so its memory stays bounded`, async () => {
  const { regular } = loadLetterFonts();
  await documentWith((doc) => regular.attach(doc, 'regular'), 'parola');
  expect(regular.cachedWords).toBe(1);
  for (let index = 1; index < LAYOUT_CACHE_DOCUMENTS; index += 1) {
    await documentWith((doc) => regular.attach(doc, 'regular'), `parola${index}`);
  }
  expect(regular.cachedWords).toBe(LAYOUT_CACHE_DOCUMENTS);
  await documentWith((doc) => regular.attach(doc, 'regular'), 'nuova');
  expect(regular.cachedWords).toBe(1);
});
