import { StringDecoder } from 'node:string_decoder';
import sax from 'sax';
import { BatchInputError } from '../batch-input-error';

/** What a part reader does with the elements of one XML part (names without their namespace prefix). */
export interface XmlHandlers {
  open: (name: string, attributes: Readonly<Record<string, string>>) => void;
  close: (name: string) => void;
  text: (text: string) => void;
  /** True once the reader has what it needs: the rest of the part is not read. */
  done?: () => boolean;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * A strict, streaming XML parse (sax) of a part's chunks. A DOCTYPE is refused outright (a workbook never has one, and
 * that is where entity bombs and external entities live); only XML's five entities and character references are
 * known. Yields after each chunk, so the caller can hand on what the handlers collected without holding it all.
 */
export async function* parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): AsyncGenerator<void> {
  // strictEntities: only XML's own five entities (the typings predate the option).
  const parser = sax.parser(true, { strictEntities: true, position: false } as sax.SAXOptions);
  parser.onerror = () => {
    throw new BatchInputError('xlsx-invalid');
  };
  parser.ondoctype = () => {
    throw new BatchInputError('xlsx-invalid');
  };
  parser.onopentag = (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>);
  parser.onclosetag = (name) => handlers.close(localName(name));
  parser.ontext = handlers.text;
  parser.oncdata = handlers.text;
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    parser.write(decoder.write(chunk));
    yield;
    if (handlers.done?.()) return;
  }
  parser.write(decoder.end());
  parser.close();
  yield;
}

/** The attribute named `name` whatever its prefix (`r:id`, `x:id`…): relationship ids carry one. */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.includes(':') && localName(key) === name) return value;
  return undefined;
}
