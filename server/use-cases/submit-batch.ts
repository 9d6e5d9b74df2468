import type { FieldError } from '../core/claim/field-error-schema';
import type { Language } from '../core/i18n/language';
import { SUBMIT_BATCH_TEXTS } from './use-case-texts';

/** Where submitted batches wait for their turn (the batch runner). */
export interface BatchQueue<Job> {
  readonly full: boolean;
  enqueue(job: Job): void;
}

export type SubmitBatchOutcome<Job> = { ok: true; job: Job } | { ok: false; status: number; errors: FieldError[] };

/**
 * A member list becomes a queued batch: refused at once while the queue is full, then taken in by `receive` (the
 * adapter's upload: stored in the batch store and checked whole), then queued.
 */
export async function submitBatch<Job>(
  queue: BatchQueue<Job>,
  language: Language,
  receive: () => Promise<SubmitBatchOutcome<Job>>,
): Promise<SubmitBatchOutcome<Job>> {
  if (queue.full)
    return { ok: false, status: 503, errors: [{ path: 'file', message: SUBMIT_BATCH_TEXTS.busy[language] }] };
  const outcome = await receive();
  if (outcome.ok) queue.enqueue(outcome.job);
  return outcome;
}
