import type { FieldError } from '../core/claim/validate-claim';
import type { Language } from '../core/i18n/language';
import type { CliIo } from './cli-io';
import { CLI_TEXTS as MESSAGES } from './cli-texts';

/** Reads a claim JSON file ("-" for standard input); problems come back as field errors, like invalid input. */
export function readClaimFile(
  io: CliIo,
  file: string,
  language: Language,
): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  let text: string;
  try {
    text = io.readText(file);
  } catch {
    return { ok: false, errors: [{ path: '', message: MESSAGES.unreadable[language].replace('{file}', file) }] };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false, errors: [{ path: '', message: MESSAGES.notJson[language].replace('{file}', file) }] };
  }
}

export function printErrors(io: CliIo, errors: FieldError[]): void {
  for (const error of errors) io.stderr(`${error.path ? `${error.path}: ` : ''}${error.message}\n`);
}
