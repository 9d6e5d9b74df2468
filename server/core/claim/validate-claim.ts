import type { z } from 'zod';
import { interpolate, type Language } from '../i18n/language';
import { claimSchema, type Claim } from './claim-schema';
import type { FieldError } from './field-error-schema';
import { TYPE_NAMES, VALIDATION_MESSAGES, isValidationMessageKey, type ValidationMessageKey } from './validation-texts';

export type { FieldError };

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function message(key: ValidationMessageKey, language: Language, params?: Record<string, unknown>): string {
  const safeParams: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') safeParams[name] = value;
  }
  return interpolate(VALIDATION_MESSAGES[key][language], safeParams);
}

/** A field error worded from the validation messages, for checks made outside the schema. */
export function fieldError(
  path: string,
  key: ValidationMessageKey,
  language: Language,
  params?: Record<string, unknown>,
): FieldError {
  return { path, message: message(key, language, params) };
}

function describeIssue(issue: z.core.$ZodIssue, language: Language, input: unknown): string {
  if (isValidationMessageKey(issue.message)) {
    const params = issue.code === 'custom' ? issue.params : undefined;
    return message(issue.message, language, params);
  }
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null) return message('required', language);
      return message('type', language, { expected: TYPE_NAMES[issue.expected]?.[language] ?? issue.expected });
    case 'too_small':
      if (issue.origin === 'string') return message('tooShort', language, { minimum: Number(issue.minimum) });
      if (issue.origin === 'array') return message('tooFewItems', language, { minimum: Number(issue.minimum) });
      return message('invalid', language);
    case 'too_big':
      if (issue.origin === 'string') return message('tooLong', language, { maximum: Number(issue.maximum) });
      if (issue.origin === 'array') return message('tooManyItems', language, { maximum: Number(issue.maximum) });
      return message('invalid', language);
    case 'invalid_value':
      return message('choice', language, { options: issue.values.map(String).join(', ') });
    default:
      return message('invalid', language);
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.prototype.hasOwnProperty.call(current, key)
      ? (current as Record<PropertyKey, unknown>)[key]
      : undefined;
  }
  return current;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns zod issues into field errors in the given language; an unknown key becomes one error per key. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], input: unknown, language: Language): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: joinPath([...issue.path, key]), message: message('unknownField', language) });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && issue.path.length === 0) {
      errors.push({ path: '', message: message('body.object', language) });
      continue;
    }
    errors.push({ path: joinPath(issue.path), message: describeIssue(issue, language, valueAt(input, issue.path)) });
  }
  return errors;
}

/** Validates any value against a schema, with every problem reported in the user's language. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  language: Language,
): ValidationResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: toFieldErrors(result.error.issues, input, language) };
}

export function validateClaim(input: unknown, language: Language): ValidationResult<Claim> {
  return validateWith(claimSchema, input, language);
}
