import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { FieldError } from '../../core/claim/field-error-schema';
import { startBatchUpload } from '../api/batch-upload';
import type { BatchServices } from '../../batch/batch-services';
import { renderSignIn } from '../operators/sign-in-view';
import { currentOperator, type OperatorSessions } from '../security/operator-session';
import type { WebForms } from '../security/web-forms';
import type { OperatorIdentity } from '../../use-cases/operators/operator-identity';
import { pageLanguage, pageText } from '../views/page-locals';
import { batchListView, batchStatusView, batchUploadView } from './batch-page-view';

/** Room for the form fields and multipart boundaries around the file. */
const MULTIPART_OVERHEAD = 256 * 1024;

/** A page for operators: someone not signed in gets the sign-in form, which comes back here once signed in. */
export const operatorsOnly =
  (status: number): RequestHandler =>
  (req, res, next) => {
    if (currentOperator(res)) next();
    else renderSignIn(req, res, status, status === 200 ? {} : { notice: 'required' });
  };

/**
 * An upload from someone not signed in (often a session that ended while the form was open): the sign-in page, which
 * comes back to `next`. The body is never parsed nor stored, only let through up to the upload limit so the browser
 * gets to read the answer (cut off mid-send, it would show a connection error instead); past the limit the
 * connection is closed.
 */
export function uploadsFromOperatorsOnly(webForms: WebForms, maxBytes: number, next: string): RequestHandler {
  return (req, res, proceed) => {
    if (currentOperator(res)) return proceed();
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes + MULTIPART_OVERHEAD) req.destroy();
    });
    req.resume();
    webForms.provideCsrfToken(req, res, () => renderSignIn(req, res, 401, { notice: 'required', next }));
  };
}

/**
 * The CSRF check of a multipart form, whose body the upload itself reads: `authorize` gets the form fields (the token
 * is one of them, sent before the file) and answers 403 with the CSRF page when it does not match; `fields` gives
 * them back afterwards (to show the form again).
 */
export function multipartCsrf(webForms: WebForms, req: Request, res: Response) {
  let fields: Record<string, string> = {};
  return {
    authorize: (received: Record<string, string>) => {
      fields = received;
      req.body = received;
      let valid = false;
      webForms.checkCsrf(req, res, () => {
        valid = true;
      });
      return valid;
    },
    fields: () => fields,
  };
}

export interface BatchPagesDeps extends BatchServices {
  webForms: WebForms;
  sessions: OperatorSessions;
}

/**
 * GET /batches (upload form), POST /batches (upload → the status page, or the form with its errors),
 * GET /batches/{id} (progress, then the summary and the ZIP download). Works without JavaScript. For signed-in
 * operators only: anyone else gets the sign-in form in place (and an upload is refused before its body is read);
 * an operator sees only the batches they submitted.
 */
export function batchPages(deps: BatchPagesDeps): Router {
  const { webForms, sessions } = deps;
  const router = Router();

  async function renderForm(
    req: Request,
    res: Response,
    status: number,
    operator: OperatorIdentity,
    values?: Record<string, string>,
    errors?: FieldError[],
  ): Promise<void> {
    const language = pageLanguage(req);
    const t = pageText(res);
    const view = batchUploadView({ language, t, values, errors, limits: deps.limits });
    const batches = batchListView(await deps.store.list(operator.id), { language, t });
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .render('batch-upload', { ...view, batches });
  }

  router.get('/batches', ...webForms.page, sessions.identify, operatorsOnly(200), (req, res) =>
    renderForm(req, res, 200, currentOperator(res)!),
  );

  const uploadOperatorsOnly = uploadsFromOperatorsOnly(webForms, deps.limits.maxBytes, '/batches');

  router.post('/batches', ...webForms.postWithoutBody, sessions.identify, uploadOperatorsOnly, async (req, res) => {
    const operator = currentOperator(res)!;
    const csrf = multipartCsrf(webForms, req, res);
    const outcome = await startBatchUpload(req, res, deps, pageLanguage(req), {
      operatorId: operator.id,
      authorize: csrf.authorize,
    });
    if (outcome.ok) {
      await sessions.auth.audit(operator.id, 'batch-submitted', { batchId: outcome.job.status.id });
      res.redirect(303, `/batches/${outcome.job.status.id}?lang=${pageLanguage(req)}`);
      return;
    }
    if (outcome.status === 403) return; // checkCsrf has answered with its page
    const { _csrf: _token, ...values } = csrf.fields();
    await renderForm(req, res, outcome.status, operator, values, outcome.errors);
  });

  router.get('/batches/:id', ...webForms.page, sessions.identify, operatorsOnly(401), async (req, res) => {
    const status = await deps.store.readOwned(String(req.params.id), currentOperator(res)!.id);
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
