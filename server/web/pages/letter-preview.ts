import type { Letter, LetterBlock } from '../../core/letter/letter-model';

/** One block of the letter for the HTML preview: the same words as the PDF, including list numbers and bullets. */
type PreviewBlock =
  | { kind: string; lines: string[]; recipient: boolean }
  | { kind: string; text: string; heading: boolean; subject: boolean }
  | { kind: string; items: { marker: string; text: string }[]; paragraphs: false }
  | { kind: string; paragraphs: string[] }
  | { kind: string; table: { header: string[]; rows: string[][]; footer: string[] | null } };

function previewBlock(block: LetterBlock): PreviewBlock {
  switch (block.kind) {
    case 'sender':
    case 'recipient':
    case 'signature':
      return { kind: block.kind, lines: block.lines, recipient: block.kind !== 'sender' };
    case 'paragraphs':
      return { kind: block.kind, paragraphs: block.items };
    case 'numbered':
    case 'bullets':
      return {
        kind: block.kind,
        items: block.items.map((text, index) => ({ marker: block.kind === 'numbered' ? `${index + 1}.` : '•', text })),
        paragraphs: false,
      };
    case 'table':
      return { kind: block.kind, table: { header: block.header, rows: block.rows, footer: block.footer } };
    default:
      return {
        kind: block.kind,
        text: block.text,
        heading: block.kind === 'heading',
        subject: block.kind === 'subject',
      };
  }
}

/** The composed letter (the one the PDF is drawn from) as data for views/partials/letter-preview.hbs. */
export function letterPreview(letter: Letter) {
  const parts = [letter, ...(letter.courtesyTranslation ? [letter.courtesyTranslation] : [])].map((part, index) => ({
    language: part.language,
    id: index === 0 ? 'letter-preview' : 'letter-preview-translation',
    blocks: part.blocks.map(previewBlock),
  }));
  return { language: letter.language, title: letter.title, parts };
}
