import { z } from 'zod';
import { parseEuroToCents } from '../money/money';
import { isValidIsoDate, parseRomeDateTime } from '../time/rome-time';
import { checkCodiceFiscale } from '../validation/codice-fiscale';
import { checkIban } from '../validation/iban';
import { checkPartitaIva } from '../validation/partita-iva';
import {
  CONTROL_CHARACTERS,
  EMAIL,
  FORMULA_PREFIX,
  LONE_SURROGATE,
  PERSON_NAME,
  PHONE,
  POSTAL_CODE,
  PROVINCE,
  STACKED_MARKS,
  normalizeSpaces,
} from '../validation/text-fields';
import type { ValidationMessageKey } from './validation-texts';

type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, message: ValidationMessageKey, params?: Record<string, unknown>): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params });
  return z.NEVER;
}

/** An empty string or null from a form or spreadsheet means "not given". */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
}

interface TextOptions {
  max: number;
  min?: number;
  /** Refuse a leading `=`, `+`, `-` or `@` (a spreadsheet formula). */
  noFormula?: boolean;
  pattern?: { regex: RegExp; message: ValidationMessageKey };
  /** Applied after spaces are normalised, e.g. upper-casing. */
  map?: (value: string) => string;
}

/** Free text: trimmed, whitespace folded, no control characters, bounded length. */
export function text(options: TextOptions) {
  const min = options.min ?? 1;
  return z
    .string()
    .max(options.max * 2)
    .transform((raw, ctx) => {
      const value = (options.map ?? ((v: string) => v))(normalizeSpaces(raw));
      if (value.length === 0) return fail(ctx, 'required');
      if (CONTROL_CHARACTERS.test(value) || LONE_SURROGATE.test(value)) return fail(ctx, 'text.control');
      if (STACKED_MARKS.test(value)) return fail(ctx, 'text.marks');
      if (options.noFormula && FORMULA_PREFIX.test(value)) return fail(ctx, 'text.formula');
      if (value.length < min) return fail(ctx, 'tooShort', { minimum: min });
      if (value.length > options.max) return fail(ctx, 'tooLong', { maximum: options.max });
      if (options.pattern && !options.pattern.regex.test(value)) return fail(ctx, options.pattern.message);
      return value;
    });
}

export const personName = (max = 60) =>
  text({ max, noFormula: true, pattern: { regex: PERSON_NAME, message: 'name.letters' } });
export const placeName = (max = 60) => text({ max, noFormula: true });
export const email = () =>
  text({ max: 254, map: (v) => v.replace(/ /g, ''), pattern: { regex: EMAIL, message: 'email.format' } }).describe(
    'E-mail address',
  );
export const phone = () => text({ max: 20, pattern: { regex: PHONE, message: 'phone.format' } });
export const postalCode = () =>
  text({
    max: 5,
    map: (v) => v.replace(/ /g, ''),
    pattern: { regex: POSTAL_CODE, message: 'postalCode.format' },
  }).describe('CAP: 5 digits');
export const province = () =>
  text({ max: 2, map: (v) => v.toUpperCase(), pattern: { regex: PROVINCE, message: 'province.format' } }).describe(
    'Province: 2 letters (MI, RM…)',
  );

export const taxCode = (options: { allowCompany?: boolean } = {}) =>
  z
    .string()
    .max(40)
    .transform((raw, ctx) => {
      if (raw.trim() === '') return fail(ctx, 'required');
      const result = checkCodiceFiscale(raw, options);
      return result.ok ? result.value : fail(ctx, result.error);
    })
    .describe('Codice fiscale: 16 characters, check letter verified (omocodia accepted)');

export const vatNumber = () =>
  z
    .string()
    .max(40)
    .transform((raw, ctx) => {
      if (raw.trim() === '') return fail(ctx, 'required');
      const result = checkPartitaIva(raw);
      return result.ok ? result.value : fail(ctx, result.error);
    })
    .describe('Partita IVA: 11 digits, office code and check digit verified');

export const iban = () =>
  z
    .string()
    .max(60)
    .transform((raw, ctx) => {
      if (raw.trim() === '') return fail(ctx, 'required');
      const result = checkIban(raw);
      return result.ok ? result.value : fail(ctx, result.error);
    })
    .describe('IBAN (spaces allowed), mod-97 check digits verified; an Italian IBAN has 27 characters');

/** Euros as a JSON number or a string (`1234.56`, `1.234,56`) to integer cents. */
export const money = (options: { positive?: boolean } = {}) =>
  z
    .union([z.number(), z.string().max(40)], { error: 'money.format' })
    .transform((raw, ctx) => {
      if (typeof raw === 'string' && raw.trim() === '') return fail(ctx, 'required');
      const result = parseEuroToCents(raw);
      if (!result.ok) return fail(ctx, result.error);
      if (options.positive && result.cents === 0) return fail(ctx, 'money.zero');
      return result.cents;
    })
    .describe('Euros: a number or a string, 1234.56 or 1.234,56, at most two decimals');

/** `YYYY-MM-DDTHH:mm` in Italian time, or with an explicit offset, to an instant (epoch ms). */
export const romeDateTime = () =>
  z
    .string()
    .max(40)
    .transform((raw, ctx) => {
      const result = parseRomeDateTime(raw.trim());
      return result.ok ? result.instant : fail(ctx, result.error);
    })
    .describe('YYYY-MM-DDTHH:mm in Italian time (Europe/Rome), or with an explicit offset');

export const isoDate = () =>
  z
    .string()
    .max(20)
    .transform((raw, ctx) => (isValidIsoDate(raw.trim()) ? raw.trim() : fail(ctx, 'date.format')))
    .describe('YYYY-MM-DD');
