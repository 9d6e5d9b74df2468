import { Router, type Request, type RequestHandler } from 'express';
import { readEmlFile } from '../../mail/local-outbox';
import { isFromThisMachine } from '../http/this-machine';
import { sendLetterByMail } from '../../use-cases/send-letter-by-mail';
import type { Outbox } from '../../mail/outbox/outbox';
import type { LetterService } from '../../use-cases/letter-service';
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
 * POST /claim/send (the result page's "send by e-mail": the answers travel in the post, as for the PDF), GET /outbox
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
    const outcome = await sendLetterByMail(letterService, outbox, {
      claim: toClaimInput(state).input,
      language: pageLanguage(req),
      recipients: { claimant: body['send.claimant'] === 'yes', provider: body['send.provider'] === 'yes' },
    });
    const t = pageText(res);
    // The language switch posts the answers back to the result page (a GET of /claim/send would find nothing).
    res.locals.languageSwitch = {
      ...res.locals.languageSwitch,
      form: { action: '/claim', answers: formAnswers(state) },
    };
    res
      .status(outcome.kind === 'queued' ? 202 : 422)
      .set('Cache-Control', 'no-store')
      .render('mail-sent', {
        title: t('mail.sent.title'),
        answers: formAnswers(state),
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
          : { problem: t(`mail.problem.${outcome.kind}`), fixable: outcome.kind === 'invalid' }),
      });
  });

  router.get('/outbox', ...webForms.page, (req, res, next) => {
    const dir = localOutboxDir(outbox, deps.outboxPage, req);
    if (!dir || !outbox) return next();
    res.set('Cache-Control', 'no-store').render('outbox', outboxView(dir, outbox.store.counts(), pageText(res)));
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
