import type { FieldError } from '../core/claim/field-error-schema';
import type { Language } from '../core/i18n/language';
import { SUBMIT_BATCH_TEXTS } from './use-case-texts';

/** A place held in the queue while an upload is read and checked: used by `enqueue`, or given back by `release`. */
export interface BatchReservation<Job> {
  enqueue(job: Job): void;
  release(): void;
}

/** Where submitted batches wait for their turn (the batch runner). */
export interface BatchQueue<Job> {
  /** A place for one more batch of this client; 'full' when the queue is, 'client-full' when the client's share is. */
  reserve(client: string): BatchReservation<Job> | 'full' | 'client-full';
}

export type SubmitBatchOutcome<Job> = { ok: true; job: Job } | { ok: false; status: number; errors: FieldError[] };

/**
 * A member list becomes a queued batch: a place is reserved first (refused at once while the queue, or the client's
 * share of it, is full), then the upload is taken in by `receive` (the adapter's: stored in the batch store and
 * checked whole), then queued in the place reserved.
 */
export async function submitBatch<Job>(
  queue: BatchQueue<Job>,
  client: string,
  language: Language,
  receive: () => Promise<SubmitBatchOutcome<Job>>,
): Promise<SubmitBatchOutcome<Job>> {
  const place = queue.reserve(client);
  if (place === 'full')
    return { ok: false, status: 503, errors: [{ path: 'file', message: SUBMIT_BATCH_TEXTS.busy[language] }] };
  if (place === 'client-full')
    return { ok: false, status: 429, errors: [{ path: 'file', message: SUBMIT_BATCH_TEXTS.clientBusy[language] }] };
  try {
    const outcome = await receive();
    if (outcome.ok) place.enqueue(outcome.job);
    return outcome;
  } finally {
    place.release();
  }
}
