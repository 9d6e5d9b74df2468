import Handlebars from 'handlebars';
import { BLOCK_KINDS, LINE_BLOCKS, LIST_BLOCKS, TEXT_BLOCKS, type BlockKind, type LetterBlock } from './letter-model';

interface RawRow {
  cells: string[];
  role: 'header' | 'body' | 'footer';
}
interface RawBlock {
  kind: BlockKind;
  text: string;
  rows: RawRow[];
}

/** A compiled letter template: context in, ordered blocks out. */
export type LetterTemplate = (context: object) => { blocks: LetterBlock[]; meta: Partial<Record<BlockKind, string>> };

// Letter templates produce plain text for the PDF: no HTML escaping, and a missing field is an error, not a blank.
const engine = Handlebars.create();

engine.registerHelper('block', function (this: unknown, kind: unknown, options: Handlebars.HelperOptions) {
  if (typeof kind !== 'string' || !(BLOCK_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`letter template: unknown block "${String(kind)}"`);
  }
  const frame = engine.createFrame(options.data);
  const rows: RawRow[] = [];
  frame.rows = rows;
  const text = options.fn(this, { data: frame });
  (options.data.collector as RawBlock[]).push({ kind: kind as BlockKind, text, rows });
  return '';
});

// {{row cell cell cell}} inside a table block; role=header|footer for the first and last rows.
engine.registerHelper('row', function (...args: unknown[]) {
  const options = args.pop() as Handlebars.HelperOptions;
  const rows = options.data.rows as RawRow[] | undefined;
  if (!rows) throw new Error('letter template: {{row}} is only allowed inside {{#block "table"}}');
  const role = options.hash.role === 'header' || options.hash.role === 'footer' ? options.hash.role : 'body';
  rows.push({ cells: args.map((cell) => (cell === null || cell === undefined ? '' : String(cell))), role });
  return '';
});

engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function toBlock(raw: RawBlock): LetterBlock | null {
  const { kind } = raw;
  if ((LINE_BLOCKS as readonly string[]).includes(kind)) {
    const lines = raw.text.split('\n').map(collapse).filter(Boolean);
    return lines.length ? { kind: kind as (typeof LINE_BLOCKS)[number], lines } : null;
  }
  if ((TEXT_BLOCKS as readonly string[]).includes(kind)) {
    const text = collapse(raw.text);
    return text ? { kind: kind as (typeof TEXT_BLOCKS)[number], text } : null;
  }
  if ((LIST_BLOCKS as readonly string[]).includes(kind)) {
    const items = raw.text
      .split(/\n[ \t]*\n/)
      .map(collapse)
      .filter(Boolean);
    return items.length ? { kind: kind as (typeof LIST_BLOCKS)[number], items } : null;
  }
  if (kind === 'table') {
    const body = raw.rows.filter((row) => row.role === 'body').map((row) => row.cells.map(collapse));
    if (body.length === 0) return null;
    const header = raw.rows.find((row) => row.role === 'header')?.cells.map(collapse) ?? [];
    const footer = raw.rows.find((row) => row.role === 'footer')?.cells.map(collapse) ?? null;
    return { kind: 'table', header, rows: body, footer };
  }
  return null;
}

/**
 * The context as the template sees it: reading a field the context does not have is an error. Handlebars' strict
 * mode catches `{{missing}}` but not `{{#if missing}}`, which would silently drop a branch of the letter.
 */
function guarded<T>(value: T, path: string): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return Array.isArray(value) ? (value.map((item) => guarded(item, path)) as T) : value;
  }
  return new Proxy(value as object, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !Reflect.has(target, key)) {
        throw new Error(`letter template: the context has no field "${path}${key}"`);
      }
      const field = Reflect.get(target, key, receiver) as unknown;
      return typeof key === 'string' ? guarded(field, `${path}${key}.`) : field;
    },
  }) as T;
}

/** Compiles a letter template source (one file per language in templates/). */
export function compileLetterTemplate(source: string): LetterTemplate {
  const render = engine.compile(source, { noEscape: true, strict: true });
  return (context) => {
    const collector: RawBlock[] = [];
    render(guarded(context, ''), { data: { collector } });
    const blocks: LetterBlock[] = [];
    const meta: Partial<Record<BlockKind, string>> = {};
    for (const raw of collector) {
      if (raw.kind.startsWith('meta-')) meta[raw.kind] = collapse(raw.text);
      else {
        const block = toBlock(raw);
        if (block) blocks.push(block);
      }
    }
    return { blocks, meta };
  };
}
