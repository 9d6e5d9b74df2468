import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { batchStatusSchema, publicStatus, type BatchRecord } from '../../batch/batch-status';
import type { BatchStore } from '../../batch/batch-store';
import { errorResponseSchema } from '../../core/claim/field-error-schema';
import { requestLanguage } from '../http/request-language';
import { crossSiteRefused, sendErrors } from './api-errors';
import { BATCH_API_MESSAGES } from './api-texts';
import { requireApiOperator } from './api-auth';
import { currentOperator, type OperatorSessions } from '../security/operator-session';
import { refuseCrossSiteWrites } from '../security/cross-site';
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
const OPERATOR_ERRORS = {
  401: errors('No operator: no valid bearer token and no session (WWW-Authenticate: Bearer).'),
  403: errors(
    'Sent by a page of another site (Sec-Fetch-Site or Origin), or with a session cookie and no sign that it ' +
      'comes from this site.',
  ),
};

export const BATCHES_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/batches',
    operationId: 'listBatches',
    summary: 'The batches of the signed-in operator that are still kept, newest first',
    tag: 'batches',
    security: 'operator',
    responses: {
      200: { description: 'Their statuses', json: z.object({ batches: z.array(batchStatusSchema) }) },
      401: OPERATOR_ERRORS[401],
    },
  },
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
    security: 'operator',
    requestBody: { multipart: batchUploadSchema },
    responses: {
      ...OPERATOR_ERRORS,
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
    description: 'Only the operator who submitted the batch sees it; for anyone else it does not exist (404).',
    tag: 'batches',
    security: 'operator',
    parameters: [idParameter],
    responses: {
      200: { description: 'The batch', json: batchStatusSchema },
      401: OPERATOR_ERRORS[401],
      404: errors('Unknown, expired, already downloaded, or submitted by another operator.'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/batches/{id}/letters.zip',
    operationId: 'getBatchLetters',
    summary: 'The letters and report.csv as a ZIP (once; the batch is deleted after download)',
    tag: 'batches',
    security: 'operator',
    parameters: [idParameter],
    responses: {
      200: {
        description: 'One PDF per eligible row and report.csv with one line per input row',
        media: { 'application/zip': { description: 'ZIP' } },
      },
      401: OPERATOR_ERRORS[401],
      404: errors('Unknown, expired, already downloaded, or submitted by another operator.'),
      409: errors('Not done yet (or failed): see the status.'),
    },
  },
];

/**
 * Streams the ZIP once, then deletes the batch: nothing is kept after download. The ZIP is claimed first by renaming
 * it (atomic), so of two requests at the same moment one gets it and the other a 404; a download cut off midway puts
 * it back, so it can be asked again. `handedOut` runs once the ZIP is claimed, before a byte is sent (the audit).
 */
export async function sendBatchZip(
  res: Response,
  store: BatchStore,
  status: BatchRecord,
  answers: { notFound: () => void; handedOut: () => Promise<void> },
): Promise<void> {
  const zip = store.zipFile(status.id);
  const claimed = `${zip}.${randomUUID()}.sending`;
  try {
    await fs.promises.rename(zip, claimed);
  } catch {
    answers.notFound();
    return;
  }
  await answers.handedOut();
  res
    .status(200)
    .type('application/zip')
    .set('Content-Disposition', 'attachment; filename="letters.zip"')
    .set('Cache-Control', 'no-store');
  const stream = fs.createReadStream(claimed);
  stream.on('error', () => res.destroy());
  res.on('finish', () => void store.remove(status.id));
  res.on('close', () => {
    if (!res.writableFinished) void fs.promises.rename(claimed, zip).catch(() => undefined);
  });
  stream.pipe(res);
}

/**
 * POST /api/v1/batches, GET /api/v1/batches, GET /api/v1/batches/{id}, GET /api/v1/batches/{id}/letters.zip: for
 * signed-in operators only (a bearer token or the session cookie), each seeing only the batches they submitted.
 */
export function batchesApi(
  deps: BatchServices,
  options: { uploadLimit: RequestHandler; sessions: OperatorSessions },
): Router {
  const router = Router();
  const { sessions } = options;
  const operatorOnly = requireApiOperator(sessions);
  const auth = sessions.auth;
  const notFound = (req: Request, res: Response) =>
    sendErrors(res, 404, [{ path: '', message: BATCH_API_MESSAGES.notFound[requestLanguage(req)] }]);

  router.post('/', refuseCrossSiteWrites(crossSiteRefused), options.uploadLimit, ...operatorOnly, async (req, res) => {
    const operator = currentOperator(res)!;
    const outcome = await startBatchUpload(req, res, deps, requestLanguage(req), { operatorId: operator.id });
    if (!outcome.ok) {
      sendErrors(res, outcome.status, outcome.errors);
      return;
    }
    await auth.audit(operator.id, 'batch-submitted', { batchId: outcome.job.status.id });
    res.status(202).location(`/api/v1/batches/${outcome.job.status.id}`).json(publicStatus(outcome.job.status));
  });

  router.get('/', ...operatorOnly, async (_req, res) => {
    const batches = await deps.store.list(currentOperator(res)!.id);
    res.set('Cache-Control', 'no-store').json({ batches: batches.map(publicStatus) });
  });

  router.get('/:id', ...operatorOnly, async (req, res) => {
    const status = await deps.store.readOwned(req.params.id as string, currentOperator(res)!.id);
    if (!status) notFound(req, res);
    else res.set('Cache-Control', 'no-store').json(publicStatus(status));
  });

  router.get('/:id/letters.zip', ...operatorOnly, async (req, res) => {
    const operator = currentOperator(res)!;
    const status = await deps.store.readOwned(req.params.id as string, operator.id);
    if (!status) notFound(req, res);
    else if (status.state !== 'done')
      sendErrors(res, 409, [{ path: '', message: BATCH_API_MESSAGES.notReady[requestLanguage(req)] }], {
        state: status.state,
      });
    else
      await sendBatchZip(res, deps.store, status, {
        notFound: () => notFound(req, res),
        // Recorded as the ZIP is handed out, so the log keeps the order of the operator's actions.
        handedOut: () => auth.audit(operator.id, 'batch-downloaded', { batchId: status.id }),
      });
  });

  return router;
}
