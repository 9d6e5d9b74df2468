import type { Letter, LetterBlock, LetterPart } from './letter-model';

const NBSP = /\u00a0/g;

function blockText(block: LetterBlock): string {
  if ('lines' in block) return block.lines.join('\n');
  if ('text' in block) return block.kind === 'heading' ? block.text.toUpperCase() : block.text;
  if ('items' in block) {
    if (block.kind === 'paragraphs') return block.items.join('\n\n');
    return block.items.map((item, index) => (block.kind === 'numbered' ? `${index + 1}. ` : '- ') + item).join('\n');
  }
  const rows = [block.header, ...block.rows, ...(block.footer ? [block.footer] : [])].filter((row) => row.length);
  return rows.map((row) => row.filter(Boolean).join(' | ')).join('\n');
}

function partText(part: Pick<LetterPart, 'blocks'>): string {
  return part.blocks.map(blockText).join('\n\n').replace(NBSP, ' ');
}

/**
 * A document as plain text, for what the claimant pastes into a form: blocks separated by a blank line, numbered
 * and bulleted lists marked, the courtesy translation after a rule with its heading.
 */
export function letterToPlainText(letter: Letter, translationHeading: string): string {
  const original = partText(letter);
  if (!letter.courtesyTranslation) return `${original}\n`;
  const rule = '='.repeat(60);
  return `${original}\n\n${rule}\n${translationHeading}\n${rule}\n\n${partText(letter.courtesyTranslation)}\n`;
}
