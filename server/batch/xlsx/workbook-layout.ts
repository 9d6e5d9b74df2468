import path from 'node:path';
import { BatchInputError } from '../batch-input-error';
import { parseXml, prefixedAttribute } from './xml-events';
import type { ZipArchive } from './zip-archive';

/** Where the parts of the first sheet are, read from the package's relationships (not guessed from names). */
export interface WorkbookLayout {
  sheet: string;
  sharedStrings: string | null;
  styles: string | null;
  /** Serial dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
}

/** Relationships, the workbook and its sheet list are small; a big one is not a member list. */
const SMALL_PART_BYTES = 4 * 1024 * 1024;

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function readSmallPart(
  zip: ZipArchive,
  name: string,
  onOpen: (name: string, attributes: Readonly<Record<string, string>>) => void,
) {
  const text = await zip.text(name, SMALL_PART_BYTES);
  async function* once() {
    yield Buffer.from(text);
  }
  for await (const _ of parseXml(once(), { open: onOpen, close: () => undefined, text: () => undefined }));
}

async function relationships(zip: ZipArchive, name: string): Promise<Relationship[]> {
  if (!zip.has(name)) return [];
  const found: Relationship[] = [];
  await readSmallPart(zip, name, (element, attributes) => {
    if (element !== 'Relationship' || attributes.TargetMode === 'External') return;
    const { Id: id, Type: type, Target: target } = attributes;
    if (id && type && target) found.push({ id, type, target });
  });
  return found;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the root. */
function resolvePart(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // kept as written
  }
  const joined = decoded.startsWith('/') ? decoded : path.posix.join(path.posix.dirname(source), decoded);
  return path.posix.normalize(joined).replace(/^\/+/, '');
}

const ofType = (list: Relationship[], suffix: string) => list.find((relation) => relation.type.endsWith(`/${suffix}`));

export async function readWorkbookLayout(zip: ZipArchive): Promise<WorkbookLayout> {
  const office = ofType(await relationships(zip, '_rels/.rels'), 'officeDocument');
  const workbook = office ? resolvePart('', office.target) : 'xl/workbook.xml';
  if (!zip.has(workbook)) throw new BatchInputError('xlsx-invalid');

  let firstSheetId: string | undefined;
  let date1904 = false;
  await readSmallPart(zip, workbook, (element, attributes) => {
    if (element === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
    if (element === 'sheet' && firstSheetId === undefined) firstSheetId = prefixedAttribute(attributes, 'id');
  });

  const workbookRels = await relationships(
    zip,
    path.posix.join(path.posix.dirname(workbook), '_rels', `${path.posix.basename(workbook)}.rels`),
  );
  const sheetRelation = workbookRels.find((relation) => relation.id === firstSheetId);
  if (!sheetRelation) throw new BatchInputError('xlsx-invalid');
  const sheet = resolvePart(workbook, sheetRelation.target);
  if (!zip.has(sheet)) throw new BatchInputError('xlsx-invalid');
  const part = (suffix: string) => {
    const relation = ofType(workbookRels, suffix);
    const name = relation ? resolvePart(workbook, relation.target) : null;
    return name && zip.has(name) ? name : null;
  };
  return { sheet, sharedStrings: part('sharedStrings'), styles: part('styles'), date1904 };
}
