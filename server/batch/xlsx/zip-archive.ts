import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { BatchInputError } from '../batch-input-error';
import type { XlsxLimits } from './xlsx-limits';

const MB = 1024 * 1024;

/**
 * An .xlsx opened for random access: its central directory read and checked before any entry is inflated (entry
 * count, each entry's size and compression ratio, the total, no encryption, no unknown method, no duplicate name).
 * Entries are found by name (case-insensitive, as OPC names are) and read as streams that stop past their limit.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: XlsxLimits,
  ) {}

  static async open(file: string, limits: XlsxLimits): Promise<ZipArchive> {
    const zip = await yauzl
      .openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false })
      .catch(() => {
        throw new BatchInputError('xlsx-invalid');
      });
    try {
      if (zip.entryCount > limits.maxEntries) throw new BatchInputError('xlsx-entries', { limit: limits.maxEntries });
      const entries = new Map<string, yauzl.Entry>();
      let total = 0;
      for await (const entry of zip.eachEntry()) {
        checkEntry(entry, limits);
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes)
          throw new BatchInputError('xlsx-too-large', { limit: Math.round(limits.maxTotalBytes / MB) });
        const name = entry.fileName.toLowerCase();
        if (entries.has(name)) throw new BatchInputError('xlsx-invalid');
        entries.set(name, entry);
      }
      return new ZipArchive(zip, entries, limits);
    } catch (error) {
      zip.close();
      throw error instanceof BatchInputError ? error : new BatchInputError('xlsx-invalid');
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The entry's inflated bytes, chunk by chunk; a lying size or bad data surfaces as a BatchInputError. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new BatchInputError('xlsx-invalid');
    let stream: Readable | null = null;
    let inflated = 0;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        // yauzl already stops at the declared size (checked above); this holds whatever a header claims.
        if (inflated > this.limits.maxEntryBytes)
          throw new BatchInputError('xlsx-too-large', { limit: Math.round(this.limits.maxEntryBytes / MB) });
        yield chunk as Buffer;
      }
    } catch (error) {
      throw error instanceof BatchInputError ? error : new BatchInputError('xlsx-invalid');
    } finally {
      stream?.destroy();
    }
  }

  /** A small part read whole (relationships, the workbook), as text. */
  async text(name: string, maxBytes: number): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.chunks(name)) {
      size += chunk.length;
      if (size > maxBytes) throw new BatchInputError('xlsx-invalid');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}

function checkEntry(entry: yauzl.Entry, limits: XlsxLimits): void {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8))
    throw new BatchInputError('xlsx-invalid');
  if (entry.uncompressedSize > limits.maxEntryBytes)
    throw new BatchInputError('xlsx-too-large', { limit: Math.round(limits.maxEntryBytes / MB) });
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
    throw new BatchInputError('xlsx-ratio', { limit: limits.maxRatio });
}
