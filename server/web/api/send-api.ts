import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { claimSchema } from '../../core/claim/claim-schema';
import { interpolate, isLanguage, type Language, type Localized } from '../../core/i18n/language';
import { RECIPIENT_KINDS } from '../../mail/build-letter-mail';
import type { MailQueue } from '../../mail/queue-letter-mail';
import { ENQUEUE_STATUSES } from '../../mail/outbox/outbox-store';
import { sendLetterByMail, type SendLetterOutcome, type SendLetterRequest } from '../../use-cases/send-letter-by-mail';
import type { LetterService } from '../../use-cases/letter-service';
import { requestLanguage } from '../http/request-language';
import { requireJson, sendErrors } from './api-errors';
import type { ApiOperation } from './openapi/api-operation';
import { ERROR_RESPONSES } from './openapi/common-responses';

export const recipientsChoiceSchema = z
  .strictObject({
    claimant: z.boolean().default(true).meta({ description: "A copy to the claimant's own address (claimant.email)" }),
    provider: z
      .boolean()
      .default(false)
      .meta({ description: "The provider's complaint address(es) configured on this server (PROVIDER_ADDRESSES)" }),
  })
  .meta({ description: 'Who receives the letter. Only these two: an address cannot be typed in.' });

export const sendRequestSchema = z.strictObject({
  claim: claimSchema,
  recipients: recipientsChoiceSchema.default({ claimant: true, provider: false }),
});

export const sendResponseSchema = z.object({
  sha256: z.string().meta({ description: 'SHA-256 of the PDF attached to every message' }),
  fileName: z.string(),
  delivery: z
    .enum(['smtp', 'local'])
    .meta({ description: 'smtp: sent through the mail server; local: written as .eml files (no SMTP_URL configured)' }),
  messages: z.array(
    z.object({
      recipient: z.enum(RECIPIENT_KINDS),
      address: z.string(),
      status: z.enum(ENQUEUE_STATUSES).meta({
        description:
          'queued: new; already-queued: this letter is already on its way to this ' +
          'address; already-sent: it was sent before and is not sent again; ' +
          'requeued: an earlier attempt failed and it is queued again',
      }),
      messageId: z.string(),
    }),
  ),
});

const MESSAGES = {
  noRecipient: { it: 'Scegliere almeno un destinatario.', en: 'Choose at least one recipient.' },
  providerNotConfigured: {
    it:
      'Questo server non ha un indirizzo configurato per i reclami a ' +
      '{service}: inviare la lettera personalmente (ad esempio dalla propria ' +
      'PEC).',
    en:
      'This server has no address configured for complaints to {service}: ' +
      'send the letter yourself (for example from your own PEC).',
  },
  notEligible: {
    it: 'La richiesta non è idonea: nessuna lettera da inviare.',
    en: 'The claim is not eligible: there is no letter to send.',
  },
  invalidRecipients: { it: 'Indicare true o false.', en: 'Give true or false.' },
  unavailable: {
    it: "L'invio per e-mail non è disponibile su questo server.",
    en: 'Sending by e-mail is not available on this server.',
  },
} satisfies Record<string, Localized>;

export const SEND_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/claims/send',
    operationId: 'sendClaimLetter',
    summary: 'Send the letter by e-mail',
    description:
      'Renders the letter and queues one message per recipient in the durable ' +
      'outbox: the PDF attached, a short body with the deadline and the ' +
      "SHA-256. Recipients are only the claimant's own address and the " +
      "provider's configured addresses. Asking again for the same letter and " +
      'recipient does not send it again (status already-queued / ' +
      'already-sent). Delivery is at-least-once. An ordinary e-mail is not a ' +
      'PEC.',
    tag: 'claims',
    requestBody: { json: sendRequestSchema },
    responses: {
      202: { description: 'Queued: the status of each message', json: sendResponseSchema },
      ...ERROR_RESPONSES,
      503: { description: 'Sending by e-mail is not available on this server', json: ERROR_RESPONSES[422].json },
    },
  },
];

function sendLanguage(req: Request): Language {
  const claimLanguage = (req.body as { claim?: { letter?: { language?: unknown } } } | undefined)?.claim?.letter
    ?.language;
  return isLanguage(req.query.lang) || !isLanguage(claimLanguage) ? requestLanguage(req) : claimLanguage;
}

function checkOnly(
  service: Pick<LetterService, 'assess'>,
  request: SendLetterRequest,
): Exclude<SendLetterOutcome, { kind: 'queued' }> | { kind: 'unavailable' } {
  if (!request.recipients.claimant && !request.recipients.provider) return { kind: 'no-recipient' };
  const assessed = service.assess(request.claim, request.language);
  return assessed.ok ? { kind: 'unavailable' } : { kind: 'invalid', errors: assessed.errors };
}

const requestShape = z.object({
  claim: z.unknown(),
  recipients: recipientsChoiceSchema.default({ claimant: true, provider: false }),
});

/** POST /api/v1/claims/send */
export function sendApi(
  service: Pick<LetterService, 'letter' | 'assess' | 'ruleset'>,
  outbox: MailQueue | null,
  limit: RequestHandler,
): Router {
  const router = Router();
  router.post('/send', limit, requireJson, async (req, res) => {
    const language = sendLanguage(req);
    const message = (key: keyof typeof MESSAGES, path = '', params = {}) => [
      { path, message: interpolate(MESSAGES[key][language], params) },
    ];
    const shape = requestShape.safeParse(req.body);
    if (!shape.success) {
      sendErrors(
        res,
        422,
        shape.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: interpolate(MESSAGES.invalidRecipients[language]),
        })),
      );
      return;
    }
    const request = { claim: shape.data.claim, language, recipients: shape.data.recipients };
    // Without an outbox the input is still checked first: a wrong request is a 4xx wherever it is sent.
    const outcome = outbox ? await sendLetterByMail(service, outbox, request) : checkOnly(service, request);
    switch (outcome.kind) {
      case 'invalid':
        sendErrors(
          res,
          422,
          outcome.errors.map((error) => ({
            path: error.path ? `claim.${error.path}` : 'claim',
            message: error.message,
          })),
        );
        return;
      case 'not-eligible':
        sendErrors(
          res,
          422,
          [
            ...message('notEligible'),
            ...outcome.presented.reasons.map((reason) => ({ path: '', message: reason.message })),
          ],
          { eligible: false },
        );
        return;
      case 'no-recipient':
        sendErrors(res, 422, message('noRecipient', 'recipients'));
        return;
      case 'provider-not-configured': {
        const provider =
          (shape.data.claim as { account?: { provider?: 'libero' | 'virgilio' } }).account?.provider ?? 'libero';
        sendErrors(
          res,
          422,
          message('providerNotConfigured', 'recipients.provider', { service: service.ruleset.services[provider].name }),
        );
        return;
      }
      case 'unavailable':
        sendErrors(res, 503, message('unavailable'));
        return;
      case 'queued':
        res
          .status(202)
          .set('Cache-Control', 'no-store')
          .json({
            sha256: outcome.sha256,
            fileName: outcome.fileName,
            delivery: outcome.delivery,
            messages: outcome.messages.map(({ kind, address, status, messageId }) => ({
              recipient: kind,
              address,
              status,
              messageId,
            })),
          });
    }
  });
  return router;
}
