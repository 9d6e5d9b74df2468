import { Router, type Response } from 'express';
import { OUTCOMES, SEND_METHODS } from '../../core/followup/followup-schema';
import type { FieldError } from '../../core/claim/validate-claim';
import type { FollowupFile, FollowupService, LetterPdfReader } from '../../use-cases/followup-service';
import type { WebForms } from '../security/web-forms';
import { fieldId } from '../views/view-engine';
import { formErrors } from '../views/form-errors';
import { pageLanguage, pageText } from '../views/page-locals';
import { followupView } from './followup-view';
import { readFollowupUpload } from './followup-request';

export interface FollowupPagesDeps {
  webForms: WebForms;
  service: FollowupService;
  readLetterPdf: LetterPdfReader | null;
}

/** The form's fields, in order; an error's path (`followup.sent.on`, `claim.…`) names one of them. */
const FIELDS = [
  'case',
  'letterSha256',
  'sent.method',
  'sent.on',
  'receivedOn',
  'sent.raccomandataNumber',
  'receipt',
  'outcome',
  'replyOn',
  'offer.amount',
  'offer.description',
];
const LABELS: Record<string, string> = {
  case: 'followup.field.case',
  letterSha256: 'followup.letterSha256',
  'sent.method': 'followup.sent.method',
  'sent.on': 'followup.sent.on',
  receivedOn: 'followup.receivedOn',
  'sent.raccomandataNumber': 'followup.sent.raccomandataNumber',
  receipt: 'followup.receipt',
  outcome: 'followup.outcome',
  replyOn: 'followup.replyOn',
  'offer.amount': 'followup.offer.amount',
  'offer.description': 'followup.offer.description',
};

function fieldOf(path: string): string {
  if (path.startsWith('claim') || path.startsWith('case')) return 'case';
  const field = path.replace(/^followup\./, '');
  return FIELDS.find((name) => field === name || field.startsWith(`${name}.`)) ?? '';
}

const dataUrl = (file: FollowupFile) =>
  `data:${file.contentType.split(';')[0]};base64,${file.bytes.toString('base64')}`;

/** GET /followup (the form) and POST /followup (where the claim stands and the documents, in the page). */
export function followupPages(deps: FollowupPagesDeps): Router {
  const { webForms } = deps;
  const router = Router();

  function renderForm(res: Response, status: number, values: Record<string, string>, errors: FieldError[] = []) {
    const t = pageText(res);
    const { summary, byField } = formErrors(errors, {
      fieldOf,
      fieldId,
      labelOf: (field) => t(LABELS[field] ?? field),
    });
    const choices = (name: string, options: readonly string[]) =>
      options.map((value) => ({ value, label: t(`followup.${name}.${value}`), checked: values[name] === value }));
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .render('followup-form', {
        title: t('followup.title'),
        values,
        fieldErrors: byField,
        errorSummary: summary,
        methods: choices('sent.method', SEND_METHODS),
        outcomes: choices('outcome', OUTCOMES),
      });
  }

  router.get('/followup', ...webForms.page, (_req, res) => renderForm(res, 200, {}));

  router.post('/followup', ...webForms.postWithoutBody, async (req, res) => {
    const language = pageLanguage(req);
    const read = await readFollowupUpload(req, language, { flatFields: true, readLetterPdf: deps.readLetterPdf });
    // The token is a field of the multipart body: checked once the body is read, before anything else is looked at.
    req.body = read.fields;
    let valid = false;
    webForms.checkCsrf(req, res, () => {
      valid = true;
    });
    if (!valid) return;
    const { _csrf: _token, ...values } = read.fields;
    if (!read.ok) return renderForm(res, read.status, values, read.errors);
    const outcome = await deps.service.followUp(read.request);
    if (!outcome.ok) return renderForm(res, 422, values, outcome.errors);
    const view = followupView(outcome);
    const t = pageText(res);
    const documents = view.documents.map(({ presented, file }) => ({
      ...presented,
      fileName: file?.fileName ?? '',
      href: file ? dataUrl(file) : '',
    }));
    res.set('Cache-Control', 'no-store').render('followup-result', {
      title: t('followup.result.title'),
      receipt: outcome.receipt,
      standing: outcome.presented.standing,
      applying: documents.filter((doc) => doc.applies),
      notApplying: documents.filter((doc) => !doc.applies),
      calendar: view.calendar ? { fileName: view.calendar.fileName, href: dataUrl(view.calendar) } : null,
    });
  });

  return router;
}
