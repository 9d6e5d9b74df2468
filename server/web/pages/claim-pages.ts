import { Router, type Request, type RequestHandler, type Response } from 'express';
import { estimateClaim } from '../../use-cases/estimate-claim';
import type { LetterService } from '../../use-cases/letter-service';
import type { WebForms } from '../security/web-forms';
import { pageLanguage, pageText } from '../views/page-locals';
import { fieldId } from '../views/view-engine';
import { toClaimInput } from './claim-form-input';
import { formErrors, type FormErrors } from '../views/form-errors';
import {
  addDamageRow,
  emptyFormState,
  formAnswers,
  readFormState,
  removeDamageRow,
  type FormState,
} from './claim-form-state';
import { claimFormView, fieldLabel } from './claim-form-view';
import { claimResultView } from './claim-result-view';

export interface ClaimPagesDeps {
  webForms: WebForms;
  /** The queued letter service of the app: every PDF goes through the render queue. */
  letterService: LetterService;
  /** The rate limit of the routes that render a PDF, on top of the form limit. */
  pdfLimit: RequestHandler;
  /** The rate limit of the live estimate (the assess family: cheap, asked as the person types). */
  estimateLimit: RequestHandler;
}

/**
 * GET / (explanation and form), POST /claim (check → result page, or the form with its errors), POST /claim/edit
 * (the form again with every answer), POST /claim/letter.pdf (the PDF), POST /claim/deadline.ics (the deadline as a
 * calendar file). The answers travel in the posts only.
 */
export function claimPages(deps: ClaimPagesDeps): Router {
  const { webForms, letterService } = deps;
  const router = Router();

  function renderForm(req: Request, res: Response, state: FormState, errors?: FormErrors): void {
    const language = pageLanguage(req);
    if (req.method === 'POST') {
      res.locals.languageSwitch = {
        ...res.locals.languageSwitch,
        form: { action: errors ? '/claim' : '/claim/edit', answers: formAnswers(state) },
      };
    }
    res
      .status(errors ? 422 : 200)
      .set('Cache-Control', 'no-store')
      .render(
        'claim-form',
        claimFormView(state, { language, t: pageText(res), ruleset: letterService.ruleset, errors }),
      );
  }

  /** Validates and assesses the answers; on a problem renders the form with its errors and returns null. */
  function assessOrShowErrors(req: Request, res: Response, state: FormState) {
    const { input, fieldOf } = toClaimInput(state);
    const assessed = letterService.assess(input, pageLanguage(req));
    if (assessed.ok) return assessed;
    const t = pageText(res);
    renderForm(
      req,
      res,
      state,
      formErrors(assessed.errors, { fieldOf, fieldId, labelOf: (field) => fieldLabel(field, t) }),
    );
    return null;
  }

  function renderResult(
    req: Request,
    res: Response,
    state: FormState,
    assessed: NonNullable<ReturnType<typeof assessOrShowErrors>>,
  ): void {
    const letter = assessed.assessment.eligible ? letterService.compose(assessed.claim, assessed.assessment) : null;
    const view = claimResultView(assessed, letter, state, {
      language: pageLanguage(req),
      t: pageText(res),
      ruleset: letterService.ruleset,
    });
    res.locals.languageSwitch = {
      ...res.locals.languageSwitch,
      form: { action: view.languageSwitchAction, answers: view.answers },
    };
    res.status(200).set('Cache-Control', 'no-store').render('claim-result', view);
  }

  router.get('/', ...webForms.page, (req, res) => {
    renderForm(req, res, emptyFormState(pageLanguage(req)));
  });

  // A result is only ever the answer to a post: a reload or a bookmark of its address starts again at the form.
  router.get(['/claim', '/claim/edit', '/claim/letter.pdf', '/claim/deadline.ics'], (_req, res) =>
    res.redirect(303, '/'),
  );

  router.post('/claim', ...webForms.post, (req, res) => {
    const state = readFormState(req.body);
    const intent = String((req.body as Record<string, unknown>).intent ?? '');
    if (intent === 'add-damage') return renderForm(req, res, addDamageRow(state));
    const removed = /^remove-damage:(\d{1,2})$/.exec(intent);
    if (removed) return renderForm(req, res, removeDamageRow(state, Number(removed[1])));
    const assessed = assessOrShowErrors(req, res, state);
    if (assessed) renderResult(req, res, state, assessed);
  });

  router.post('/claim/edit', ...webForms.post, (req, res) => {
    renderForm(req, res, readFormState(req.body));
  });

  // The live estimate of public/claim-form.js: the form's own fields (without who the person is), the server's own
  // mapping, JSON back. It decides nothing the result page does not decide again.
  router.post('/claim/estimate', ...webForms.postLimitedBy(deps.estimateLimit), (req, res) => {
    const { input } = toClaimInput(readFormState(req.body));
    const estimate = estimateClaim(letterService, input, pageLanguage(req));
    res.set('Cache-Control', 'no-store');
    if (!estimate.ok) res.status(422).json({ errors: estimate.errors });
    else if (!estimate.eligible) res.json({ eligible: false });
    else res.json({ eligible: true, totalCents: estimate.totalCents, total: estimate.total });
  });

  router.post('/claim/letter.pdf', ...webForms.post, deps.pdfLimit, async (req, res) => {
    const state = readFormState(req.body);
    const assessed = assessOrShowErrors(req, res, state);
    if (!assessed) return;
    if (!assessed.assessment.eligible) return renderResult(req, res, state, assessed);
    const rendered = await letterService.render(assessed.claim, assessed.assessment);
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${rendered.fileName}"`)
      .set('Cache-Control', 'no-store')
      .send(rendered.pdf);
  });

  // The deadline in the calendar: the same answers, the letter rendered for its SHA-256 (the event's UID).
  router.post('/claim/deadline.ics', ...webForms.post, deps.pdfLimit, async (req, res) => {
    const state = readFormState(req.body);
    const assessed = assessOrShowErrors(req, res, state);
    if (!assessed) return;
    if (!assessed.assessment.eligible) return renderResult(req, res, state, assessed);
    const rendered = await letterService.render(assessed.claim, assessed.assessment);
    const calendar = letterService.calendar(assessed.claim, assessed.assessment, rendered);
    res
      .status(200)
      .type(calendar.contentType)
      .set('Content-Disposition', `attachment; filename="${calendar.fileName}"`)
      .set('Cache-Control', 'no-store')
      .send(calendar.content);
  });

  return router;
}
