import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { BLOCK_KINDS, type Letter } from '../../server/core/letter/letter-model';
import { loadLetterFonts } from '../../server/pdf/letter-fonts';
import { businessClaim, freeClaim, workedExampleClaim } from '../fixtures/claims';
import { conformanceProblems } from '../support/pdf-conformance';
import { allNodes, fullText, pdfString, readTaggedPdf, type StructNode } from '../support/pdf-structure';
import { testLetterService } from '../support/test-service';

interface PopplerNode {
  type: string;
  attributes: string[];
  children: PopplerNode[];
}

/** `pdfinfo -struct` as a tree: two spaces of indent per level, attributes on deeper lines starting with "/". */
function popplerStructure(pdf: Buffer): PopplerNode[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-struct-'));
  try {
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, pdf);
    const output = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const roots: PopplerNode[] = [];
    const stack: { depth: number; node: PopplerNode }[] = [];
    for (const line of output.split('\n').filter((candidate) => candidate.trim())) {
      const depth = line.length - line.trimStart().length;
      const content = line.trim();
      if (content.startsWith('/')) {
        stack[stack.length - 1]!.node.attributes.push(content);
        continue;
      }
      const node: PopplerNode = { type: content.replace(/[:\s].*$/, ''), attributes: [], children: [] };
      while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
      (stack.length ? stack[stack.length - 1]!.node.children : roots).push(node);
      stack.push({ depth, node });
    }
    return roots;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function popplerNodes(nodes: PopplerNode[]): PopplerNode[] {
  return nodes.flatMap((node) => [node, ...popplerNodes(node.children)]);
}

async function letterOf(input: ClaimInput, providerPec?: string) {
  const outcome = await testLetterService(providerPec ? { providerPec } : {}).letter(input, 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error('not rendered');
  return outcome;
}

/** The worked example with a name outside Latin-1, damages (a table) and a received compensation. */
function everyBlockClaim(): ClaimInput {
  const claim = workedExampleClaim();
  claim.claimant.firstName = 'Ştefan';
  claim.claimant.lastName = 'Łukasiewicz-Øre';
  claim.damages = [
    { kind: 'lost-mail', description: 'Preventivo perso', amount: '150,00' },
    { kind: 'extra-costs', description: 'Corriere', amount: '12,50' },
  ];
  return claim;
}

describe('a letter with every block kind', () => {
  let pdf: Buffer;
  let letter: Letter;
  let tree: PopplerNode[];
  beforeAll(async () => {
    ({ pdf, letter } = await letterOf(everyBlockClaim()));
    tree = popplerStructure(pdf);
  });

  test('uses every block kind of the letter model', () => {
    const printed = BLOCK_KINDS.filter((kind) => !kind.startsWith('meta-'));
    expect(new Set(letter.blocks.map((block) => block.kind))).toEqual(new Set(printed));
  });

  test('pdfinfo -struct shows one Document whose children follow the blocks, in order', () => {
    expect(tree.map((node) => node.type)).toEqual(['Document']);
    const expected = letter.blocks.flatMap((block) => {
      switch (block.kind) {
        case 'sender':
        case 'recipient':
        case 'signature':
          return ['Div'];
        case 'subject':
          return ['H1'];
        case 'heading':
          return ['H2'];
        case 'paragraphs':
          return block.items.map(() => 'P');
        case 'numbered':
        case 'bullets':
          return ['L'];
        case 'table':
          return ['Table'];
        default:
          return ['P'];
      }
    });
    expect(tree[0]!.children.map((node) => node.type)).toEqual(expected);
  });

  test('address blocks are a Div of one P per line', () => {
    const sender = letter.blocks.find((block) => block.kind === 'sender') as { lines: string[] };
    const div = tree[0]!.children[0]!;
    expect(div.children.map((node) => node.type)).toEqual(sender.lines.map(() => 'P'));
  });

  test('lists are L / LI / Lbl + LBody, numbered Decimal and bulleted Disc', () => {
    const lists = popplerNodes(tree).filter((node) => node.type === 'L');
    expect(lists.map((list) => list.attributes.join(' '))).toEqual(['/ListNumbering /Decimal', '/ListNumbering /Disc']);
    for (const list of lists) {
      expect(list.children.length).toBeGreaterThan(1);
      for (const item of list.children) {
        expect(item.type).toBe('LI');
        expect(item.children.map((node) => node.type)).toEqual(['Lbl', 'LBody']);
      }
    }
  });

  test('the damages table: header row of TH with Scope Column, body rows of TD, the total row headed by TH Row', () => {
    const table = popplerNodes(tree).find((node) => node.type === 'Table')!;
    expect(table.children.map((node) => node.type)).toEqual(['THead', 'TBody', 'TFoot']);
    const [head, body, foot] = table.children as [PopplerNode, PopplerNode, PopplerNode];
    expect(head.children.map((row) => row.type)).toEqual(['TR']);
    expect(head.children[0]!.children.map((cell) => `${cell.type} ${cell.attributes.join(' ')}`)).toEqual([
      'TH /Scope /Column',
      'TH /Scope /Column',
      'TH /Scope /Column',
    ]);
    expect(body.children.map((row) => row.children.map((cell) => cell.type).join(' '))).toEqual([
      'TD TD TD',
      'TD TD TD',
    ]);
    expect(foot.children[0]!.children.map((cell) => `${cell.type} ${cell.attributes.join(' ')}`.trim())).toEqual([
      'TH /Scope /Row',
      'TD',
      'TD',
    ]);
  });

  test('the tree reads the letter: names outside Latin-1, the subject as H1, words separated by spaces', () => {
    const nodes = allNodes(readTaggedPdf(pdf).root);
    const text = (type: string) => nodes.filter((node) => node.type === type).map(fullText);
    expect(text('P')[0]).toBe('Ştefan Łukasiewicz-Øre');
    expect(text('H1')[0]).toMatch(/^Oggetto: reclamo formale, diffida e messa in mora per l’interruzione del servizio/);
    expect(text('H2')).toEqual(expect.arrayContaining(['1. Fatti', '2. Danni', '3. Diritto']));
    expect(text('TH')).toEqual(['Tipo', 'Descrizione', 'Importo', 'Totale']);
    expect(text('Lbl').slice(0, 2)).toEqual(['1.', '2.']);
    // Justified lines keep their spaces (a reader needs the word breaks): no two words run together.
    const paragraph = text('P').find((candidate) => candidate.startsWith('Il sottoscritto'))!;
    expect(paragraph).toContain('Il sottoscritto Ştefan Łukasiewicz-Øre, C.F. RSSMRA79B11C566R, residente in');
    expect(paragraph).not.toMatch(/\S{40,}/);
  });

  test('the footer and page numbers are artifacts: drawn, but not in the tree', () => {
    const tree = readTaggedPdf(pdf);
    const all = tree.root.map(fullText).join(' ');
    expect(all).not.toContain('Pagina 1 di');
    expect(all).not.toContain('Diffida generata con Reclamo');
    const drawn = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
    expect(drawn).toContain('Pagina 1 di');
  });

  test('meets the machine-checkable PDF/A-3a and PDF/UA-1 rules the tests check', () => {
    expect(conformanceProblems(pdf)).toEqual([]);
  });
});

describe('every kind of letter passes the same checks', () => {
  const long = workedExampleClaim();
  long.damages = Array.from({ length: 20 }, (_, index) => ({
    kind: 'extra-costs' as const,
    description: `Voce ${index + 1}: spese di recupero dei messaggi e di comunicazione con i clienti`,
    amount: `${index + 1},00`,
  }));
  const english = workedExampleClaim();
  english.letter = { language: 'en', delivery: 'raccomandata' };
  const cases: { name: string; input: ClaimInput; pec?: string }[] = [
    { name: 'a free account', input: freeClaim() },
    { name: 'a business, with the provider PEC configured', input: businessClaim(), pec: 'reclami@pec.example.org' },
    { name: 'the English letter by raccomandata', input: english },
    { name: 'a damages table over several pages (header repeated as an artifact)', input: long },
  ];
  test.each(cases)('$name', async ({ input, pec }) => {
    const { pdf } = await letterOf(input, pec);
    expect(conformanceProblems(pdf)).toEqual([]);
    // A header repeated on a later page is an artifact: each table has one THead at most (the English letter has two
    // tables: the Italian one and the courtesy translation's).
    const tables = allNodes(readTaggedPdf(pdf).root).filter((node: StructNode) => node.type === 'Table');
    for (const table of tables) {
      expect(table.children.filter((node) => node.type === 'THead').length).toBeLessThanOrEqual(1);
    }
  });

  test('the English letter: the Italian original in it-IT, then its courtesy translation as a Part in en-GB', async () => {
    const { pdf } = await letterOf(english);
    const tree = readTaggedPdf(pdf);
    const [document] = tree.root;
    expect(document!.type).toBe('Document');
    const parts = document!.children.filter((node) => node.type === 'Part');
    expect(parts).toHaveLength(1);
    expect(document!.children[document!.children.length - 1]).toBe(parts[0]);
    const part = tree.objects.dict(parts[0]!.ref);
    expect(pdfString(part['/Lang'])).toBe('en-GB');
    expect(pdfString(part['/T'])).toBe('Courtesy translation into English: not the signed original');
    expect(pdfString(tree.objects.catalog['/Lang'])).toBe('it-IT');
    const before = allNodes(document!.children.filter((node) => node.type !== 'Part'))
      .map(fullText)
      .join(' ');
    expect(before).toContain('Spett.le');
    expect(allNodes(parts[0]!.children).find((node) => node.type === 'H1')).toBeDefined();
  });

  test('an association letter', async () => {
    const service = testLetterService();
    const assessed = service.assess(workedExampleClaim(), 'it');
    if (!assessed.ok) throw new Error('invalid');
    const association = {
      name: 'Associazione Utenti',
      taxCode: '00743110157',
      street: 'Via Roma 1',
      postalCode: '00184',
      city: 'Roma',
      province: 'RM',
      pec: 'assoc@pec.example.org',
      representative: 'Giovanna Esposito',
    };
    const { pdf } = await service.render(assessed.claim, assessed.assessment, association);
    expect(conformanceProblems(pdf)).toEqual([]);
  });
});

describe('the checks themselves fail on what they look for', () => {
  function pdfkitDocument(draw: (doc: PDFKit.PDFDocument) => void, options: object): Promise<Buffer> {
    const fonts = loadLetterFonts();
    const doc = new PDFDocument({ font: null as unknown as string, pdfVersion: '1.7', ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    fonts.regular.attach(doc, 'regular');
    draw(doc);
    doc.end();
    return done;
  }

  test('an untagged PDF/A-2b from plain PDFKit', async () => {
    const pdf = await pdfkitDocument((doc) => doc.text('Hello'), { subset: 'PDF/A-2b' });
    const problems = conformanceProblems(pdf).join('\n');
    expect(problems).toContain('PDF/A 6.6.4: XMP does not say pdfaid:part 3');
    expect(problems).toContain('UA 06-002');
    expect(problems).toContain('UA 07-001/07-002');
    expect(problems).toContain('no structure tree');
    expect(problems).toContain('UA 01-005: page 1: TJ neither tagged nor an artifact');
  });

  test('text outside marked content, a first heading that is not H1, a TH without scope', async () => {
    const pdf = await pdfkitDocument(
      (doc) => {
        const root = doc.struct('Document');
        doc.addStructure(root);
        root.add(doc.struct('H2', {}, [() => doc.text('Heading')]));
        const table = doc.struct('Table');
        root.add(table);
        const row = doc.struct('TR');
        table.add(row);
        row.add(doc.struct('TH', {}, [() => doc.text('Cell')]));
        doc.text('stray text');
      },
      { subset: 'PDF/A-3a', tagged: true, lang: 'it-IT', displayTitle: true, info: { Title: 'T' } },
    );
    const problems = conformanceProblems(pdf).join('\n');
    expect(problems).toContain('UA 01-005: page 1: TJ neither tagged nor an artifact');
    expect(problems).toContain('UA 14-002: the first heading is H2');
    expect(problems).toContain('UA 15-003: TH without Scope');
  });
});
