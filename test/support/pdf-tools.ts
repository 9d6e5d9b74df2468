import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Poppler's real parsers (Debian's poppler-utils, installed by .ci/run), not a re-implementation. */
function withPdfFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-pdf-'));
  const file = path.join(dir, 'letter.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF (or of one page), with runs of spaces folded so sentences can be searched. */
export function pdfText(pdf: Buffer, page?: number): string {
  return withPdfFile(pdf, (file) => {
    const range = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
  });
}

/** Text with line breaks and hyphenation-free wrapping undone, for phrase searches. */
export function flatText(pdf: Buffer, page?: number): string {
  return pdfText(pdf, page).replace(/\s+/g, ' ');
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  return withPdfFile(pdf, (file) => {
    const output = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const info: Record<string, string> = { raw: execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }) };
    for (const line of output.split('\n')) {
      const match = /^([A-Za-z /]+):\s+(.*)$/.exec(line);
      if (match && !(match[1]!.trim() in info)) info[match[1]!.trim()] = match[2]!.trim();
    }
    return info;
  });
}
