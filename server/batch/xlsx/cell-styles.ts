import { BatchInputError } from '../batch-input-error';
import { parseXml } from './xml-events';
import type { XlsxLimits } from './xlsx-limits';
import type { ZipArchive } from './zip-archive';

/** Excel's built-in number formats that show a date or a time (ids 14–22, 45–47, and the East Asian 27–36, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A format code shows a date when, outside quoted text and [brackets], it has a date or time letter. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** For each cell style (`s` of a cell, an index into `<cellXfs>`), whether its number format is a date. */
export async function readDateStyles(zip: ZipArchive, name: string, limits: XlsxLimits): Promise<boolean[]> {
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  const parts = parseXml(zip.chunks(name), {
    open: (element, attributes) => {
      if (element === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (element === 'cellXfs') inCellXfs = true;
      else if (element === 'xf' && inCellXfs) {
        if (styleFormats.length >= limits.maxStyles) throw new BatchInputError('xlsx-too-complex');
        styleFormats.push(Number(attributes.numFmtId ?? 0));
      }
    },
    close: (element) => {
      if (element === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  for await (const _ of parts);
  return styleFormats.map((id) => {
    const custom = customFormats.get(id);
    return custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormatCode(custom);
  });
}
