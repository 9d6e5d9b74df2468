import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
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
import type { Language, Localized } from '../../core/i18n/language';
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

export const UPLOAD_MESSAGES = {
  notMultipart: {
    it: 'Inviare il file come multipart/form-data, nel campo "file".',
    en: 'Send the file as multipart/form-data, in the "file" field.',
  },
  noFile: { it: 'Allegare l’elenco dei soci (CSV o .xlsx).', en: 'Attach the member list (CSV or .xlsx).' },
  malformed: { it: 'Caricamento non valido o interrotto.', en: 'The upload is malformed or was interrupted.' },
  send: { it: 'Indicare member, provider o both.', en: 'Give member, provider or both.' },
} satisfies Record<string, Localized>;

type UploadOutcome = SubmitBatchOutcome<BatchJob>;

export interface UploadOptions {
  /** The signed-in operator submitting the list: the batch's owner. */
  operatorId: string;
  /** Runs on the form fields before anything else is looked at (the page's CSRF check); false refuses with 403. */
  authorize?: (fields: Record<string, string>) => boolean;
}

interface Received {
  fields: Record<string, string>;
  hasFile: boolean;
  tooLarge: boolean;
}

function receive(req: Request, file: string, maxBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let hasFile = false;
    let tooLarge = false;
    let saving: Promise<void> = Promise.resolve();
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: maxBytes, files: 1, fields: 40, fieldSize: 4096 },
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'file' || hasFile) {
        stream.resume();
        return;
      }
      hasFile = true;
      stream.on('limit', () => {
        tooLarge = true;
      });
      // pipeline, not pipe: a body cut off mid-file errors the file stream too, and that error must be handled.
      saving = pipeline(stream, fs.createWriteStream(file));
      saving.catch(() => undefined);
    });
    parser.on('error', (error) => {
      req.unpipe(parser);
      req.resume();
      reject(error);
    });
    parser.on('close', () => saving.then(() => resolve({ fields, hasFile, tooLarge }), reject));
    req.pipe(parser);
  });
}

function validateFields(
  fields: Record<string, string>,
  language: Language,
): { errors: FieldError[]; job: Omit<BatchJob, 'status'> } {
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
  const { operatorId, authorize = () => true } = options;
  const fail = (status: number, path: string, message: string): UploadOutcome => ({
    ok: false,
    status,
    errors: [{ path, message }],
  });
  if (!req.is('multipart/form-data')) return fail(415, '', UPLOAD_MESSAGES.notMultipart[language]);
  const status = await store.create(Date.now(), operatorId);
  const input = store.inputFile(status.id);
  let keep = false;
  try {
    let received: Received;
    try {
      received = await receive(req, input, limits.maxBytes);
    } catch {
      return fail(400, '', UPLOAD_MESSAGES.malformed[language]);
    }
    if (!authorize(received.fields)) return { ok: false, status: 403, errors: [] };
    if (received.tooLarge)
      return fail(
        413,
        'file',
        new BatchInputError('too-large', { limit: limits.maxBytes / 1024 / 1024 }).messageIn(language),
      );
    if (!received.hasFile) return fail(422, 'file', UPLOAD_MESSAGES.noFile[language]);
    const { errors, job } = validateFields(received.fields, language);
    if (errors.length > 0) return { ok: false, status: 422, errors };
    try {
      const info = await inspectBatchFile(input, { maxRows: limits.maxRows });
      status.rows = info.rows;
    } catch (error) {
      if (error instanceof BatchInputError) return fail(error.httpStatus, 'file', error.messageIn(language));
      throw error;
    }
    await store.write(status);
    keep = true;
    return { ok: true, job: { ...job, status, operatorId } };
  } finally {
    if (!keep) await store.remove(status.id);
  }
}

/** Starts a batch from a multipart upload: shared by the API and the upload page. */
export function startBatchUpload(
  req: Request,
  batches: BatchServices,
  language: Language,
  options: UploadOptions,
): Promise<UploadOutcome> {
  return submitBatch(batches.runner, language, () =>
    receiveBatchUpload(req, batches.store, batches.limits, language, options),
  );
}
