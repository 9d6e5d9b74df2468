import { TextDecoder } from 'node:util';
import { Transform, type TransformCallback } from 'node:stream';
import type { TextEncoding } from './detect-encoding';

/** Bytes in the file's encoding → UTF-8 text, chunk by chunk (a character split across chunks is kept whole). */
export class DecodeStream extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: TextEncoding) {
    super();
    this.decoder = new TextDecoder(encoding);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, this.decoder.decode(chunk, { stream: true }));
  }

  override _flush(callback: TransformCallback): void {
    const rest = this.decoder.decode();
    callback(null, rest === '' ? undefined : rest);
  }
}
