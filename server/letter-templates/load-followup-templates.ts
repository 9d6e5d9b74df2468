import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../config/project-paths';
import { FOLLOWUP_TEMPLATE_NAMES, type FollowupTemplates } from '../core/followup/compose-followup';
import { LANGUAGES } from '../core/i18n/language';
import { compileLetterTemplate } from '../core/letter/letter-template';

/**
 * Reads and compiles `templates/<language>/followup/<name>.hbs` for every language and document, each with the
 * folder's `_common.hbs` (shared partials: sender, recipient, signature, the reference to the first letter) first.
 */
export function loadFollowupTemplates(directory = TEMPLATES_DIR): FollowupTemplates {
  const entries = LANGUAGES.map((language) => {
    const folder = path.join(directory, language, 'followup');
    const common = fs.readFileSync(path.join(folder, '_common.hbs'), 'utf8');
    const compiled = FOLLOWUP_TEMPLATE_NAMES.map((name) => {
      const source = fs.readFileSync(path.join(folder, `${name}.hbs`), 'utf8');
      return [name, compileLetterTemplate(`${common}\n${source}`)] as const;
    });
    return [language, Object.fromEntries(compiled)] as const;
  });
  return Object.fromEntries(entries) as FollowupTemplates;
}
