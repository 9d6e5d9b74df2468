import fs from 'node:fs/promises';
import YAML from 'yaml';
import { associationSchema, type Association } from '../core/claim/association-schema';
import type { FieldError } from '../core/claim/field-error-schema';
import { validateWith } from '../core/claim/validate-claim';
import type { Language } from '../core/i18n/language';
import { ASSOCIATION_FILE_UNREADABLE as UNREADABLE } from './batch-texts';

/** association.json or association.yaml (YAML reads JSON too), validated with the same schema as the web form. */
export async function readAssociationFile(
  file: string,
  language: Language,
): Promise<{ ok: true; value: Association } | { ok: false; errors: FieldError[] }> {
  let parsed: unknown;
  try {
    parsed = YAML.parse((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ path: '', message: UNREADABLE[language].replace('{file}', file) }] };
  }
  const validated = validateWith(associationSchema, parsed, language);
  if (validated.ok) return validated;
  return {
    ok: false,
    errors: validated.errors.map((error) => ({
      ...error,
      path: error.path ? `association.${error.path}` : 'association',
    })),
  };
}
