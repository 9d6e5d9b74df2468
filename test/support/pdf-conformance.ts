import * as fontkit from 'fontkit';
import { pdfString, type PdfDict, type PdfValue } from './pdf-objects';
import { allNodes, PAINTING, STANDARD_TYPES, TEXT_SHOWING, readTaggedPdf, type StructNode } from './pdf-structure';

/**
 * The machine-checkable rules of PDF/A-3 level A and PDF/UA-1 (Matterhorn Protocol 1.1 failure conditions) that
 * apply to the features a letter uses, plus a check that the features whose rules are not checked here are absent.
 * Returns one line per violation, each naming the rule. docs/pdf-accessibility.md lists what is and is not covered.
 */
export function conformanceProblems(pdf: Buffer): string[] {
  const problems: string[] = [];
  const fail = (rule: string, message: string) => problems.push(`${rule}: ${message}`);
  const tagged = readTaggedPdf(pdf);
  const { objects, pages } = tagged;
  const catalog = objects.catalog;

  // --- metadata and document-level settings
  const metadata = catalog['/Metadata'] ? objects.streamData(catalog['/Metadata']).toString('utf8') : '';
  const xmp = (pattern: RegExp) => pattern.exec(metadata)?.[1]?.trim() ?? null;
  if (!metadata) fail('PDF/A 6.6.2.1, UA 06-001', 'no XMP metadata stream');
  if (xmp(/<pdfaid:part>(\d+)<\/pdfaid:part>/) !== '3') fail('PDF/A 6.6.4', 'XMP does not say pdfaid:part 3');
  if (xmp(/<pdfaid:conformance>(\w+)<\/pdfaid:conformance>/) !== 'A') fail('PDF/A 6.6.4', 'conformance is not A');
  if (xmp(/<pdfuaid:part>(\d+)<\/pdfuaid:part>/) !== '1') fail('UA 06-002', 'XMP does not say pdfuaid:part 1');
  if (!/<pdfaSchema:namespaceURI>http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/<\/pdfaSchema:namespaceURI>/.test(metadata)) {
    fail('PDF/A 6.6.2.3', 'the pdfuaid schema is used without a PDF/A extension schema');
  }
  const title = xmp(/<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/);
  if (!title) fail('UA 06-003', 'XMP has no dc:title');
  const info = objects.dict(objects.trailer['/Info']);
  const infoText = (key: string) => pdfString(objects.resolve(info[key]));
  if (title && infoText('/Title') !== title) fail('PDF/A 6.6.3', 'Info Title and dc:title differ');
  if (infoText('/Producer') !== (xmp(/<pdf:Producer>([^<]*)<\/pdf:Producer>/) ?? '')) {
    fail('PDF/A 6.6.3', 'Info Producer and pdf:Producer differ');
  }
  if (infoText('/Keywords') && infoText('/Keywords') !== xmp(/<pdf:Keywords>([^<]*)<\/pdf:Keywords>/)) {
    fail('PDF/A 6.6.3', 'Info Keywords and pdf:Keywords differ');
  }
  if (infoText('/Creator') && infoText('/Creator') !== xmp(/<xmp:CreatorTool>([^<]*)<\/xmp:CreatorTool>/)) {
    fail('PDF/A 6.6.3', 'Info Creator and xmp:CreatorTool differ');
  }
  const infoDate = (key: string) => {
    const match = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z/.exec(infoText(key));
    return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z` : null;
  };
  if (infoDate('/CreationDate') !== xmp(/<xmp:CreateDate>([^<]*)<\/xmp:CreateDate>/)) {
    fail('PDF/A 6.6.3', 'Info CreationDate and xmp:CreateDate differ');
  }
  if (info['/ModDate'] && infoDate('/ModDate') !== xmp(/<xmp:ModifyDate>([^<]*)<\/xmp:ModifyDate>/)) {
    fail('PDF/A 6.6.3', 'Info ModDate and xmp:ModifyDate differ');
  }
  const viewer = catalog['/ViewerPreferences'] ? objects.dict(catalog['/ViewerPreferences']) : {};
  if (viewer['/DisplayDocTitle'] !== true) fail('UA 07-001/07-002', 'DisplayDocTitle is not true');
  const markInfo = catalog['/MarkInfo'] ? objects.dict(catalog['/MarkInfo']) : {};
  if (markInfo['/Marked'] !== true) fail('PDF/A 6.7.2.2, UA 01-002', 'MarkInfo Marked is not true');
  if (markInfo['/Suspects'] === true) fail('UA 01-007', 'Suspects is true');
  if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(pdfString(catalog['/Lang']))) fail('PDF/A 6.7.4, UA 11-006', 'no catalog Lang');
  if (!catalog['/StructTreeRoot']) fail('PDF/A 6.7.2.2, UA 01-001', 'no structure tree');
  if (!catalog['/OutputIntents']) fail('PDF/A 6.2.3', 'no output intent');

  // --- features whose rules are not checked here must be absent
  if (objects.trailer['/Encrypt']) fail('PDF/A 6.1.3, UA 26-001', 'the file is encrypted');
  for (const key of ['/AcroForm', '/OCProperties', '/OpenAction', '/AA']) {
    if (catalog[key]) fail('not checked here', `catalog has ${key}`);
  }
  const names = catalog['/Names'] ? objects.dict(catalog['/Names']) : {};
  if (names['/JavaScript']) fail('PDF/A 6.6.1', 'document-level JavaScript');
  objects.pages().forEach((reference, index) => {
    const page = objects.dict(reference);
    if (page['/Annots']) fail('not checked here', `page ${index + 1} has annotations`);
    const resources = objects.dict(page['/Resources']);
    if (resources['/XObject']) fail('not checked here', `page ${index + 1} has XObjects (images or forms)`);
  });

  // --- structure
  const nodes = allNodes(tagged.root);
  if (tagged.root.length !== 1 || tagged.root[0]!.type !== 'Document') {
    fail('structure', `the tree's root is not one Document but ${tagged.root.map((node) => node.type).join(', ')}`);
  }
  const roleMap = catalog['/StructTreeRoot'] ? objects.dict(catalog['/StructTreeRoot'])['/RoleMap'] : undefined;
  for (const node of nodes) {
    if (!STANDARD_TYPES.has(node.type) && !roleMap) fail('UA 01-006, PDF/A 6.7.3.4', `non-standard type ${node.type}`);
  }
  const parentOf = new Map<StructNode, StructNode>();
  for (const node of nodes) for (const child of node.children) parentOf.set(child, node);
  const childTypes = (node: StructNode) => node.children.map((child) => child.type);
  for (const node of nodes) {
    const parent = parentOf.get(node)?.type;
    const kids = childTypes(node);
    const only = (allowed: string[]) => kids.every((kid) => allowed.includes(kid));
    if (node.type === 'Table' && (!kids.length || !only(['THead', 'TBody', 'TFoot', 'TR', 'Caption']))) {
      fail('UA 09-004', `Table with children ${kids.join(', ')}`);
    }
    if (['THead', 'TBody', 'TFoot'].includes(node.type) && (parent !== 'Table' || !only(['TR']) || !kids.length)) {
      fail('UA 09-004', `${node.type} in ${parent} with ${kids.join(', ')}`);
    }
    if (node.type === 'TR' && (!['Table', 'THead', 'TBody', 'TFoot'].includes(parent ?? '') || !only(['TH', 'TD']))) {
      fail('UA 09-004', `TR in ${parent} with ${kids.join(', ')}`);
    }
    if ((node.type === 'TH' || node.type === 'TD') && parent !== 'TR') fail('UA 09-004', `${node.type} in ${parent}`);
    if (node.type === 'TH' && !['/Column', '/Row', '/Both'].includes(String(node.attributes?.['/Scope']))) {
      fail('UA 15-003', 'TH without Scope');
    }
    if (node.type === 'L' && (!kids.length || !only(['LI', 'L', 'Caption']))) {
      fail('UA 09-005', `L with ${kids.join(', ')}`);
    }
    if (node.type === 'LI' && (parent !== 'L' || !only(['Lbl', 'LBody']))) fail('UA 09-005', `LI in ${parent}`);
    if ((node.type === 'Lbl' || node.type === 'LBody') && parent !== 'LI')
      fail('UA 09-005', `${node.type} in ${parent}`);
  }
  const headings = nodes.filter((node) => /^H\d?$/.test(node.type)).map((node) => node.type);
  if (headings.includes('H') && headings.some((heading) => heading !== 'H')) fail('UA 14-007', 'H mixed with H1…H6');
  const levels = headings.filter((heading) => heading !== 'H').map((heading) => Number(heading.slice(1)));
  if (levels.length && levels[0] !== 1) fail('UA 14-002', `the first heading is H${levels[0]}`);
  levels.forEach((level, index) => {
    if (index > 0 && level > levels[index - 1]! + 1) fail('UA 14-003', `H${levels[index - 1]} followed by H${level}`);
  });
  for (const node of nodes) {
    if (node.content.length && !node.text.trim() && !['TD', 'TH'].includes(node.type)) {
      fail('content', `${node.type} has marked content but no text`);
    }
  }

  // --- content: everything tagged or an artifact, never both; the tree links every MCID once; logical = drawn order
  const linked = new Map<string, number>();
  const treeOrder: { page: number; mcid: number }[] = [];
  for (const node of nodes) {
    for (const item of node.content) {
      const key = `${item.page}:${item.mcid}`;
      linked.set(key, (linked.get(key) ?? 0) + 1);
      treeOrder.push(item);
    }
  }
  const drawnOrder: { page: number; mcid: number }[] = [];
  pages.forEach((page, pageIndex) => {
    for (const operator of page.operators) {
      const artifact = operator.marks.some((mark) => mark.tag === '/Artifact');
      const tagged = operator.marks.some((mark) => mark.mcid !== null);
      if (operator.op === 'BDC' && operator.operands[0] !== '/Artifact') {
        const properties = operator.operands[1] as PdfDict;
        const mcid = properties?.['/MCID'] as number | undefined;
        if (mcid === undefined) continue;
        if (artifact) fail('UA 01-003', `page ${pageIndex + 1}: tagged content inside an artifact`);
        if (tagged) fail('PDF/A 6.7.3, UA 01-003', `page ${pageIndex + 1}: marked content nested in marked content`);
        drawnOrder.push({ page: pageIndex, mcid });
        if (linked.get(`${pageIndex}:${mcid}`) !== 1) {
          fail(
            'UA 01-005',
            `page ${pageIndex + 1}: MCID ${mcid} linked ${linked.get(`${pageIndex}:${mcid}`) ?? 0} times`,
          );
        }
      }
      if (operator.op === 'BDC' && operator.operands[0] === '/Artifact' && tagged) {
        fail('UA 01-004', `page ${pageIndex + 1}: an artifact inside tagged content`);
      }
      if ((TEXT_SHOWING.has(operator.op) || PAINTING.has(operator.op)) && !artifact && !tagged) {
        fail('UA 01-005', `page ${pageIndex + 1}: ${operator.op} neither tagged nor an artifact`);
      }
    }
  });
  const orderKey = (item: { page: number; mcid: number }) => `${item.page}:${item.mcid}`;
  if (treeOrder.map(orderKey).join(' ') !== drawnOrder.map(orderKey).join(' ')) {
    fail('reading order', 'the structure tree does not list the content in the order it is drawn');
  }
  if (treeOrder.length !== drawnOrder.length) fail('UA 01-005', 'the tree links MCIDs that are not drawn');
  if (catalog['/StructTreeRoot']) checkParentTree(objects, tagged.root, fail);

  // --- fonts
  objects.pages().forEach((reference, pageIndex) => {
    const resources = objects.dict(objects.dict(reference)['/Resources']);
    const fonts = objects.dict(resources['/Font'] ?? {});
    for (const [name, fontRef] of Object.entries(fonts)) {
      const font = objects.dict(fontRef);
      const label = `page ${pageIndex + 1} font ${name}`;
      if (font['/Subtype'] !== '/Type0') {
        fail('not checked here', `${label} is ${String(font['/Subtype'])}, not Type0`);
        continue;
      }
      const cidFont = objects.dict(objects.array(font['/DescendantFonts'])[0]);
      const descriptor = objects.dict(cidFont['/FontDescriptor']);
      if (!descriptor['/FontFile2']) {
        fail('PDF/A 6.2.11.4.1, UA 31-009', `${label} not embedded`);
        continue;
      }
      if (cidFont['/Subtype'] === '/CIDFontType2' && cidFont['/CIDToGIDMap'] !== '/Identity') {
        fail('PDF/A 6.2.11.3.2', `${label} has no Identity CIDToGIDMap`);
      }
      if (!font['/ToUnicode']) fail('PDF/A 6.2.11.7.2, UA 31-027', `${label} has no ToUnicode`);
      const unicode = tagged.pages[pageIndex]!.unicode.get(name)!;
      const program = fontkit.create(objects.streamData(descriptor['/FontFile2']));
      const widths = widthsOf(objects.array(cidFont['/W']), objects);
      for (const cid of new Set(tagged.pages[pageIndex]!.cids.get(name) ?? [])) {
        if (cid === 0) fail('PDF/A 6.2.11.8, UA 31-030', `${label} shows .notdef`);
        const text = unicode.get(cid);
        if (!text || /[\ufeff\ufffe]/.test(text) || text.includes(String.fromCharCode(0)))
          fail('PDF/A 6.2.11.7.2, UA 10-001', `${label} CID ${cid} unmapped`);
        const programWidth = (program.getGlyph(cid).advanceWidth * 1000) / program.unitsPerEm;
        if (Math.abs((widths.get(cid) ?? 1000) - programWidth) > 1) {
          fail('PDF/A 6.2.11.5, UA 31-006', `${label} CID ${cid}: W ${widths.get(cid)} vs program ${programWidth}`);
        }
      }
    }
  });

  // --- embedded files (PDF/A-3 6.8, UA 21-001)
  const associated = new Set(objects.array(catalog['/AF']).map(String));
  const embedded = names['/EmbeddedFiles'] ? objects.dict(names['/EmbeddedFiles']) : null;
  const specs = embedded ? objects.array(embedded['/Names']).filter((_, index) => index % 2 === 1) : [];
  for (const spec of specs) {
    const dict = objects.dict(spec);
    const name = pdfString(dict['/UF']);
    if (!dict['/F'] || !dict['/UF']) fail('PDF/A 6.8, UA 21-001', `file ${name} lacks F or UF`);
    if (!dict['/AFRelationship']) fail('PDF/A 6.8', `file ${name} has no AFRelationship`);
    if (!associated.has(String(spec))) fail('PDF/A 6.8', `file ${name} is not in the catalog's AF`);
    const stream = objects.dict(objects.dict(dict['/EF'])['/F']);
    if (!stream['/Subtype']) fail('PDF/A 6.8', `file ${name} has no MIME type`);
    const params = stream['/Params'] ? objects.dict(stream['/Params']) : {};
    if (!params['/ModDate']) fail('PDF/A 6.8', `file ${name} has no ModDate`);
  }
  return problems;
}

/** Every MCID's entry in the ParentTree names the element that holds it. */
function checkParentTree(
  objects: ReturnType<typeof readTaggedPdf>['objects'],
  root: StructNode[],
  fail: (rule: string, message: string) => void,
): void {
  const treeRoot = objects.dict(objects.catalog['/StructTreeRoot']);
  const nums: PdfValue[] = [];
  const collect = (node: PdfValue) => {
    const dict = objects.dict(node);
    nums.push(...objects.array(dict['/Nums']));
    objects.array(dict['/Kids']).forEach(collect);
  };
  collect(treeRoot['/ParentTree']!);
  const byKey = new Map<number, PdfValue[]>();
  for (let index = 0; index + 1 < nums.length; index += 2)
    byKey.set(nums[index] as number, objects.array(nums[index + 1]));
  const keys = objects.pages().map((reference) => objects.dict(reference)['/StructParents']);
  let entries = 0;
  keys.forEach((key, pageIndex) => {
    if (typeof key === 'number') entries += byKey.get(key)?.length ?? 0;
    else fail('PDF/A 6.7.3, UA 01-005', `page ${pageIndex + 1} has no StructParents`);
  });
  let mcids = 0;
  for (const node of allNodes(root)) {
    for (const { page, mcid } of node.content) {
      mcids += 1;
      const parent = byKey.get(keys[page] as number)?.[mcid];
      if (String(parent) !== node.ref) fail('UA 01-005', `page ${page + 1} MCID ${mcid}: ParentTree names ${parent}`);
    }
  }
  if (entries !== mcids) fail('UA 01-005', `ParentTree has ${entries} entries for ${mcids} marked contents`);
}

/** A CID font's W array as CID → width. */
function widthsOf(array: PdfValue[], objects: ReturnType<typeof readTaggedPdf>['objects']): Map<number, number> {
  const widths = new Map<number, number>();
  for (let index = 0; index < array.length;) {
    const first = array[index] as number;
    const next = objects.resolve(array[index + 1]);
    if (Array.isArray(next)) {
      next.forEach((width, offset) => widths.set(first + offset, width as number));
      index += 2;
    } else {
      const last = next as number;
      for (let cid = first; cid <= last; cid += 1) widths.set(cid, array[index + 2] as number);
      index += 3;
    }
  }
  return widths;
}
