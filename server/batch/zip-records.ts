/**
 * The records of a ZIP archive (PKWARE APPNOTE 6.3.x, sections 4.3 and 4.5), as the ZIP writer uses them: UTF-8
 * names, stored or deflated entries whose CRC and sizes are in the local header, ZIP64 only where a value does not
 * fit its 16- or 32-bit field.
 */

export type EntryMethod = 'stored' | 'deflated';

export interface DosTime {
  time: number;
  date: number;
}

export interface ZipEntry {
  /** UTF-8 bytes of the name. */
  name: Buffer;
  method: EntryMethod;
  time: DosTime;
}

export interface EntrySizes {
  crc: number;
  compressed: number;
  uncompressed: number;
}

/** An entry's sizes must fit 32 bits (letters are ~100 KB): ZIP64 is used for offsets and counts only. */
export const MAX_ENTRY_BYTES = 0xffffffff;

const UINT32_MAX = 0xffffffff;
const UINT16_MAX = 0xffff;
const UTF8_NAME = 1 << 11;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
/** Made by: Unix (3), APPNOTE 4.5: the external attributes are Unix modes. */
const MADE_BY = (3 << 8) | VERSION_ZIP64;
/** A regular file, rw-r--r--. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;

function methodCode(method: EntryMethod): number {
  return method === 'stored' ? 0 : 8;
}

/** DOS date and time from the date's local fields (two-second resolution, 1980–2107). */
export function dosDateTime(date: Date): DosTime {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  return {
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
  };
}

function checkName(name: Buffer): void {
  if (name.length === 0 || name.length > UINT16_MAX) throw new Error('zip entry name must be 1 to 65,535 bytes');
}

/**
 * The fields the local header and the central record share, in the same order (flags, method, time, date, CRC, sizes,
 * name length), from `at`.
 */
function writeEntryFields(buffer: Buffer, at: number, entry: ZipEntry, sizes: EntrySizes): void {
  buffer.writeUInt16LE(UTF8_NAME, at);
  buffer.writeUInt16LE(methodCode(entry.method), at + 2);
  buffer.writeUInt16LE(entry.time.time, at + 4);
  buffer.writeUInt16LE(entry.time.date, at + 6);
  buffer.writeUInt32LE(sizes.crc >>> 0, at + 8);
  buffer.writeUInt32LE(sizes.compressed, at + 12);
  buffer.writeUInt32LE(sizes.uncompressed, at + 16);
  buffer.writeUInt16LE(entry.name.length, at + 20);
}

/** Local file header (4.3.7), with the CRC and sizes: no data descriptor follows the data. */
export function localHeader(entry: ZipEntry, sizes: EntrySizes): Buffer {
  checkName(entry.name);
  const header = Buffer.alloc(30 + entry.name.length);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION_DEFAULT, 4);
  writeEntryFields(header, 6, entry, sizes);
  // extra field length: 0
  entry.name.copy(header, 30);
  return header;
}

/**
 * Central directory file header (4.3.12): 46 bytes + the name, + a 12-byte ZIP64 extra field (4.5.3) holding the
 * local header's offset when it is at or past 4 GB.
 */
export function centralRecord(entry: ZipEntry, sizes: EntrySizes, offset: number): Buffer {
  checkName(entry.name);
  const zip64 = offset >= UINT32_MAX;
  const extra = zip64 ? 12 : 0;
  const record = Buffer.alloc(46 + entry.name.length + extra);
  record.writeUInt32LE(CENTRAL_HEADER, 0);
  record.writeUInt16LE(MADE_BY, 4);
  record.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DEFAULT, 6);
  writeEntryFields(record, 8, entry, sizes);
  record.writeUInt16LE(extra, 30);
  // comment length, disk number start, internal attributes: 0 (Buffer.alloc)
  record.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  record.writeUInt32LE(zip64 ? UINT32_MAX : offset, 42);
  entry.name.copy(record, 46);
  if (zip64) {
    const at = 46 + entry.name.length;
    record.writeUInt16LE(ZIP64_EXTRA, at);
    record.writeUInt16LE(8, at + 2);
    record.writeBigUInt64LE(BigInt(offset), at + 4);
  }
  return record;
}

/**
 * The end of the archive: the end of central directory record (4.3.16), preceded by the ZIP64 end of central
 * directory record (4.3.14) and its locator (4.3.15) when the entry count, the directory's size or its offset does
 * not fit (the fields that do not fit then read 0xFFFF / 0xFFFFFFFF).
 */
export function endOfCentralDirectory(entries: number, directoryStart: number, directorySize: number): Buffer {
  const countFits = entries < UINT16_MAX;
  const sizeFits = directorySize < UINT32_MAX;
  const startFits = directoryStart < UINT32_MAX;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_RECORD, 0);
  end.writeUInt16LE(countFits ? entries : UINT16_MAX, 8);
  end.writeUInt16LE(countFits ? entries : UINT16_MAX, 10);
  end.writeUInt32LE(sizeFits ? directorySize : UINT32_MAX, 12);
  end.writeUInt32LE(startFits ? directoryStart : UINT32_MAX, 16);
  if (countFits && sizeFits && startFits) return end;

  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(ZIP64_END_RECORD, 0);
  zip64End.writeBigUInt64LE(BigInt(56 - 12), 4);
  zip64End.writeUInt16LE(MADE_BY, 12);
  zip64End.writeUInt16LE(VERSION_ZIP64, 14);
  zip64End.writeBigUInt64LE(BigInt(entries), 24);
  zip64End.writeBigUInt64LE(BigInt(entries), 32);
  zip64End.writeBigUInt64LE(BigInt(directorySize), 40);
  zip64End.writeBigUInt64LE(BigInt(directoryStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(ZIP64_LOCATOR, 0);
  locator.writeBigUInt64LE(BigInt(directoryStart + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([zip64End, locator, end]);
}
