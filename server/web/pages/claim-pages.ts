import { Router } from 'express';
import type { LetterService } from '../../services/letter-service';
import type { WebForms } from '../security/web-forms';
import { pageText } from '../views/page-locals';

export interface ClaimPagesDeps {
  webForms: WebForms;
  letterService: LetterService;
}

/** GET / (explanation and form). */
export function claimPages(deps: ClaimPagesDeps): Router {
  const router = Router();
  router.get('/', ...deps.webForms.page, (_req, res) => {
    const t = pageText(res);
    res.render('claim-form', { title: t('form.title') });
  });
  return router;
}
