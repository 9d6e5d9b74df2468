import type { BatchJob, BatchRunner } from '../batch/batch-runner';
import type { BatchStore } from '../batch/batch-store';
import type { FieldError } from '../core/claim/field-error-schema';
import type { Language, Localized } from '../core/i18n/language';

export interface BatchLimits {
  maxBytes: number;
  maxRows: number;
}

/** What the batch routes need: where batches are kept, who runs them, and how large an upload may be. */
export interface BatchServices {
  store: BatchStore;
  runner: BatchRunner;
  limits: BatchLimits;
}

export type SubmitBatchOutcome = { ok: true; job: BatchJob } | { ok: false; status: number; errors: FieldError[] };

export const SUBMIT_BATCH_TEXTS = {
  busy: {
    it: 'Troppi lotti in coda: riprovare tra qualche minuto.',
    en: 'Too many batches waiting: try again in a few minutes.',
  },
} satisfies Record<string, Localized>;

/**
 * A member list becomes a queued batch: refused at once while the queue is full, then taken in by `receive` (the
 * adapter's upload: stored in the batch store and checked whole), then queued for the runner.
 */
export async function submitBatch(
  batches: BatchServices,
  language: Language,
  receive: (store: BatchStore, limits: BatchLimits) => Promise<SubmitBatchOutcome>,
): Promise<SubmitBatchOutcome> {
  if (batches.runner.full)
    return { ok: false, status: 503, errors: [{ path: 'file', message: SUBMIT_BATCH_TEXTS.busy[language] }] };
  const outcome = await receive(batches.store, batches.limits);
  if (outcome.ok) batches.runner.enqueue(outcome.job);
  return outcome;
}
