import busboy from 'busboy';
import type { Request } from 'express';

export interface MemoryUpload {
  fields: Record<string, string>;
  files: Record<string, Buffer>;
  /** The first file over its limit, if any (its bytes are not kept). */
  tooLarge: string | null;
}

export interface MemoryUploadLimits {
  /** Largest size of each accepted file field, in bytes; files in other fields are drained and dropped. */
  files: Record<string, number>;
  fields?: number;
  fieldSize?: number;
}

/**
 * Reads a multipart/form-data post into memory, never to disk: the accepted files (each within its own limit) and
 * the text fields. What is read is the caller's to use and forget. Rejects on a malformed body.
 */
export function readMemoryUpload(req: Request, limits: MemoryUploadLimits): Promise<MemoryUpload> {
  const largest = Math.max(...Object.values(limits.files));
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: Record<string, Buffer> = {};
    let tooLarge: string | null = null;
    const parser = busboy({
      headers: req.headers,
      limits: {
        fileSize: largest + 1,
        files: Object.keys(limits.files).length + 2,
        fields: limits.fields ?? 40,
        fieldSize: limits.fieldSize ?? 8192,
      },
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      const limit = limits.files[name];
      if (limit === undefined || files[name] !== undefined) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) over = true;
        if (!over) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (over) tooLarge ??= name;
        else if (size > 0) files[name] = Buffer.concat(chunks);
      });
    });
    parser.on('error', (error) => {
      req.unpipe(parser);
      req.resume();
      reject(error);
    });
    parser.on('close', () => resolve({ fields, files, tooLarge }));
    req.pipe(parser);
  });
}
