import fs from 'node:fs';
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { batchStatusSchema, type BatchStatus } from '../../batch/batch-status';
import type { BatchStore } from '../../batch/batch-store';
import { errorResponseSchema } from '../../core/claim/field-error-schema';
import { requestLanguage } from '../http/request-language';
import { sendErrors } from './api-errors';
import { batchUploadSchema, startBatchUpload } from './batch-upload';
import type { BatchServices } from '../../batch/batch-services';
import type { ApiOperation } from './openapi/api-operation';
import { ERROR_RESPONSES } from './openapi/common-responses';

const idParameter = {
  name: 'id',
  in: 'path' as const,
  description: 'The batch id returned by POST /api/v1/batches',
  schema: z.uuid(),
};
const errors = (description: string) => ({ description, json: errorResponseSchema });

export const BATCHES_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/batches',
    operationId: 'createBatch',
    summary: 'Start a batch: a member list in, one letter per member out',
    description:
      'Multipart upload of a CSV or .xlsx member list (columns as in GET ' +
      '/batches/template.csv), optionally with the association sending on ' +
      'behalf of its members and the letter options. The file is checked at ' +
      'once (type, size, columns, rows); the letters are then made in the ' +
      'background.',
    tag: 'batches',
    requestBody: { multipart: batchUploadSchema },
    responses: {
      202: {
        description: 'Accepted: poll the status',
        json: batchStatusSchema,
        headers: { Location: { description: 'The status URL' } },
      },
      400: errors('Malformed multipart body.'),
      413: errors('File larger than BATCH_MAX_UPLOAD_MB, or more rows than BATCH_MAX_ROWS.'),
      415: errors('Not multipart/form-data, or the file is neither CSV nor .xlsx.'),
      422: errors('No file, a file without member rows or required columns, or invalid association/letter fields.'),
      429: ERROR_RESPONSES[429],
      503: errors('Too many batches waiting: try again later.'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/batches/{id}',
    operationId: 'getBatch',
    summary: 'Status and counts of a batch',
    tag: 'batches',
    parameters: [idParameter],
    responses: {
      200: { description: 'The batch', json: batchStatusSchema },
      404: errors('Unknown, expired or already downloaded.'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/batches/{id}/letters.zip',
    operationId: 'getBatchLetters',
    summary: 'The letters and report.csv as a ZIP (once; the batch is deleted after download)',
    tag: 'batches',
    parameters: [idParameter],
    responses: {
      200: {
        description: 'One PDF per eligible row and report.csv with one line per input row',
        media: { 'application/zip': { description: 'ZIP' } },
      },
      404: errors('Unknown, expired or already downloaded.'),
      409: errors('Not done yet (or failed): see the status.'),
    },
  },
];

const MESSAGES = {
  notFound: { it: 'Lotto inesistente, scaduto o già scaricato.', en: 'Unknown, expired or already downloaded batch.' },
  notReady: { it: 'Le lettere non sono ancora pronte.', en: 'The letters are not ready yet.' },
};

/** Streams the ZIP once, then deletes the batch: nothing is kept after download. */
export function sendBatchZip(res: Response, store: BatchStore, status: BatchStatus): void {
  res
    .status(200)
    .type('application/zip')
    .set('Content-Disposition', 'attachment; filename="letters.zip"')
    .set('Cache-Control', 'no-store');
  const stream = fs.createReadStream(store.zipFile(status.id));
  stream.on('error', () => res.destroy());
  res.on('finish', () => void store.remove(status.id));
  stream.pipe(res);
}

/** POST /api/v1/batches, GET /api/v1/batches/{id}, GET /api/v1/batches/{id}/letters.zip */
export function batchesApi(deps: BatchServices, uploadLimit: RequestHandler): Router {
  const router = Router();

  router.post('/', uploadLimit, async (req, res) => {
    const outcome = await startBatchUpload(req, deps, requestLanguage(req));
    if (!outcome.ok) {
      sendErrors(res, outcome.status, outcome.errors);
      return;
    }
    res.status(202).location(`/api/v1/batches/${outcome.job.status.id}`).json(outcome.job.status);
  });

  router.get('/:id', async (req, res) => {
    const status = await deps.store.read(req.params.id);
    if (!status) sendErrors(res, 404, [{ path: '', message: MESSAGES.notFound[requestLanguage(req)] }]);
    else res.set('Cache-Control', 'no-store').json(status);
  });

  router.get('/:id/letters.zip', async (req, res) => {
    const status = await deps.store.read(req.params.id);
    if (!status) sendErrors(res, 404, [{ path: '', message: MESSAGES.notFound[requestLanguage(req)] }]);
    else if (status.state !== 'done')
      sendErrors(res, 409, [{ path: '', message: MESSAGES.notReady[requestLanguage(req)] }], { state: status.state });
    else sendBatchZip(res, deps.store, status);
  });

  return router;
}
