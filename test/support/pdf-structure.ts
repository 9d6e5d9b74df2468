import { PdfObjects, pdfString, type PdfDict, type PdfValue } from './pdf-objects';

/**
 * The tests' own reading of a tagged PDF: the structure tree, and every page's content stream tokenised so each
 * text-showing and painting operator is known with the marked-content sequences around it. Used to check what poppler
 * does not: every piece of content is either tagged (inside a sequence with an MCID that the tree links to) or an
 * artifact, never both, and the tree's order is the content's order.
 */

/** The standard structure types of ISO 32000-1 §14.8.4 (a PDF/UA file may use others only through a RoleMap). */
export const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl ' +
    'LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP ' +
    'Warichu WT WP Figure Formula Form'
  ).split(' '),
);

export interface StructNode {
  /** The element's object reference ("12 0 R"). */
  ref: string;
  type: string;
  attributes: PdfDict | null;
  children: StructNode[];
  /** Marked content of this element, in order: page index and MCID. */
  content: { page: number; mcid: number }[];
  /** The text of its own marked content (from the fonts' ToUnicode maps). */
  text: string;
}

type Operand = PdfValue | { hex: string } | { op: string };

/** One operator of a content stream with the marked content open around it. */
export interface ContentOperator {
  op: string;
  operands: Operand[];
  /** Open marked-content sequences, outermost first: tag and MCID (when the sequence has one). */
  marks: { tag: string; mcid: number | null }[];
  font: string | null;
}

const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isWhite = (char: string) => ' \t\r\n\f\0'.includes(char);

/** Tokenises a content stream: operands are collected until their operator. */
export function contentOperators(data: Buffer): ContentOperator[] {
  const text = data.toString('latin1');
  const out: ContentOperator[] = [];
  const marks: { tag: string; mcid: number | null }[] = [];
  let operands: Operand[] = [];
  const stack: Operand[][] = [];
  let font: string | null = null;
  let at = 0;
  const push = (value: Operand) => (stack.length ? stack[stack.length - 1]! : operands).push(value);
  while (at < text.length) {
    const char = text[at]!;
    if (isWhite(char)) {
      at += 1;
    } else if (char === '%') {
      while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at += 1;
    } else if (char === '[' || (char === '<' && text[at + 1] === '<')) {
      stack.push([]);
      at += char === '[' ? 1 : 2;
    } else if (char === ']') {
      push(stack.pop()! as PdfValue[]);
      at += 1;
    } else if (char === '>' && text[at + 1] === '>') {
      const items = stack.pop()!;
      const dict: PdfDict = {};
      for (let index = 0; index + 1 < items.length; index += 2)
        dict[items[index] as string] = items[index + 1] as PdfValue;
      push(dict);
      at += 2;
    } else if (char === '<') {
      const end = text.indexOf('>', at);
      push({ hex: text.slice(at + 1, end).replace(/\s+/g, '') });
      at = end + 1;
    } else if (char === '(') {
      let depth = 1;
      let value = '';
      at += 1;
      while (at < text.length && depth > 0) {
        const c = text[at]!;
        if (c === '\\') {
          value += text[at + 1];
          at += 2;
          continue;
        }
        if (c === '(') depth += 1;
        if (c === ')') depth -= 1;
        if (depth > 0) value += c;
        at += 1;
      }
      push(`(${value})`);
    } else if (char === '/') {
      let end = at + 1;
      while (end < text.length && !isWhite(text[end]!) && !DELIMITERS.has(text[end]!)) end += 1;
      push(text.slice(at, end));
      at = end;
    } else {
      let end = at;
      while (end < text.length && !isWhite(text[end]!) && !DELIMITERS.has(text[end]!)) end += 1;
      const word = text.slice(at, end);
      at = end;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        push(Number(word));
        continue;
      }
      if (word === 'true' || word === 'false') {
        push(word === 'true');
        continue;
      }
      if (stack.length) throw new Error(`operator ${word} inside an array or dictionary`);
      if (word === 'Tf') font = operands[0] as string;
      if (word === 'BDC' || word === 'BMC') {
        const properties = operands[1];
        const mcid =
          properties && typeof properties === 'object' && !Array.isArray(properties) && '/MCID' in properties
            ? ((properties as PdfDict)['/MCID'] as number)
            : null;
        out.push({ op: word, operands, marks: [...marks], font });
        marks.push({ tag: operands[0] as string, mcid });
      } else if (word === 'EMC') {
        if (!marks.length) throw new Error('EMC without an open marked-content sequence');
        marks.pop();
        out.push({ op: word, operands, marks: [...marks], font });
      } else {
        out.push({ op: word, operands, marks: [...marks], font });
      }
      operands = [];
    }
  }
  if (marks.length) throw new Error('marked-content sequence left open at the end of a page');
  return out;
}

export const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
export const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

/** A font's ToUnicode map: CID → text. */
function toUnicode(objects: PdfObjects, fontRef: PdfValue): Map<number, string> {
  const font = objects.dict(fontRef);
  const map = new Map<number, string>();
  if (!font['/ToUnicode']) return map;
  const cmap = objects.streamData(font['/ToUnicode']).toString('latin1');
  const hexText = (hex: string) => {
    let out = '';
    for (let index = 0; index < hex.length; index += 4)
      out += String.fromCharCode(parseInt(hex.slice(index, index + 4), 16));
    return out;
  };
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const start = parseInt(range[1]!, 16);
      const end = parseInt(range[2]!, 16);
      if (range[3]!.startsWith('[')) {
        [...range[3]!.matchAll(/<([0-9a-fA-F]*)>/g)].forEach((item, index) =>
          map.set(start + index, hexText(item[1]!)),
        );
      } else {
        const first = parseInt(range[3]!.slice(1, -1), 16);
        for (let cid = start; cid <= end; cid += 1) map.set(cid, String.fromCharCode(first + cid - start));
      }
    }
  }
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      map.set(parseInt(pair[1]!, 16), hexText(pair[2]!));
    }
  }
  return map;
}

export interface PageContent {
  operators: ContentOperator[];
  /** Font resource name → ToUnicode map. */
  unicode: Map<string, Map<number, string>>;
  /** CIDs shown, per font resource name. */
  cids: Map<string, number[]>;
}

export interface TaggedPdf {
  objects: PdfObjects;
  pages: PageContent[];
  root: StructNode[];
}

/** Text shown by a TJ/Tj operator, through the font's ToUnicode map. */
function shownText(operator: ContentOperator, page: PageContent): { text: string; cids: number[] } {
  const map = page.unicode.get(operator.font ?? '') ?? new Map<number, string>();
  const cids: number[] = [];
  let text = '';
  const strings = operator.op === 'TJ' ? (operator.operands[0] as Operand[]) : [operator.operands.at(-1)];
  for (const item of strings) {
    if (item && typeof item === 'object' && 'hex' in item && typeof item.hex === 'string') {
      const hex = item.hex;
      for (let index = 0; index < hex.length; index += 4) {
        const cid = parseInt(hex.slice(index, index + 4), 16);
        cids.push(cid);
        text += map.get(cid) ?? '\uFFFD';
      }
    }
  }
  return { text, cids };
}

export function readTaggedPdf(pdf: Buffer): TaggedPdf {
  const objects = new PdfObjects(pdf);
  const pageRefs = objects.pages();
  const pages: PageContent[] = pageRefs.map((ref) => {
    const page = objects.dict(ref);
    const data = Buffer.concat(objects.streams(page['/Contents']).map((content) => objects.streamData(content)));
    const fonts = objects.dict(objects.dict(page['/Resources'])['/Font'] ?? {});
    const unicode = new Map(Object.entries(fonts).map(([name, font]) => [name, toUnicode(objects, font)]));
    const content: PageContent = { operators: contentOperators(data), unicode, cids: new Map() };
    for (const operator of content.operators.filter((candidate) => TEXT_SHOWING.has(candidate.op))) {
      const list = content.cids.get(operator.font ?? '') ?? [];
      list.push(...shownText(operator, content).cids);
      content.cids.set(operator.font ?? '', list);
    }
    return content;
  });
  const textOf = (page: number, mcid: number) =>
    pages[page]!.operators.filter(
      (operator) => TEXT_SHOWING.has(operator.op) && operator.marks.some((mark) => mark.mcid === mcid),
    )
      .map((operator) => shownText(operator, pages[page]!).text)
      .join('');

  const walk = (reference: PdfValue, inheritedPage: number | null): StructNode => {
    const element = objects.dict(reference);
    const ownPage = element['/Pg'] ? pageRefs.indexOf(element['/Pg'] as string) : inheritedPage;
    const node: StructNode = {
      ref: String(reference),
      type: String(element['/S']).slice(1),
      attributes: element['/A'] ? objects.dict(element['/A']) : null,
      children: [],
      content: [],
      text: '',
    };
    for (const kid of objects.array(element['/K'])) {
      if (typeof kid === 'number') node.content.push({ page: ownPage ?? -1, mcid: kid });
      else {
        const kidDict = objects.dict(kid);
        if (kidDict['/Type'] === '/MCR') {
          node.content.push({ page: pageRefs.indexOf(kidDict['/Pg'] as string), mcid: kidDict['/MCID'] as number });
        } else node.children.push(walk(kid, ownPage));
      }
    }
    node.text = node.content.map(({ page, mcid }) => textOf(page, mcid)).join('');
    return node;
  };
  if (!objects.catalog['/StructTreeRoot']) return { objects, pages, root: [] };
  const treeRoot = objects.dict(objects.catalog['/StructTreeRoot']);
  return { objects, pages, root: objects.array(treeRoot['/K']).map((kid) => walk(kid, null)) };
}

/** Depth-first, in logical order. */
export function allNodes(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

/** The text of an element and everything under it. */
export function fullText(node: StructNode): string {
  return node.text + node.children.map(fullText).join('');
}

export { pdfString };
