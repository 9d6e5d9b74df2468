import { Router } from 'express';
import { z } from 'zod';
import { presentedAssessmentSchema } from '../../core/assessment/presented-assessment-schema';
import { claimSchema } from '../../core/claim/claim-schema';
import { errorResponseSchema, fieldErrorSchema } from '../../core/claim/field-error-schema';
import type { LetterService } from '../../use-cases/letter-service';
import type { RateLimits } from '../http/rate-limits';
import { requestLanguage } from '../http/request-language';
import { requireJson, sendErrors } from './api-errors';
import type { ApiOperation } from './openapi/api-operation';
import { ERROR_RESPONSES } from './openapi/common-responses';

export const LETTER_SHA256_HEADER = 'X-Letter-SHA256';
export const RULESET_VERSION_HEADER = 'X-Ruleset-Version';

const notEligibleSchema = z.object({
  errors: z.array(fieldErrorSchema),
  eligible: z.literal(false),
  reasons: presentedAssessmentSchema.shape.reasons,
  warnings: presentedAssessmentSchema.shape.warnings,
  assessment: presentedAssessmentSchema,
});

export const CLAIMS_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/claims/assess',
    operationId: 'assessClaim',
    summary: 'Assess a claim',
    description:
      'Eligibility with every reason and warning, the compensation line by ' +
      'line with its legal basis, the deadline and the ruleset version.',
    tag: 'claims',
    requestBody: { json: claimSchema },
    responses: {
      200: {
        description: 'The assessment (also when not eligible: see `eligible` and `reasons`)',
        json: presentedAssessmentSchema,
      },
      ...ERROR_RESPONSES,
    },
  },
  {
    method: 'post',
    path: '/api/v1/claims/letter',
    operationId: 'claimLetter',
    summary: 'Render the letter as PDF/A',
    description:
      'The formal letter (diffida e messa in mora) as a tagged PDF/A-3a carrying the claim (reclamo-claim.json). ' +
      'The same claim and date always give the same bytes. When more letters are waiting than the server can render ' +
      'within about a second, it answers 503 at once with Retry-After instead of keeping the client waiting.',
    tag: 'claims',
    requestBody: { json: claimSchema },
    responses: {
      200: {
        description: 'The letter',
        media: { 'application/pdf': { description: 'PDF/A-3a' } },
        headers: {
          [LETTER_SHA256_HEADER]: { description: 'SHA-256 of the PDF, to prove what was sent' },
          [RULESET_VERSION_HEADER]: { description: 'Version of the rules that produced it' },
          'Content-Disposition': { description: 'attachment with an ASCII file name' },
        },
      },
      ...ERROR_RESPONSES,
      503: {
        description: 'Too many letters waiting to be rendered: try again after Retry-After seconds',
        json: errorResponseSchema,
        headers: { 'Retry-After': { description: 'Seconds until the letters waiting now should be done' } },
      },
      422: {
        description: 'Invalid input (field errors) or a claim that is not eligible (with its reasons and assessment)',
        json: z.union([notEligibleSchema, errorResponseSchema]),
      },
    },
  },
];

/** POST /api/v1/claims/assess and /api/v1/claims/letter. */
export function claimsApi(service: LetterService, limits: Pick<RateLimits, 'assess' | 'letter'>): Router {
  const router = Router();

  router.post('/assess', limits.assess, requireJson, (req, res) => {
    const assessed = service.assess(req.body, requestLanguage(req));
    if (!assessed.ok) {
      sendErrors(res, 422, assessed.errors);
      return;
    }
    res.json(assessed.presented);
  });

  router.post('/letter', limits.letter, requireJson, async (req, res) => {
    const outcome = await service.letter(req.body, requestLanguage(req));
    if (!outcome.ok) {
      sendErrors(res, 422, outcome.errors);
      return;
    }
    if (!outcome.eligible) {
      const { presented } = outcome;
      sendErrors(
        res,
        422,
        presented.reasons.map((reason) => ({ path: '', message: reason.message })),
        { eligible: false, reasons: presented.reasons, warnings: presented.warnings, assessment: presented },
      );
      return;
    }
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${outcome.fileName}"`)
      .set(LETTER_SHA256_HEADER, outcome.sha256)
      .set(RULESET_VERSION_HEADER, outcome.assessment.ruleset.version)
      .set('Cache-Control', 'no-store')
      .send(outcome.pdf);
  });

  return router;
}
