import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import busboy from 'busboy';
import { z } from 'zod';
import { BatchInputError } from '../../batch/batch-input-error';
import { inspectBatchFile } from '../../batch/batch-source';
import type { BatchJob } from '../../batch/batch-runner';
import type { BatchStore } from '../../batch/batch-store';
import { associationSchema } from '../../core/claim/association-schema';
import { letterOptionsSchema } from '../../core/claim/claim-schema';
import type { FieldError } from '../../core/claim/field-error-schema';
import { validateWith } from '../../core/claim/validate-claim';
import type { Language } from '../../core/i18n/language';
import { UPLOAD_MESSAGES } from './api-texts';
import type { BatchLimits, BatchServices } from '../../batch/batch-services';
import { submitBatch, type SubmitBatchOutcome } from '../../use-cases/submit-batch';
import { isSendTarget, SEND_TARGETS } from '../../core/member-list/send-target';

const ASSOCIATION_FIELDS = Object.keys(associationSchema.shape) as (keyof typeof associationSchema.shape)[];
const LETTER_FIELDS = ['language', 'delivery', 'date', 'place', 'deadlineDays'] as const;

/** The multipart form of POST /api/v1/batches (and of the upload page), for the OpenAPI document. */
export const batchUploadSchema = z.object({
  file: z.string().meta({
    description: 'The member list: CSV (UTF-8 or Windows-1252, `;` `,` or tab) or .xlsx (first sheet)',
    format: 'binary',
  }),
  ...Object.fromEntries(ASSOCIATION_FIELDS.map((name) => [`association.${name}`, z.string().optional()])),
  ...Object.fromEntries(LETTER_FIELDS.map((name) => [`letter.${name}`, z.string().optional()])),
  send: z
    .enum(SEND_TARGETS)
    .optional()
    .meta({
      description:
        "Also e-mail each eligible row's letter through the outbox: to the " +
        "member, the provider's configured addresses, or both. report.csv then " +
        'gains an e-mail column.',
    }),
});

type UploadOutcome = SubmitBatchOutcome<BatchJob>;

export interface UploadOptions {
  /** The signed-in operator submitting the list: the batch's owner. */
  operatorId: string;
  /** Runs on the form fields before anything else is looked at (the page's CSRF check); false refuses with 403. */
  authorize?: (fields: Record<string, string>) => boolean;
  /** The association and letter options fixed beforehand (a campaign's), instead of the form's fields. */
  preset?: Omit<BatchJob, 'status' | 'operatorId' | 'client'>;
  /** Runs once the list is accepted, before it is queued (a campaign numbers the list here). */
  accepted?: (job: BatchJob) => Promise<BatchJob>;
}

/**
 * Whose share of the batch queue an upload takes (BATCH_QUEUE_PER_OPERATOR): the operator's, whatever address they
 * send from, so one operator cannot fill the queue and colleagues behind one address do not share a quota.
 */
function queueShare(operatorId: string): string {
  return `operator:${operatorId}`;
}

interface Received {
  fields: Record<string, string>;
  hasFile: boolean;
  /** Past the size limit: reading stopped there. */
  tooLarge: boolean;
}

/** Multipart framing and the text fields around the file: 40 fields of 4 KB, their headers and boundaries. */
export const MULTIPART_OVERHEAD_BYTES = 256 * 1024;
const FIELDS = 40;

/** The body as announced: more than the file limit plus the fields is refused before a byte of it is read. */
function announcedTooLarge(req: Request, maxBytes: number): boolean {
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) && length > maxBytes + MULTIPART_OVERHEAD_BYTES;
}

/**
 * Streams the multipart body: the member list to `file`, the text fields into memory. Reading stops as soon as the
 * file, or the body as a whole, passes its limit (a body without Content-Length is counted as it comes).
 */
function receive(req: Request, file: string, maxBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let hasFile = false;
    let saving: Promise<void> = Promise.resolve();
    let settled = false;
    let read = 0;
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: maxBytes, files: 1, fields: FIELDS, fieldSize: 4096, parts: FIELDS + 2 },
    });
    const stopReading = () => {
      req.unpipe(parser);
      req.off('data', count);
      req.pause();
    };
    const finish = (outcome: Received | Error) => {
      if (settled) return;
      settled = true;
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const tooLarge = () => {
      stopReading();
      // The partial file goes with the batch folder; nothing else waits for it.
      void saving.catch(() => undefined);
      finish({ fields, hasFile, tooLarge: true });
    };
    const count = (chunk: Buffer) => {
      read += chunk.length;
      if (read > maxBytes + MULTIPART_OVERHEAD_BYTES) tooLarge();
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'file' || hasFile) {
        stream.resume();
        return;
      }
      hasFile = true;
      stream.on('limit', tooLarge);
      // pipeline, not pipe: a body cut off mid-file errors the file stream too, and that error must be handled.
      saving = pipeline(stream, fs.createWriteStream(file, { mode: 0o600 }));
      saving.catch(() => undefined);
    });
    for (const limit of ['partsLimit', 'fieldsLimit', 'filesLimit'] as const)
      parser.on(limit, () => {
        stopReading();
        finish(new Error(`multipart ${limit}`));
      });
    parser.on('error', (error) => {
      stopReading();
      finish(error as Error);
    });
    parser.on('close', () =>
      saving.then(
        () => finish({ fields, hasFile, tooLarge: false }),
        (error: Error) => finish(error),
      ),
    );
    req.on('data', count);
    req.pipe(parser);
  });
}

function validateFields(
  fields: Record<string, string>,
  language: Language,
): { errors: FieldError[]; job: Omit<BatchJob, 'status' | 'client'> } {
  const errors: FieldError[] = [];
  const associationInput = Object.fromEntries(
    ASSOCIATION_FIELDS.map((name) => [name, fields[`association.${name}`] ?? '']),
  );
  let association = null;
  if (Object.values(associationInput).some((value) => value.trim() !== '')) {
    const validated = validateWith(associationSchema, associationInput, language);
    if (validated.ok) association = validated.value;
    else errors.push(...validated.errors.map((error) => ({ ...error, path: `association.${error.path}` })));
  }
  const letterInput: Record<string, unknown> = {};
  for (const name of LETTER_FIELDS) {
    const value = fields[`letter.${name}`]?.trim();
    if (value) letterInput[name] = name === 'deadlineDays' && /^\d+$/.test(value) ? Number(value) : value;
  }
  const letter = validateWith(letterOptionsSchema, letterInput, language);
  if (!letter.ok) errors.push(...letter.errors.map((error) => ({ ...error, path: `letter.${error.path}` })));
  const send = fields.send?.trim() || undefined;
  if (send !== undefined && !isSendTarget(send)) errors.push({ path: 'send', message: UPLOAD_MESSAGES.send[language] });
  return { errors, job: { association, letter: letterInput, language, ...(isSendTarget(send) ? { send } : {}) } };
}

/**
 * Takes an upload to the batch store: the file streamed to disk within the size limit, the form fields validated,
 * the file read through (type, columns, rows); anything wrong is answered at once and nothing is kept.
 */
export async function receiveBatchUpload(
  req: Request,
  store: BatchStore,
  limits: BatchLimits,
  language: Language,
  options: UploadOptions,
): Promise<UploadOutcome> {
  const { operatorId, authorize = () => true, preset, accepted = async (job: BatchJob) => job } = options;
  const fail = (status: number, path: string, message: string): UploadOutcome => ({
    ok: false,
    status,
    errors: [{ path, message }],
  });
  if (!req.is('multipart/form-data')) return fail(415, '', UPLOAD_MESSAGES.notMultipart[language]);
  const tooLarge = () =>
    fail(413, 'file', new BatchInputError('too-large', { limit: limits.maxBytes / 1024 / 1024 }).messageIn(language));
  if (announcedTooLarge(req, limits.maxBytes)) return tooLarge();
  const status = await store.create(Date.now(), operatorId, language);
  const input = store.inputFile(status.id);
  let keep = false;
  try {
    let received: Received;
    try {
      received = await receive(req, input, limits.maxBytes);
    } catch {
      return fail(400, '', UPLOAD_MESSAGES.malformed[language]);
    }
    if (received.tooLarge) return tooLarge();
    if (!authorize(received.fields)) return { ok: false, status: 403, errors: [] };
    if (!received.hasFile) return fail(422, 'file', UPLOAD_MESSAGES.noFile[language]);
    const { errors, job } = preset ? { errors: [], job: preset } : validateFields(received.fields, language);
    if (errors.length > 0) return { ok: false, status: 422, errors };
    try {
      const info = await inspectBatchFile(input, { maxRows: limits.maxRows });
      status.rows = info.rows;
    } catch (error) {
      if (error instanceof BatchInputError) return fail(error.httpStatus, 'file', error.messageIn(language));
      throw error;
    }
    await store.write(status);
    const ready = await accepted({ ...job, status, operatorId, client: queueShare(operatorId) });
    keep = true;
    return { ok: true, job: ready };
  } finally {
    if (!keep) await store.remove(status.id);
  }
}

/**
 * Starts a batch from a multipart upload: shared by the API and the upload page. A body refused as too large is
 * answered without reading the rest of it, and its connection is closed after the answer (Node would otherwise read
 * the rest to reuse the connection).
 */
export async function startBatchUpload(
  req: Request,
  res: Response,
  batches: BatchServices,
  language: Language,
  options: UploadOptions,
): Promise<UploadOutcome> {
  const outcome = await submitBatch(batches.runner, queueShare(options.operatorId), language, () =>
    receiveBatchUpload(req, batches.store, batches.limits, language, options),
  );
  if (!outcome.ok && outcome.status === 413) res.set('Connection', 'close');
  return outcome;
}
