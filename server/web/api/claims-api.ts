import { Router } from 'express';
import type { LetterService } from '../../services/letter-service';
import { requestLanguage } from '../request-language';
import { requireJson, sendErrors } from './api-errors';

export const LETTER_SHA256_HEADER = 'X-Letter-SHA256';
export const RULESET_VERSION_HEADER = 'X-Ruleset-Version';

/** POST /api/v1/claims/assess and /api/v1/claims/letter. */
export function claimsApi(service: LetterService): Router {
  const router = Router();

  router.post('/assess', requireJson, (req, res) => {
    const assessed = service.assess(req.body, requestLanguage(req));
    if (!assessed.ok) {
      sendErrors(res, 422, assessed.errors);
      return;
    }
    res.json(assessed.presented);
  });

  router.post('/letter', requireJson, async (req, res) => {
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
