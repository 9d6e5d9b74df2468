import { Router, type Request, type Response } from 'express';
import type { FieldError } from '../../core/claim/field-error-schema';
import { startBatchUpload } from '../api/batch-upload';
import type { BatchServices } from '../../batch/batch-services';
import type { WebForms } from '../security/web-forms';
import { pageLanguage, pageText } from '../views/page-locals';
import { batchStatusView, batchUploadView } from './batch-page-view';

/**
 * GET /batches (upload form), POST /batches (upload → the status page, or the form with its errors),
 * GET /batches/{id} (progress, then the summary and the ZIP download). Works without JavaScript.
 */
export function batchPages(deps: BatchServices & { webForms: WebForms }): Router {
  const { webForms } = deps;
  const router = Router();

  function renderForm(
    req: Request,
    res: Response,
    status: number,
    values?: Record<string, string>,
    errors?: FieldError[],
  ): void {
    const view = batchUploadView({
      language: pageLanguage(req),
      t: pageText(res),
      values,
      errors,
      limits: deps.limits,
    });
    res.status(status).set('Cache-Control', 'no-store').render('batch-upload', view);
  }

  router.get('/batches', ...webForms.page, (req, res) => renderForm(req, res, 200));

  router.post('/batches', ...webForms.postWithoutBody, async (req, res) => {
    let fields: Record<string, string> = {};
    // The multipart body is read by the upload itself; the CSRF token is one of its fields, checked before the file is.
    const authorize = (received: Record<string, string>) => {
      fields = received;
      req.body = received;
      let valid = false;
      webForms.checkCsrf(req, res, () => {
        valid = true;
      });
      return valid;
    };
    const outcome = await startBatchUpload(req, deps, pageLanguage(req), authorize);
    if (outcome.ok) {
      res.redirect(303, `/batches/${outcome.job.status.id}?lang=${pageLanguage(req)}`);
      return;
    }
    if (outcome.status === 403) return; // checkCsrf has answered with its page
    const { _csrf: _token, ...values } = fields;
    renderForm(req, res, outcome.status, values, outcome.errors);
  });

  router.get('/batches/:id', ...webForms.page, async (req, res) => {
    const status = await deps.store.read(String(req.params.id));
    const t = pageText(res);
    if (!status) {
      res
        .status(404)
        .set('Cache-Control', 'no-store')
        .render('error', { title: t('batch.status.gone.title'), message: t('batch.status.gone') });
      return;
    }
    res
      .set('Cache-Control', 'no-store')
      .render('batch-status', batchStatusView(status, { language: pageLanguage(req), t }));
  });

  return router;
}
