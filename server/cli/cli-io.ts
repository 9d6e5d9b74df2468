import fs from 'node:fs';

/** What a command may touch, so tests can run commands in-process and read what they printed. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readText: (file: string) => string;
  readBytes: (file: string) => Buffer;
  writeFile: (file: string, bytes: Buffer) => void;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (file) => (file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8')),
  readBytes: (file) => (file === '-' ? fs.readFileSync(0) : fs.readFileSync(file)),
  writeFile: (file, bytes) => fs.writeFileSync(file, bytes),
  env: process.env,
};

export const EXIT = { ok: 0, notEligible: 1, invalid: 2 } as const;
