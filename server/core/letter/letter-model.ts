import type { Language } from '../i18n/language';

export const LINE_BLOCKS = ['sender', 'recipient', 'signature'] as const;
export const TEXT_BLOCKS = ['place-date', 'delivery', 'subject', 'heading', 'closing'] as const;
export const LIST_BLOCKS = ['paragraphs', 'numbered', 'bullets'] as const;
export const META_BLOCKS = ['meta-title', 'meta-page', 'meta-footer'] as const;
export const BLOCK_KINDS = [...LINE_BLOCKS, ...TEXT_BLOCKS, ...LIST_BLOCKS, 'table', ...META_BLOCKS] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export type LetterBlock =
  | { kind: (typeof LINE_BLOCKS)[number]; lines: string[] }
  | { kind: (typeof TEXT_BLOCKS)[number]; text: string }
  | { kind: (typeof LIST_BLOCKS)[number]; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; footer: string[] | null };

/** The letter as structured content: what the PDF, the HTML preview and the e-mail body all render. */
export interface Letter {
  language: Language;
  /** Document title, free of personal data. */
  title: string;
  /** Footer text with `{page}` and `{pages}` placeholders. */
  pageLabel: string;
  /** Small print on every page, e.g. the ruleset version. */
  footerNote: string;
  blocks: LetterBlock[];
  rulesetVersion: string;
  letterDate: string;
}
