import fs from 'node:fs';
import path from 'node:path';

/** `20261123-183000-<key prefix>.eml`: sortable by time, no personal data in the name. */
export const EML_FILE = /^\d{8}-\d{6}-[0-9a-f]{16}\.eml$/;

/** Writes the message as an .eml file (via a temporary name, so a reader never sees half a message). */
export function writeEmlFile(dir: string, key: string, raw: Buffer, now = new Date()): string {
  // Whole messages, letters of other people included: for the user running the server only.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const name = `${stamp}-${key.slice(0, 16)}.eml`;
  const temporary = path.join(dir, `.${name}.tmp`);
  fs.writeFileSync(temporary, raw, { mode: 0o600 });
  fs.renameSync(temporary, path.join(dir, name));
  return name;
}

export interface EmlFile {
  name: string;
  size: number;
  modifiedAt: Date;
}

/** The local outbox's messages, newest first. */
export function listEmlFiles(dir: string): EmlFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => EML_FILE.test(name))
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, size: stat.size, modifiedAt: stat.mtime };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** The bytes of one listed file; null for any name that is not one (no path can escape the folder). */
export function readEmlFile(dir: string, name: string): Buffer | null {
  if (!EML_FILE.test(name)) return null;
  try {
    return fs.readFileSync(path.join(dir, name));
  } catch {
    return null;
  }
}
