import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { errorResponseSchema } from '../../core/claim/field-error-schema';
import { letterSha256 } from '../../core/followup/followup-schema';
import { DOCUMENT_KINDS } from '../../core/followup/followup-status';
import type { FollowupFile, FollowupService, LetterPdfReader } from '../../use-cases/followup-service';
import { requestLanguage } from '../http/request-language';
import { sendErrors } from '../api/api-errors';
import type { ApiOperation, ApiResponse } from '../api/openapi/api-operation';
import { ERROR_RESPONSES } from '../api/openapi/common-responses';
import { followupView } from './followup-view';
import { readFollowupUpload } from './followup-request';

const fileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  sha256: z.string(),
  /** The file's bytes, base64: nothing is kept on the server to download later. */
  base64: z.string(),
});

export const followupResponseSchema = z.object({
  standing: z.array(z.string()).describe('Where the claim stands, one sentence each'),
  status: z.object({
    followupDate: z.string(),
    receivedOn: z.string(),
    receivedOnSource: z.enum(['pec-receipt', 'declared', 'by-hand', 'estimated-from-sending']),
    delivered: z.boolean(),
    firstDeadline: z.string(),
    deadlinePassed: z.boolean(),
    prescriptionLastDay: z.string(),
    prescribed: z.boolean(),
    totalCents: z.number().int(),
    offerCents: z.number().int(),
    remainingAfterOfferCents: z.number().int(),
    dueCents: z.number().int(),
    court: z.enum(['giudice-di-pace', 'tribunale', 'uncertain']),
    selfRepresentation: z.boolean(),
    finalTerm: z.string(),
  }),
  receipt: z
    .object({ verdict: z.string(), sentences: z.array(z.string()) })
    .nullable()
    .describe('What the uploaded PEC receipt proves about the letter'),
  documents: z.array(
    z.object({
      kind: z.enum(DOCUMENT_KINDS),
      title: z.string(),
      applies: z.boolean(),
      explanation: z.string(),
      file: fileSchema.nullable(),
    }),
  ),
  calendar: fileSchema.nullable().describe('scadenza.ics: the sollecito’s last term'),
});

export const followupUploadSchema = z.object({
  case: z
    .string()
    .describe('File: the letter PDF (once readable) or JSON: {"claim": …, "letterSha256": …}, or the claim'),
  letterSha256: letterSha256().optional(),
  receipt: z.string().optional().describe('File: the PEC receipt (.eml) of the first letter'),
  followup: z
    .string()
    .describe(
      'JSON: {"sent": {"method": "pec|raccomandata|hand", "on": "YYYY-MM-DD", "raccomandataNumber": …}, ' +
        '"receivedOn", "outcome": "no-reply|refused|partial|paid", "replyOn", "offer": {"amount", "description"}, ' +
        '"date", "place"}',
    ),
});

const errors = (description: string): ApiResponse => ({ description, json: errorResponseSchema });

export const FOLLOWUPS_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/followups',
    operationId: 'followUp',
    summary: 'Continue a claim after the first letter',
    description:
      'The case (the letter or its claim), how and when it was sent, its PEC receipt, and what happened (no-reply, ' +
      'refused, partial, paid) → where the claim stands and every document that applies, each explained, as files ' +
      'in the answer. Nothing is stored.',
    tag: 'followups',
    requestBody: { multipart: followupUploadSchema },
    responses: {
      200: { description: 'Where the claim stands and the documents', json: followupResponseSchema },
      400: errors('Malformed multipart body.'),
      413: errors('A file over its limit (case 20 MB, receipt 10 MB).'),
      415: errors('Not multipart/form-data.'),
      422: errors('Invalid input: one error per field, with its path, in the request language.'),
      429: ERROR_RESPONSES[429],
    },
  },
];

const fileJson = (file: FollowupFile) => ({
  fileName: file.fileName,
  contentType: file.contentType,
  sha256: file.sha256,
  base64: file.bytes.toString('base64'),
});

/** POST /api/v1/followups. */
export function followupsApi(
  service: FollowupService,
  options: { uploadLimit: RequestHandler; readLetterPdf: LetterPdfReader | null },
): Router {
  const router = Router();
  router.post('/', options.uploadLimit, async (req, res) => {
    const language = requestLanguage(req);
    const read = await readFollowupUpload(req, language, { flatFields: false, readLetterPdf: options.readLetterPdf });
    if (!read.ok) return sendErrors(res, read.status, read.errors);
    const outcome = await service.followUp(read.request);
    if (!outcome.ok) return sendErrors(res, 422, outcome.errors);
    const view = followupView(outcome);
    res.set('Cache-Control', 'no-store').json({
      standing: outcome.presented.standing,
      status: view.status,
      receipt: outcome.receipt,
      documents: view.documents.map((doc) => ({ ...doc.presented, file: doc.file ? fileJson(doc.file) : null })),
      calendar: view.calendar ? fileJson(view.calendar) : null,
    });
  });
  return router;
}
