import zlib from 'node:zlib';

/**
 * ZIP files built byte by byte, for the hostile-file tests: an entry may be given already deflated (a gigabyte of
 * zeros costs a megabyte to make), and may lie about its sizes in the central directory, as an attacker's would.
 */
export interface ForgedEntry {
  name: string;
  /** The bytes, deflated here; or `deflated` with the size and CRC of what it inflates to. */
  content?: Buffer | string;
  deflated?: Deflated;
  /** Store instead of deflate (only with `content`). */
  store?: boolean;
  /** What the headers claim the entry inflates to (defaults to the truth). */
  claimedSize?: number;
}

const CHUNK = 1024 * 1024;

export type Deflated = { bytes: Buffer; size: number; crc: number };

/**
 * A raw deflate stream of the segments in order, each `text` repeated `times` times: each megabyte of a segment is
 * deflated once and its (sync-flushed) blocks repeated, so a gigabyte of XML costs a moment to make.
 */
export function deflatedSequence(segments: readonly { text: string | Buffer; times?: number }[]): Deflated {
  const parts: Buffer[] = [];
  let crc = 0;
  let size = 0;
  const add = (chunk: Buffer, repeat: number) => {
    if (chunk.length === 0 || repeat === 0) return;
    const part = zlib.deflateRawSync(chunk, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    for (let index = 0; index < repeat; index += 1) {
      parts.push(part);
      crc = zlib.crc32(chunk, crc);
    }
    size += chunk.length * repeat;
  };
  for (const { text, times = 1 } of segments) {
    const unit = Buffer.from(text);
    const perChunk = Math.max(1, Math.floor(CHUNK / unit.length));
    const full = Math.floor(times / perChunk);
    add(Buffer.concat(Array.from({ length: Math.min(perChunk, times) }, () => unit)), full);
    add(Buffer.concat(Array.from({ length: times - full * perChunk }, () => unit)), 1);
  }
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { bytes: Buffer.concat(parts), size, crc };
}

/** `size` zero bytes, deflated (about 1,000:1). */
export function deflatedZeros(size: number): Deflated {
  return deflatedSequence([{ text: Buffer.alloc(CHUNK), times: Math.ceil(size / CHUNK) }]);
}

function dosTime(): { time: number; date: number } {
  return { time: 0, date: ((2024 - 1980) << 9) | (1 << 5) | 1 };
}

/** The archive's bytes: local headers and data, then the central directory and its end record. */
export function forgeZip(entries: readonly ForgedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const { time, date } = dosTime();
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    let data: Buffer;
    let size: number;
    let crc: number;
    let method: number;
    if (entry.deflated) {
      ({ bytes: data, size, crc } = entry.deflated);
      method = 8;
    } else {
      const content = Buffer.from(entry.content ?? '');
      size = content.length;
      crc = zlib.crc32(content);
      method = entry.store ? 0 : 8;
      data = entry.store ? content : zlib.deflateRawSync(content);
    }
    const claimed = entry.claimedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(claimed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const records: Buffer[] = [];
  if (entries.length >= 0xffff) {
    // More entries than the classic end record can count: the ZIP64 end record and its locator say how many.
    const zip64 = Buffer.alloc(56);
    zip64.writeUInt32LE(0x06064b50, 0);
    zip64.writeBigUInt64LE(44n, 4);
    zip64.writeUInt16LE(45, 12);
    zip64.writeUInt16LE(45, 14);
    zip64.writeBigUInt64LE(BigInt(entries.length), 24);
    zip64.writeBigUInt64LE(BigInt(entries.length), 32);
    zip64.writeBigUInt64LE(BigInt(directory.length), 40);
    zip64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    records.push(zip64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, ...records, end]);
}
