import type { Language } from '../i18n/language';

export const LINE_BLOCKS = ['sender', 'recipient', 'signature'] as const;
export const TEXT_BLOCKS = ['place-date', 'delivery', 'subject', 'heading', 'closing'] as const;
export const LIST_BLOCKS = ['paragraphs', 'numbered', 'bullets'] as const;
export const META_BLOCKS = ['meta-title', 'meta-page'] as const;
export const BLOCK_KINDS = [...LINE_BLOCKS, ...TEXT_BLOCKS, ...LIST_BLOCKS, 'table', ...META_BLOCKS] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export type LetterBlock =
  | { kind: (typeof LINE_BLOCKS)[number]; lines: string[] }
  | { kind: (typeof TEXT_BLOCKS)[number]; text: string }
  | { kind: (typeof LIST_BLOCKS)[number]; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; footer: string[] | null };

/** A text of the letter in one language, paginated on its own (its pages count from 1). */
export interface LetterPart {
  language: Language;
  /** Footer text with `{page}` and `{pages}` placeholders, counted within this part. */
  pageLabel: string;
  blocks: LetterBlock[];
}

/**
 * The letter as structured content: what the PDF, the HTML preview and the e-mail body all render. The letter that
 * is signed and sent is always Italian (`blocks`); a claimant who reads English also gets a courtesy translation,
 * marked as such, after it in the same document.
 */
export interface Letter {
  /** The language of the original: Italian. */
  language: Language;
  /** Document title, free of personal data. */
  title: string;
  /** Footer of the original's pages: page numbers only. */
  pageLabel: string;
  blocks: LetterBlock[];
  /** The English text for the claimant, drawn on pages of its own after the original; never signed or sent. */
  courtesyTranslation: LetterPart | null;
  /** Recorded in the document's metadata (never printed in the letter). */
  rulesetVersion: string;
  letterDate: string;
}
