import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import yazl from 'yazl';

/** Bytes handed to the ZIP but not yet on disk before `add` waits: keeps memory flat when the disk is slow. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

/**
 * A ZIP written to disk as entries come, with back-pressure. Every entry gets the letters' date as its time stamp, so
 * the same letters always give the same archive bytes.
 */
export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly out: fs.WriteStream;
  private readonly done: Promise<void>;
  private added = 0;

  /** The letters' date: set by the first letter, used for every later entry and the report. */
  private mtime: Date | null = null;

  constructor(file: string) {
    this.out = fs.createWriteStream(file, { mode: 0o600 });
    this.done = finished(this.zip.outputStream.pipe(this.out));
    this.done.catch(() => undefined);
  }

  /** PDFs are compressed inside already: they are stored, not deflated again. */
  async addBuffer(name: string, bytes: Buffer, date: Date): Promise<void> {
    this.mtime ??= date;
    // Not addBuffer: yazl keeps each buffer-entry's bytes (in its pump closure) until the archive ends, so memory grew
    // with every letter (~370 MB for 10,000). A lazy stream lets go of the bytes once they are written.
    let pending: Buffer | null = bytes;
    this.zip.addReadStreamLazy(name, { mtime: this.mtime, compress: false, size: bytes.length }, (callback) => {
      const stream = new PassThrough();
      stream.end(pending);
      pending = null;
      callback(null, stream);
    });
    this.added += bytes.length;
    while (this.added - this.out.bytesWritten > MAX_PENDING_BYTES && !this.out.destroyed) await sleep(5);
  }

  addFile(name: string, file: string): void {
    this.zip.addFile(file, name, { mtime: this.mtime ?? new Date(), compress: true });
  }

  async end(): Promise<void> {
    this.zip.end();
    await this.done;
  }
}
