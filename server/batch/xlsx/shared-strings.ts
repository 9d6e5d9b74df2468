import { BatchInputError } from '../batch-input-error';
import { parseXml } from './xml-events';
import type { XlsxLimits } from './xlsx-limits';
import type { ZipArchive } from './zip-archive';

/**
 * The shared-string table: one text per `<si>` (its `<t>` runs joined, phonetic `<rPh>` runs left out), bounded in
 * count and characters so a "shared strings bomb" is refused instead of filling memory.
 */
export async function readSharedStrings(zip: ZipArchive, name: string, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  let chars = 0;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const tooComplex = () => new BatchInputError('xlsx-too-complex');
  const parts = parseXml(zip.chunks(name), {
    open: (element) => {
      if (element === 'si') current = '';
      else if (element === 'rPh') phonetic += 1;
      else if (element === 't' && current !== null && phonetic === 0) inText = true;
    },
    close: (element) => {
      if (element === 't') inText = false;
      else if (element === 'rPh') phonetic -= 1;
      else if (element === 'si' && current !== null) {
        if (strings.length >= limits.maxSharedStrings) throw tooComplex();
        strings.push(current);
        current = null;
      }
    },
    text: (text) => {
      if (!inText || current === null) return;
      chars += text.length;
      if (chars > limits.maxSharedChars) throw tooComplex();
      current += text;
    },
  });
  for await (const _ of parts);
  return strings;
}
