import zlib from 'node:zlib';

let table: Uint32Array | null = null;

/** CRC-32 as ZIP uses it, by table, for Node releases without zlib.crc32 (before 20.15). */
function tableCrc32(bytes: Uint8Array, value: number): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let index = 0; index < 256; index += 1) {
      let crc = index;
      for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
      table[index] = crc >>> 0;
    }
  }
  let crc = ~value;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

type Crc32 = (bytes: Uint8Array, value?: number) => number;
const native = (zlib as { crc32?: Crc32 }).crc32;

/** CRC-32 of `bytes`, continuing from `value` (0 to start). */
export function crc32(bytes: Uint8Array, value = 0): number {
  return native ? native(bytes, value) : tableCrc32(bytes, value);
}

export const crc32ByTable = (bytes: Uint8Array, value = 0): number => tableCrc32(bytes, value);
