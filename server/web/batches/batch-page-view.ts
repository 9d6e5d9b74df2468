import type { BatchStatus } from '../../batch/batch-status';
import { STATUS_LABELS } from '../../batch/batch-texts';
import { ROW_STATUSES, formatReasons } from '../../core/member-list/report-row';
import { associationSchema } from '../../core/claim/association-schema';
import { DELIVERY_METHODS } from '../../core/claim/claim-schema';
import { DELIVERY_LABELS } from '../../core/claim/claim-label-texts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../core/i18n/language';
import type { FieldError } from '../../core/claim/field-error-schema';
import { DateTime } from 'luxon';
import { ZONE } from '../../core/time/rome-time';
import type { Translate } from '../i18n/catalog';
import { formErrors } from '../views/form-errors';
import { fieldId } from '../views/view-engine';
import { formatCount } from '../../core/text/format-count';

export const BATCH_PROGRESS_SCRIPT = '/static/batch-progress.js';
const REFRESH_SECONDS = 3;

const SEX_FIELD = 'representativeSex';
/** The association's text fields of a form (`association.name`…), shared with the campaign form. */
export const ASSOCIATION_FIELDS = Object.keys(associationSchema.shape)
  .filter((name) => name !== SEX_FIELD)
  .map((name) => ({ name: `association.${name}`, key: `batch.association.${name}` }));

export function choices(values: readonly string[], current: string | undefined, label: (value: string) => string) {
  return values.map((value, index) => ({
    value,
    label: label(value),
    checked: current ? value === current : index === 0,
  }));
}

/** What batch-upload.hbs shows: the form (answers kept after an error, except the file) and the errors. */
export function batchUploadView(options: {
  language: Language;
  t: Translate;
  values?: Record<string, string>;
  errors?: FieldError[];
  limits: { maxBytes: number; maxRows: number };
}) {
  const { language, t } = options;
  const values = options.values ?? {};
  const errors = options.errors
    ? formErrors(options.errors, {
        fieldOf: (path) => path || 'file',
        fieldId,
        labelOf: (field) => t(field.startsWith('letter.') ? field : `batch.${field}`),
      })
    : null;
  return {
    title: errors ? `${t('errors.pageTitle')}: ${t('batch.title')}` : t('batch.title'),
    values,
    fieldErrors: errors?.byField ?? {},
    errorSummary: errors?.summary ?? [],
    fileHint: t('batch.file.hint', {
      mb: options.limits.maxBytes / 1024 / 1024,
      rows: formatCount(options.limits.maxRows, language),
    }),
    ...letterChoices(values, language, t),
  };
}

/** The association and letter fields' choices (representative's sex, delivery, language): batch and campaign forms. */
export function letterChoices(values: Record<string, string>, language: Language, t: Translate) {
  return {
    associationFields: ASSOCIATION_FIELDS.map((field) => ({ ...field, label: t(field.key) })),
    representativeSexField: `association.${SEX_FIELD}`,
    representativeSexes: (['male', 'female'] as const).map((value) => ({
      value,
      label: t(`batch.association.representativeSex.${value}`),
      checked: values[`association.${SEX_FIELD}`] === value,
    })),
    deliveries: choices(
      DELIVERY_METHODS,
      values['letter.delivery'],
      (method) => DELIVERY_LABELS[method as keyof typeof DELIVERY_LABELS][language],
    ),
    letterLanguages: choices(
      LANGUAGES,
      values['letter.language'] ?? language,
      (code) => LANGUAGE_NAMES[code as Language],
    ),
  };
}

/**
 * What batch-status.hbs shows: progress while running (with a refresh for browsers without JavaScript), then the
 * summary.
 */
export function batchStatusView(status: BatchStatus, options: { language: Language; t: Translate }) {
  const { language, t } = options;
  const inProgress = status.state === 'queued' || status.state === 'running';
  const percent = status.rows === 0 ? 0 : Math.floor((status.processed / status.rows) * 100);
  return {
    title: t('batch.status.title'),
    status,
    inProgress,
    done: status.state === 'done',
    failed: status.state === 'failed',
    percent,
    progressText: t('batch.status.progress', { processed: status.processed, rows: status.rows }),
    statusUrl: `/api/v1/batches/${status.id}`,
    refreshSeconds: inProgress ? REFRESH_SECONDS : null,
    counts: ROW_STATUSES.map((rowStatus) => ({
      status: rowStatus,
      label: STATUS_LABELS[rowStatus][language],
      count: status.counts[rowStatus],
    })),
    problems: status.problems.map((problem) => ({
      ...problem,
      label: STATUS_LABELS[problem.status][language],
      reasons: formatReasons(problem.reasons),
    })),
    expiresAt: DateTime.fromISO(status.expiresAt).setZone(ZONE).toFormat('HH:mm'),
    scripts: inProgress ? [BATCH_PROGRESS_SCRIPT] : [],
  };
}

/** The operator's own batches still kept, for the upload page: when, state, rows, a link to each. */
export function batchListView(statuses: readonly BatchStatus[], options: { language: Language; t: Translate }) {
  const { language, t } = options;
  return statuses.map((status) => ({
    id: status.id,
    href: `/batches/${status.id}?lang=${language}`,
    createdAt: DateTime.fromISO(status.createdAt).setZone(ZONE).toFormat('dd/MM/yyyy HH:mm'),
    state: t(`operator.batches.state.${status.state}`),
    rows: formatCount(status.rows, language),
  }));
}
