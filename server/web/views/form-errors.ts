import type { FieldError } from '../../core/claim/field-error-schema';

export interface FormErrors {
  /** The error summary: one link per problem, in the order of the form. */
  summary: { href: string; message: string }[];
  /** The message shown next to each field. */
  byField: Record<string, string>;
}

export interface FormErrorNaming {
  fieldOf: (path: string) => string;
  fieldId: (name: string) => string;
  /** The field's label, so a summary line says which question it is about. */
  labelOf: (field: string) => string;
}

/**
 * Field errors of the claim → the GOV.UK error summary (each line names its question and links to the field) and the
 * messages shown next to the fields.
 */
export function formErrors(errors: FieldError[], naming: FormErrorNaming): FormErrors {
  const byField: Record<string, string> = {};
  const summary: FormErrors['summary'] = [];
  for (const error of errors) {
    const field = naming.fieldOf(error.path);
    if (field && byField[field] !== undefined) continue;
    if (field) byField[field] = error.message;
    summary.push({
      href: `#${field ? naming.fieldId(field) : 'claim-form'}`,
      message: field ? `${naming.labelOf(field)}: ${error.message}` : error.message,
    });
  }
  return { summary, byField };
}
