import { Router } from 'express';
import { batchTemplateCsv } from '../../core/member-list/batch-template';
import { requestLanguage } from '../http/request-language';

/** GET /batches/template.csv: the columns of a member list with one example row (`?lang=en` for English names). */
export function batchTemplateRoute(): Router {
  const router = Router();
  router.get('/batches/template.csv', (req, res) => {
    const language = requestLanguage(req);
    res
      .type('text/csv; charset=utf-8')
      .set(
        'Content-Disposition',
        `attachment; filename="${language === 'it' ? 'modello-soci' : 'members-template'}.csv"`,
      )
      .send(batchTemplateCsv(language));
  });
  return router;
}
