import type { PresentedAssessment } from '../core/assessment/present-assessment';
import type { FieldError } from '../core/claim/validate-claim';
import type { Language } from '../core/i18n/language';
import type { LetterService } from './letter-service';
import { queueLetterMail, type MailQueue, type QueuedMail, type RecipientsChoice } from '../mail/queue-letter-mail';

export type SendLetterOutcome =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not-eligible'; presented: PresentedAssessment }
  | { kind: 'no-recipient' | 'provider-not-configured' }
  | { kind: 'queued'; sha256: string; fileName: string; delivery: 'smtp' | 'local'; messages: QueuedMail[] };

export interface SendLetterRequest {
  claim: unknown;
  language: Language;
  recipients: RecipientsChoice;
}

/** The form's and the API's "send by e-mail": validate, assess, render the letter, queue one message per recipient. */
export async function sendLetterByMail(
  service: Pick<LetterService, 'letter' | 'ruleset'>,
  outbox: MailQueue,
  request: SendLetterRequest,
): Promise<SendLetterOutcome> {
  if (!request.recipients.claimant && !request.recipients.provider) return { kind: 'no-recipient' };
  const outcome = await service.letter(request.claim, request.language);
  if (!outcome.ok) return { kind: 'invalid', errors: outcome.errors };
  if (!outcome.eligible) return { kind: 'not-eligible', presented: outcome.presented };
  const queued = await queueLetterMail(
    outbox,
    {
      letter: { claim: outcome.claim, assessment: outcome.assessment, rendered: outcome },
      recipients: request.recipients,
    },
    service.ruleset,
  );
  if (!queued.ok) return { kind: queued.problem };
  return {
    kind: 'queued',
    sha256: outcome.sha256,
    fileName: outcome.fileName,
    delivery: outbox.settings.mode,
    messages: queued.messages,
  };
}
