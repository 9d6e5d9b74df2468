import { RETENTION_MONTHS } from '../../core/campaign/campaign-schema';
import { associationSchema } from '../../core/claim/association-schema';
import type { FieldError } from '../../core/claim/field-error-schema';
import type { Language } from '../../core/i18n/language';
import type { Ruleset } from '../../core/rules/ruleset-types';
import { letterChoices } from '../batches/batch-page-view';
import type { Translate } from '../i18n/catalog';
import { formErrors } from '../views/form-errors';
import { fieldId } from '../views/view-engine';

const ASSOCIATION_KEYS = Object.keys(associationSchema.shape);
const LETTER_KEYS = ['place', 'date', 'delivery', 'language', 'deadlineDays'] as const;
/** The form's fields in page order (the error summary follows it). */
const FIELD_ORDER = [
  'name',
  ...ASSOCIATION_KEYS.map((key) => `association.${key}`),
  ...LETTER_KEYS.map((key) => `letter.${key}`),
  'send',
  'retentionMonths',
];

/** A whole number typed in a form stays a number for the schema; anything else goes as typed, to be named. */
const wholeOr = (text: string) => (/^\d{1,6}$/.test(text) ? Number(text) : text);

/** The campaign form's fields (`association.name`, `letter.date`…) as the create use case's input. */
export function campaignInputOf(fields: Record<string, unknown>): Record<string, unknown> {
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).trim() : '');
  const association: Record<string, unknown> = {};
  for (const key of ASSOCIATION_KEYS)
    if (text(`association.${key}`) !== '') association[key] = text(`association.${key}`);
  const letter: Record<string, unknown> = {};
  for (const key of LETTER_KEYS) {
    const value = text(`letter.${key}`);
    if (value !== '') letter[key] = key === 'deadlineDays' ? wholeOr(value) : value;
  }
  return {
    name: text('name'),
    ...(Object.keys(association).length > 0 ? { association } : {}),
    letter,
    ...(text('send') !== '' ? { send: text('send') } : {}),
    ...(text('retentionMonths') !== '' ? { retentionMonths: wholeOr(text('retentionMonths')) } : {}),
  };
}

/** The form field an error is about: a missing association is its first field. */
function fieldOf(path: string): string {
  if (path === 'association' || path === '') return 'association.name';
  const [head, sub] = path.split('.');
  return head === 'association' || head === 'letter' ? `${head}.${sub}` : head!;
}

function labelOf(field: string, t: Translate): string {
  if (field.startsWith('association.')) return t(`batch.${field}`);
  if (field.startsWith('letter.')) return t(field);
  return t(
    { name: 'campaign.form.name', send: 'batch.send', retentionMonths: 'campaign.form.retention' }[field] ?? field,
  );
}

/** What the campaign form of campaigns.hbs shows: the answers kept after an error, every invalid field named. */
export function campaignFormView(options: {
  language: Language;
  t: Translate;
  ruleset: Ruleset;
  values?: Record<string, string>;
  errors?: FieldError[];
}) {
  const { language, t } = options;
  const values = { retentionMonths: String(RETENTION_MONTHS.default), ...options.values };
  const ordered = [...(options.errors ?? [])].sort(
    (a, b) => FIELD_ORDER.indexOf(fieldOf(a.path)) - FIELD_ORDER.indexOf(fieldOf(b.path)),
  );
  const errors = options.errors
    ? formErrors(ordered, { fieldOf, fieldId, labelOf: (field) => labelOf(field, t) })
    : null;
  return {
    values,
    fieldErrors: errors?.byField ?? {},
    errorSummary: errors?.summary ?? [],
    retentionHint: t('campaign.form.retention.hint', { min: RETENTION_MONTHS.min, max: RETENTION_MONTHS.max }),
    deadlineHint: t('campaign.form.deadlineDays.hint', { days: options.ruleset.deadlineDays.default }),
    ...letterChoices(values, language, t),
  };
}
