import fs from 'node:fs';
import { firstLineOfStdin, readHiddenLine } from './secret-input';

/** What a command may touch, so tests can run commands in-process and read what they printed. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readText: (file: string) => string;
  writeFile: (file: string, bytes: Buffer) => void;
  /** Bytes of a file (a letter PDF, a PEC receipt); absent: only text files can be read. */
  readBytes?: (file: string) => Buffer;
  /** Creates a folder and its parents. */
  makeDirectory?: (folder: string) => void;
  env: NodeJS.ProcessEnv;
  /**
   * A secret (a password): asked on the terminal without echo when standard input is one (`interactive`), else the
   * first line of standard input. Absent: the command cannot read one.
   */
  readSecret?: (prompt: string) => Promise<string>;
  interactive?: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (file) => (file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8')),
  writeFile: (file, bytes) => fs.writeFileSync(file, bytes),
  readBytes: (file) => (file === '-' ? fs.readFileSync(0) : fs.readFileSync(file)),
  makeDirectory: (folder) => fs.mkdirSync(folder, { recursive: true }),
  env: process.env,
  readSecret: (prompt) =>
    process.stdin.isTTY ? readHiddenLine(process.stdin, process.stderr, prompt) : Promise.resolve(firstLineOfStdin()),
  get interactive() {
    return Boolean(process.stdin.isTTY);
  },
};

/** 1: not eligible (assess, letter) or no document applies (followup). */
export const EXIT = { ok: 0, notEligible: 1, invalid: 2 } as const;
