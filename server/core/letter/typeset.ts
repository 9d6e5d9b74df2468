import type { LetterBlock } from './letter-model';

const NBSP = '\u00a0';

/**
 * Typography a printed letter needs and a template cannot see: no line break inside "art. 1218", "comma 2",
 * "n. 123456", "6,00 €", "ore 22:00", "D.Lgs. 206/2005" or before "c.c.", and one full stop where an abbreviation
 * ends a sentence ("Italiaonline S.p.A.").
 */
export function typeset(text: string): string {
  return text
    .replace(/\b(artt?|nn?|lett|D\.Lgs|D\.L|L|All|Reg)\. (?=[0-9a-z])/g, `$1.${NBSP}`)
    .replace(/\b(comma|commi|punto|paragrafo|ore) (?=\d)/g, `$1${NBSP}`)
    .replace(/(\d) (?=€|c\.c\.|c\.p\.c\.|giorn[oi]\b|days?\b)/g, `$1${NBSP}`)
    .replace(/([A-Za-z]\.)\.(?!\.)/g, '$1');
}

/** Every text of a block typeset; table cells too. */
export function typesetBlock(block: LetterBlock): LetterBlock {
  if ('lines' in block) return { ...block, lines: block.lines.map(typeset) };
  if ('text' in block) return { ...block, text: typeset(block.text) };
  if ('items' in block) return { ...block, items: block.items.map(typeset) };
  return {
    ...block,
    header: block.header.map(typeset),
    rows: block.rows.map((row) => row.map(typeset)),
    footer: block.footer?.map(typeset) ?? null,
  };
}
