import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from '../core/i18n/language';
import type { LetterTemplates } from '../core/letter/compose-letter';
import { compileLetterTemplate } from '../core/letter/letter-template';
import { TEMPLATES_DIR } from '../config/project-paths';

/** Reads and compiles `templates/<language>/letter.hbs` for every language, once at start-up. */
export function loadLetterTemplates(directory = TEMPLATES_DIR): LetterTemplates {
  const entries = LANGUAGES.map((language) => {
    const source = fs.readFileSync(path.join(directory, language, 'letter.hbs'), 'utf8');
    return [language, compileLetterTemplate(source)] as const;
  });
  return Object.fromEntries(entries) as LetterTemplates;
}
