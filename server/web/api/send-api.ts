import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { claimSchema } from '../../core/claim/claim-schema';
import { interpolate, isLanguage, type Language } from '../../core/i18n/language';
import { RECIPIENT_KINDS } from '../../mail/build-letter-mail';
import { toRomeIso } from '../../core/time/rome-time';
import { CODE_FORMAT, normalizeCode } from '../../mail/confirmation-code';
import { ENQUEUE_STATUSES } from '../../mail/outbox/outbox-port';
import {
  sendLetterByMail,
  type SendGate,
  type SendLetterOutcome,
  type SendLetterRequest,
} from '../../use-cases/send-letter-by-mail';
import type { LetterService } from '../../use-cases/letter-service';
import { clientRequester } from '../http/client-key';
import { requestLanguage } from '../http/request-language';
import { retryAfterSeconds, sendBudgetMessage } from '../i18n/send-budget-texts';
import { requireJson, sendErrors } from './api-errors';
import { SEND_API_TEXTS } from './send-api-texts';
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
  confirmationCode: z
    .string()
    .regex(CODE_FORMAT)
    .optional()
    .meta({
      description:
        'The 6-digit code of the confirmation message sent to claimant.email. Without it the request sends that ' +
        'message and nothing else; with it (same claim, same recipients, before it expires) the letter is queued.',
      examples: ['123456'],
    }),
});

const deliverySchema = z
  .enum(['smtp', 'local'])
  .meta({ description: 'smtp: sent through the mail server; local: written as .eml files (no SMTP_URL configured)' });

export const confirmationSentSchema = z
  .object({
    status: z.literal('confirmation-sent'),
    recipient: z.literal('claimant'),
    address: z.string().meta({ description: 'claimant.email: the only address a code is ever sent to' }),
    delivery: deliverySchema,
    confirmation: z.enum(ENQUEUE_STATUSES).meta({
      description:
        'The confirmation message: queued (new), already-queued or already-sent (the same code was asked for ' +
        'earlier in its time window: no second message), requeued (an earlier attempt failed)',
    }),
    expiresAt: z.iso.datetime({ offset: true }).meta({ description: 'The code is accepted until this instant' }),
    messageId: z.string(),
  })
  .meta({ title: 'Confirmation sent', description: 'Step 1: a code went to the claimant; no letter was queued.' });

export const sendResponseSchema = z
  .object({
    status: z.literal('letter-queued'),
    sha256: z.string().meta({ description: 'SHA-256 of the PDF attached to every message' }),
    fileName: z.string(),
    delivery: deliverySchema,
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
  })
  .meta({
    title: 'Letter queued',
    description: 'Step 2: the code was right; the letter is queued for each recipient.',
  });

export const SEND_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/claims/send',
    operationId: 'sendClaimLetter',
    summary: 'Send the letter by e-mail, once the claimant has confirmed the address',
    description:
      'Two requests, nothing stored in between. 1. Without `confirmationCode`: the claim is checked and a short ' +
      'fixed-text message with a 6-digit code goes to `claimant.email` (202 `confirmation-sent`); nothing else is ' +
      'queued, not even the provider copy. 2. The same body with `confirmationCode`: the letter is rendered and ' +
      "one message per recipient is queued in the durable outbox: the claimant's own address and/or the " +
      "provider's configured addresses, the PDF attached, a short body with the deadline and the SHA-256 " +
      '(202 `letter-queued`). A code works only for the address, the claim and the recipients it was sent for, ' +
      'for at least MAIL_CONFIRMATION_MINUTES; a wrong or expired one is a 422 on `confirmationCode`. Every ' +
      'message counts against send budgets (per client, per address, per day for the whole server; 429 with ' +
      'Retry-After when one is spent). Asking again for the same letter and recipient does not send it again ' +
      '(already-queued / already-sent). Delivery is at-least-once. An ordinary e-mail is not a PEC.',
    tag: 'claims',
    requestBody: { json: sendRequestSchema },
    responses: {
      202: {
        description: 'Step 1: the confirmation message is queued; step 2: the letter is queued, per recipient',
        json: z.discriminatedUnion('status', [confirmationSentSchema, sendResponseSchema]),
      },
      ...ERROR_RESPONSES,
      422: {
        description:
          'Invalid input (one error per field, with its path, in the request language), a claim that is not ' +
          'eligible, or a wrong or expired `confirmationCode`.',
        json: ERROR_RESPONSES[422].json,
      },
      429: {
        description:
          'Too many requests from this client, or a send budget is spent (confirmation messages, wrong codes, ' +
          'letters): the message says which and until when.',
        json: ERROR_RESPONSES[429].json,
        headers: { 'Retry-After': { description: 'Seconds until a message fits the budget again' } },
      },
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
): Extract<SendLetterOutcome, { kind: 'invalid' }> | { kind: 'no-recipient' | 'unavailable' } {
  if (!request.recipients.claimant && !request.recipients.provider) return { kind: 'no-recipient' };
  const assessed = service.assess(request.claim, request.language);
  return assessed.ok ? { kind: 'unavailable' } : { kind: 'invalid', errors: assessed.errors };
}

const requestShape = z.object({
  claim: z.unknown(),
  recipients: recipientsChoiceSchema.default({ claimant: true, provider: false }),
  confirmationCode: z.string().transform(normalizeCode).pipe(z.string().regex(CODE_FORMAT)).optional(),
});

/** POST /api/v1/claims/send */
export function sendApi(
  service: Pick<LetterService, 'letter' | 'assess' | 'calendar' | 'ruleset'>,
  outbox: SendGate | null,
  limit: RequestHandler,
): Router {
  const router = Router();
  router.post('/send', limit, requireJson, async (req, res) => {
    const language = sendLanguage(req);
    const message = (key: keyof typeof SEND_API_TEXTS, path = '', params = {}) => [
      { path, message: interpolate(SEND_API_TEXTS[key][language], params) },
    ];
    const shape = requestShape.safeParse(req.body);
    if (!shape.success) {
      sendErrors(
        res,
        422,
        shape.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: SEND_API_TEXTS[issue.path[0] === 'confirmationCode' ? 'codeFormat' : 'invalidRecipients'][language],
        })),
      );
      return;
    }
    const request = {
      claim: shape.data.claim,
      language,
      recipients: shape.data.recipients,
      requester: clientRequester(req),
      ...(shape.data.confirmationCode === undefined ? {} : { confirmationCode: shape.data.confirmationCode }),
    };
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
      case 'wrong-code':
        sendErrors(res, 422, message('wrongCode', 'confirmationCode'));
        return;
      case 'over-budget':
        res.set('Retry-After', retryAfterSeconds(outcome.refusal));
        sendErrors(res, 429, [{ path: '', message: sendBudgetMessage(outcome.refusal, language) }]);
        return;
      case 'confirmation-sent':
        res
          .status(202)
          .set('Cache-Control', 'no-store')
          .json({
            status: 'confirmation-sent',
            recipient: 'claimant',
            address: outcome.address,
            delivery: outcome.delivery,
            confirmation: outcome.status,
            expiresAt: toRomeIso(outcome.expiresAt),
            messageId: outcome.messageId,
          });
        return;
      case 'queued':
        res
          .status(202)
          .set('Cache-Control', 'no-store')
          .json({
            status: 'letter-queued',
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
