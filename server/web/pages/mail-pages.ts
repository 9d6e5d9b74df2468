import { Router, type Request, type RequestHandler } from 'express';
import { readEmlFile } from '../../mail/local-outbox';
import { isFromThisMachine } from '../http/this-machine';
import { formatRomeDateTime } from '../../core/time/rome-time';
import { CODE_FORMAT, normalizeCode } from '../../mail/confirmation-code';
import { sendLetterByMail } from '../../use-cases/send-letter-by-mail';
import type { Outbox } from '../../mail/outbox/outbox';
import type { LetterService } from '../../use-cases/letter-service';
import { clientRequester } from '../http/client-key';
import { retryAfterSeconds, sendBudgetMessage } from '../i18n/send-budget-texts';
import type { WebForms } from '../security/web-forms';
import { pageLanguage, pageText } from '../views/page-locals';
import { toClaimInput } from './claim-form-input';
import { formAnswers, readFormState } from './claim-form-state';
import { outboxView, sendByMailView } from './mail-views';

export interface MailPagesDeps {
  webForms: WebForms;
  letterService: LetterService;
  outbox: Outbox | null;
  /** The send rate limit (RATE_LIMIT_SEND_PER_MINUTE) answering with the 429 page. */
  sendLimit: RequestHandler;
  /** OUTBOX_PAGE: the local outbox page may be shown at all. */
  outboxPage: boolean;
}

/** The local outbox shows other people's letters: only in local mode, and only to a browser on this machine. */
function localOutboxDir(outbox: Outbox | null, enabled: boolean, req: Request): string | null {
  if (!enabled || !outbox || outbox.settings.mode !== 'local') return null;
  return isFromThisMachine(req) ? outbox.settings.outboxDir : null;
}

/**
 * POST /claim/send (the result page's "send by e-mail", in two steps: a code to the claimant's address, then the
 * letter once the code comes back; the answers travel in the posts, as for the PDF), GET /outbox
 * and GET /outbox/:file (local mode only). Also sets `mail` for the result page's send form.
 */
export function mailPages(deps: MailPagesDeps): Router {
  const { webForms, letterService, outbox } = deps;
  const router = Router();

  router.use((_req, res, next) => {
    res.locals.mail = sendByMailView(outbox, letterService.ruleset);
    next();
  });

  router.post('/claim/send', ...webForms.post, deps.sendLimit, async (req, res, next) => {
    if (!outbox) return next();
    const body = req.body as Record<string, unknown>;
    const state = readFormState(body);
    const language = pageLanguage(req);
    const t = pageText(res);
    const answers = formAnswers(state);
    const recipients = { claimant: body['send.claimant'] === 'yes', provider: body['send.provider'] === 'yes' };
    const sendChoices = Object.entries({ 'send.claimant': recipients.claimant, 'send.provider': recipients.provider })
      .filter(([, chosen]) => chosen)
      .map(([name]) => ({ name, value: 'yes' }));
    // The language switch posts the answers back to the result page (a GET of /claim/send would find nothing).
    res.locals.languageSwitch = { ...res.locals.languageSwitch, form: { action: '/claim', answers } };
    const confirmPage = (status: number, view: Record<string, unknown>) =>
      res
        .status(status)
        .set('Cache-Control', 'no-store')
        .render('mail-confirm', { title: t('mail.confirm.title'), answers, sendChoices, ...view });
    const codeProblem = (message: string) =>
      confirmPage(422, {
        lead: t('mail.confirm.lead.retry', { address: state.values['claimant.email'] ?? '' }),
        codeError: message,
        errorSummary: [{ href: '#confirmation-code', message: `${t('mail.confirm.code')}: ${message}` }],
      });

    // The second step posts the code back with the same answers; "send the code again" is the first step again.
    const typed = normalizeCode(typeof body.confirmationCode === 'string' ? body.confirmationCode : '');
    const confirming = body.intent !== 'new-code' && (body.confirm === 'yes' || typed !== '');
    if (confirming && !CODE_FORMAT.test(typed)) return codeProblem(t('mail.confirm.missing'));
    const outcome = await sendLetterByMail(letterService, outbox, {
      claim: toClaimInput(state).input,
      language,
      recipients,
      requester: clientRequester(req),
      ...(confirming ? { confirmationCode: typed } : {}),
    });
    if (outcome.kind === 'wrong-code') return codeProblem(t('mail.confirm.wrong'));
    if (outcome.kind === 'confirmation-sent') {
      return confirmPage(202, {
        lead: t(`mail.confirm.lead.${outcome.status}`, { address: outcome.address }),
        expiresAt: formatRomeDateTime(outcome.expiresAt, language),
        local: outcome.delivery === 'local',
      });
    }
    if (outcome.kind === 'over-budget') res.set('Retry-After', retryAfterSeconds(outcome.refusal));
    res
      .status(outcome.kind === 'queued' ? 202 : outcome.kind === 'over-budget' ? 429 : 422)
      .set('Cache-Control', 'no-store')
      .render('mail-sent', {
        title: t('mail.sent.title'),
        answers,
        ...(outcome.kind === 'queued'
          ? {
              sha256: outcome.sha256,
              local: outcome.delivery === 'local' && localOutboxDir(outbox, deps.outboxPage, req) !== null,
              messages: outcome.messages.map((message) => ({
                kind: t(`mail.sent.kind.${message.kind}`),
                address: message.address,
                status: t(`mail.status.${message.status}`),
              })),
            }
          : outcome.kind === 'over-budget'
            ? { problem: sendBudgetMessage(outcome.refusal, language) }
            : { problem: t(`mail.problem.${outcome.kind}`), fixable: outcome.kind === 'invalid' }),
      });
  });

  router.get('/outbox', ...webForms.page, async (req, res, next) => {
    const dir = localOutboxDir(outbox, deps.outboxPage, req);
    if (!dir || !outbox) return next();
    const counts = await outbox.store.counts();
    res.set('Cache-Control', 'no-store').render('outbox', outboxView(dir, counts, pageText(res)));
  });

  router.get('/outbox/:file', (req, res, next) => {
    const dir = localOutboxDir(outbox, deps.outboxPage, req);
    const bytes = dir ? readEmlFile(dir, req.params.file) : null;
    if (!bytes) return next();
    res.set('Cache-Control', 'no-store').set('X-Content-Type-Options', 'nosniff');
    if (req.query.download !== undefined) res.type('message/rfc822').attachment(req.params.file);
    else res.type('text/plain; charset=utf-8');
    res.send(bytes);
  });

  return router;
}
