import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { romeDateOf } from '../core/time/rome-time';
import { ReceiptError } from './receipt-error';
import { RECEIPT_FORMS, RECEIPT_TYPES, type Daticert, type ReceiptForm, type ReceiptType } from './receipt-types';

/** A real daticert.xml is about 1 KB; anything far larger is not one. */
export const MAX_DATICERT_BYTES = 64 * 1024;
/** postacert/dati/data/giorno is the deepest element: four levels. */
const MAX_XML_DEPTH = 8;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The XML's text with its references decoded in one pass: the five predefined entities and character references.
 * The parser decodes nothing itself, so a DTD's entity can never be expanded; any other named entity is refused.
 */
function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]*);/g, (_whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0)
        throw new ReceiptError('xml-malformed', 'character reference out of range');
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[name];
    if (value === undefined) throw new ReceiptError('xml-entities', `entity &${name};`);
    return value;
  });
}

/** The bytes as text, in the encoding the XML declaration names (UTF-8 unless it says Latin-1 or ASCII). */
function decodeBytes(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  const encoding =
    declared === undefined || declared === 'utf-8' || declared === 'utf8'
      ? 'utf-8'
      : ['iso-8859-1', 'latin1', 'windows-1252', 'us-ascii'].includes(declared)
        ? 'windows-1252'
        : null;
  if (!encoding) throw new ReceiptError('xml-malformed', `encoding ${declared}`);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ReceiptError('xml-malformed', 'bytes do not match the declared encoding');
  }
}

type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

/** The one child of that name; two of them (two msgid, two dates…) make the receipt ambiguous, never guessed. */
function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[name];
  if (Array.isArray(value)) throw new ReceiptError('daticert-ambiguous', `more than one <${name}>`);
  return value;
}

function textOf(node: XmlNode | undefined): string | null {
  if (node === undefined) return null;
  const raw = typeof node === 'string' ? node : node['#text'];
  if (raw === undefined) return '';
  if (typeof raw !== 'string') throw new ReceiptError('daticert-ambiguous', 'split text');
  return decodeReferences(raw).trim();
}

function attributeOf(node: XmlNode | undefined, name: string): string | null {
  if (node === undefined || typeof node === 'string') return null;
  const value = node[`@${name}`];
  return typeof value === 'string' ? decodeReferences(value).trim() : null;
}

function required(value: string | null, what: string): string {
  if (!value) throw new ReceiptError('daticert-incomplete', `no ${what}`);
  return value;
}

/** `15/11/2024`, `18:20:38`, `+0100` → the instant; a date that does not exist is refused. */
function instantOf(day: string, time: string, zone: string): number {
  if (!/^\d{2}\/\d{2}\/\d{4}$/.test(day) || !/^\d{2}:\d{2}:\d{2}$/.test(time) || !/^[+-]\d{4}$/.test(zone))
    throw new ReceiptError('bad-date', `${day} ${time} ${zone}`);
  const parsed = DateTime.fromFormat(`${day} ${time} ${zone}`, 'dd/MM/yyyy HH:mm:ss ZZZ', { setZone: true });
  if (!parsed.isValid) throw new ReceiptError('bad-date', `${day} ${time} ${zone}`);
  return parsed.toMillis();
}

function wellFormed(xml: string): boolean {
  try {
    return XMLValidator.validate(xml) === true;
  } catch {
    return false;
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
  isArray: (name) => name === 'destinatari',
});

/**
 * Reads daticert.xml, the provider's certified data. Refused: more than 64 KB, bytes that are not well-formed XML,
 * a DOCTYPE with an internal subset or any entity declaration (a real daticert names an external DTD at most, which
 * is never fetched), nesting deeper than 8, a field given twice, a type or a date that is not one of PEC's.
 */
export function readDaticert(bytes: Uint8Array): Daticert {
  if (bytes.byteLength > MAX_DATICERT_BYTES) throw new ReceiptError('daticert-too-large');
  const xml = decodeBytes(bytes);
  if (/<!ENTITY/i.test(xml) || /<!DOCTYPE[^>]*\[/i.test(xml)) throw new ReceiptError('xml-entities', 'DTD subset');
  if (!wellFormed(xml)) throw new ReceiptError('xml-malformed');
  let document: Record<string, XmlNode>;
  try {
    document = parser.parse(xml) as Record<string, XmlNode>;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    throw new ReceiptError(/nested/i.test(message) ? 'xml-too-deep' : 'xml-malformed');
  }
  const root = child(document, 'postacert');
  if (root === undefined || typeof root === 'string') throw new ReceiptError('daticert-incomplete', 'no <postacert>');
  const header = child(root, 'intestazione');
  const data = child(root, 'dati');
  const date = child(data, 'data');

  const type = required(attributeOf(root, 'tipo'), 'tipo');
  if (!(RECEIPT_TYPES as readonly string[]).includes(type)) throw new ReceiptError('unknown-type', type);
  const form = attributeOf(child(data, 'ricevuta'), 'tipo');

  const day = required(textOf(child(date, 'giorno')), 'giorno');
  const time = required(textOf(child(date, 'ora')), 'ora');
  const zone = required(attributeOf(date, 'zona'), 'zona');
  const issuedAt = instantOf(day, time, zone);

  const recipientNodes =
    typeof header === 'object' && Array.isArray(header['destinatari']) ? header['destinatari'] : [];
  return {
    type: type as ReceiptType,
    error: attributeOf(root, 'errore') ?? 'nessuno',
    sender: required(textOf(child(header, 'mittente')), 'mittente'),
    recipients: recipientNodes.map((node) => ({
      address: required(textOf(node), 'destinatari'),
      kind: attributeOf(node, 'tipo') ?? 'certificato',
    })),
    replyTo: textOf(child(header, 'risposte')),
    subject: textOf(child(header, 'oggetto')) ?? '',
    issuer: textOf(child(data, 'gestore-emittente')) ?? '',
    issuedAt,
    issuedOnRomeDate: romeDateOf(issuedAt),
    issuedAsWritten: { day, time, zone },
    id: required(textOf(child(data, 'identificativo')), 'identificativo'),
    messageId: required(textOf(child(data, 'msgid')), 'msgid'),
    form: form && (RECEIPT_FORMS as readonly string[]).includes(form) ? (form as ReceiptForm) : null,
    deliveredTo: textOf(child(data, 'consegna')),
    receivedFrom: textOf(child(data, 'ricezione')),
    errorDetail: textOf(child(data, 'errore-esteso')),
  };
}
