import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { crc32 } from './crc32';
import {
  centralRecord,
  dosDateTime,
  endOfCentralDirectory,
  localHeader,
  MAX_ENTRY_BYTES,
  type DosTime,
  type EntryMethod,
} from './zip-records';

/** Central directory records are gathered in chunks of this size (more than the largest record), then spilled. */
const SPILL_CHUNK_BYTES = 128 * 1024;

export interface ZipWriterOptions {
  /**
   * The batch's own folder: the central directory is spilled there (one 0600 file, removed by `end` and `close`) so
   * that memory stays flat however many entries the archive gets.
   */
  workDir: string;
}

/**
 * A ZIP written straight to disk, entry after entry, in O(1) memory: each entry's local header (with its CRC and
 * sizes, no data descriptors) and data go to the file as they come, its central directory record to a spill file in
 * the batch's folder, copied behind the entries at the end. ZIP64 (the end record and its locator, the offset in the
 * entry's extra field) is used only where the format needs it: more than 65,534 entries or offsets past 4 GB. Time
 * stamps are DOS local times taken from the date given (no zone-dependent extra field), so the same letters always
 * give the same archive bytes.
 */
export class ZipWriter {
  private offset = 0;
  private entries = 0;
  private readonly chunk = Buffer.allocUnsafe(SPILL_CHUNK_BYTES);
  private chunkUsed = 0;
  private spilled = 0;
  /** The letters' date: set by the first letter, used for every later entry (the report's too). */
  private time: DosTime | null = null;
  private closed = false;

  private constructor(
    private readonly out: fs.FileHandle,
    private readonly spill: fs.FileHandle,
    private readonly spillFile: string,
  ) {}

  static async create(file: string, options: ZipWriterOptions): Promise<ZipWriter> {
    const spillFile = path.join(options.workDir, `${path.basename(file)}.central-directory`);
    const out = await fs.open(file, 'w', 0o600);
    try {
      const spill = await fs.open(spillFile, 'w+', 0o600);
      return new ZipWriter(out, spill, spillFile);
    } catch (error) {
      await out.close();
      throw error;
    }
  }

  get entryCount(): number {
    return this.entries;
  }

  /** Stored as they are (PDFs are compressed inside already). */
  async addBuffer(name: string, bytes: Uint8Array, date: Date): Promise<void> {
    this.time ??= dosDateTime(date);
    if (bytes.length >= MAX_ENTRY_BYTES) throw new Error(`zip entry ${name} is too large`);
    const entry = { name: Buffer.from(name, 'utf8'), method: 'stored' as EntryMethod, time: this.time };
    const sizes = { crc: crc32(bytes), compressed: bytes.length, uncompressed: bytes.length };
    const header = localHeader(entry, sizes);
    const start = this.offset;
    await this.write([header, bytes]);
    await this.record(centralRecord(entry, sizes, start));
  }

  /** A file from disk, deflated as it is read; its header gets the CRC and sizes once they are known. */
  async addFile(name: string, file: string): Promise<void> {
    const entry = { name: Buffer.from(name, 'utf8'), method: 'deflated' as EntryMethod, time: this.time ?? now() };
    const start = this.offset;
    const placeholder = localHeader(entry, { crc: 0, compressed: 0, uncompressed: 0 });
    await this.write([placeholder]);
    const sizes = { crc: 0, compressed: 0, uncompressed: 0 };
    const input = (await fs.open(file, 'r')).createReadStream();
    const deflate = zlib.createDeflateRaw();
    input.on('data', (chunk) => {
      const bytes = chunk as Buffer;
      sizes.crc = crc32(bytes, sizes.crc);
      sizes.uncompressed += bytes.length;
    });
    input.on('error', (error) => deflate.destroy(error));
    input.pipe(deflate);
    for await (const compressed of deflate) {
      const bytes = compressed as Buffer;
      sizes.compressed += bytes.length;
      if (sizes.compressed >= MAX_ENTRY_BYTES || sizes.uncompressed >= MAX_ENTRY_BYTES)
        throw new Error(`zip entry ${name} is too large`);
      await this.write([bytes]);
    }
    const header = localHeader(entry, sizes);
    await this.out.write(header, 0, header.length, start);
    await this.record(centralRecord(entry, sizes, start));
  }

  /** Writes the central directory and the end records, and closes the archive. */
  async end(): Promise<void> {
    await this.flushChunk();
    const directoryStart = this.offset;
    const buffer = Buffer.allocUnsafe(SPILL_CHUNK_BYTES);
    for (let read = 0; read < this.spilled;) {
      const { bytesRead } = await this.spill.read(buffer, 0, Math.min(buffer.length, this.spilled - read), read);
      if (bytesRead === 0) throw new Error('central directory spill file ended early');
      read += bytesRead;
      await this.write([buffer.subarray(0, bytesRead)]);
    }
    await this.write([endOfCentralDirectory(this.entries, directoryStart, this.spilled)]);
    await this.close();
  }

  /** Closes both files and removes the spill file (also after a failure; the archive itself is the caller's). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.out.close(), this.spill.close()]);
    await fs.rm(this.spillFile, { force: true });
  }

  private async write(buffers: Uint8Array[]): Promise<void> {
    let length = 0;
    for (const buffer of buffers) length += buffer.length;
    let done = (await this.out.writev(buffers, this.offset)).bytesWritten;
    if (done < length) {
      // A short write (a full disk gives an error instead): the rest, piece by piece.
      const whole = Buffer.concat(buffers);
      while (done < length) done += (await this.out.write(whole, done, length - done, this.offset + done)).bytesWritten;
    }
    this.offset += length;
  }

  private async record(record: Buffer): Promise<void> {
    this.entries += 1;
    if (this.chunkUsed + record.length > this.chunk.length) await this.flushChunk();
    record.copy(this.chunk, this.chunkUsed);
    this.chunkUsed += record.length;
  }

  private async flushChunk(): Promise<void> {
    if (this.chunkUsed === 0) return;
    await this.spill.write(this.chunk, 0, this.chunkUsed, this.spilled);
    this.spilled += this.chunkUsed;
    this.chunkUsed = 0;
  }
}

function now(): DosTime {
  return dosDateTime(new Date());
}
