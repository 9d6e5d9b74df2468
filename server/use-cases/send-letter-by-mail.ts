import type { PresentedAssessment } from '../core/assessment/present-assessment';
import { claimDigest } from '../core/claim/claim-digest';
import type { FieldError } from '../core/claim/validate-claim';
import type { Language } from '../core/i18n/language';
import { verifyCode, type CodeSubject } from '../mail/confirmation-code';
import type { Outbox } from '../mail/outbox/outbox';
import type { EnqueueStatus } from '../mail/outbox/outbox-port';
import { queueConfirmationMail } from '../mail/queue-confirmation-mail';
import { queueLetterMail, type QueuedMail, type RecipientsChoice } from '../mail/queue-letter-mail';
import type { BudgetRefusal, Requester } from '../mail/send-budget';
import type { LetterService } from './letter-service';

export type SendLetterOutcome =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not-eligible'; presented: PresentedAssessment }
  | { kind: 'no-recipient' | 'provider-not-configured' | 'wrong-code' }
  | { kind: 'over-budget'; refusal: BudgetRefusal }
  | {
      kind: 'confirmation-sent';
      address: string;
      status: EnqueueStatus;
      expiresAt: number;
      delivery: 'smtp' | 'local';
      messageId: string;
    }
  | { kind: 'queued'; sha256: string; fileName: string; delivery: 'smtp' | 'local'; messages: QueuedMail[] };

export interface SendLetterRequest {
  claim: unknown;
  language: Language;
  recipients: RecipientsChoice;
  /** Who asks: what the budgets count against. */
  requester: Requester;
  /** The code of the confirmation message; without it, that message is what gets sent. */
  confirmationCode?: string;
}

/** What sending needs from the outbox: its settings, the budgeted queue and the code attempts. */
export type SendGate = Pick<Outbox, 'settings' | 'enqueueAll' | 'attempt'>;

/**
 * The form's and the API's "send by e-mail", in two steps and with nothing stored in between. Without a code:
 * validate, assess, and send a short confirmation message with a code to the claimant's address (the only address
 * a request can name). With the code of that message (same address, same letter, same recipients, not expired):
 * render the letter and queue one message per recipient. The provider's copy is only ever sent in that second step.
 */
export async function sendLetterByMail(
  service: Pick<LetterService, 'assess' | 'letter' | 'calendar' | 'ruleset'>,
  outbox: SendGate,
  request: SendLetterRequest,
  now = Date.now(),
): Promise<SendLetterOutcome> {
  const { recipients, requester, language } = request;
  if (!recipients.claimant && !recipients.provider) return { kind: 'no-recipient' };
  const assessed = service.assess(request.claim, language);
  if (!assessed.ok) return { kind: 'invalid', errors: assessed.errors };
  if (!assessed.assessment.eligible) return { kind: 'not-eligible', presented: assessed.presented };
  const { claim } = assessed;
  if (recipients.provider && !outbox.settings.providerAddresses[claim.account.provider]?.length)
    return { kind: 'provider-not-configured' };
  const subject: CodeSubject = {
    address: claim.claimant.email,
    letter: claimDigest(claim, service.ruleset.version),
    recipients,
  };
  const delivery = outbox.settings.mode;

  if (request.confirmationCode === undefined) {
    const provider = recipients.provider ? service.ruleset.provider.name : null;
    const sent = await queueConfirmationMail(outbox, { subject, language, provider, requester }, now);
    if (!sent.ok) return { kind: 'over-budget', refusal: sent.refusal };
    return { kind: 'confirmation-sent', address: subject.address, delivery, ...sent };
  }

  // Every check of a code costs one attempt until it proves right, so codes cannot be guessed at leisure.
  const attempt = await outbox.attempt({ kind: 'code-failure', requester, address: subject.address });
  if (!attempt.ok) return { kind: 'over-budget', refusal: attempt.refusal };
  if (!verifyCode(outbox.settings.confirmation, subject, request.confirmationCode, now)) return { kind: 'wrong-code' };
  await attempt.release();

  const outcome = await service.letter(request.claim, language);
  if (!outcome.ok) return { kind: 'invalid', errors: outcome.errors };
  if (!outcome.eligible) return { kind: 'not-eligible', presented: outcome.presented };
  const letter = {
    claim: outcome.claim,
    assessment: outcome.assessment,
    rendered: outcome,
    calendar: service.calendar(outcome.claim, outcome.assessment, outcome),
  };
  const queued = await queueLetterMail(outbox, { letter, recipients, requester }, service.ruleset);
  if (!queued.ok)
    return queued.problem === 'over-budget'
      ? { kind: queued.problem, refusal: queued.refusal }
      : { kind: queued.problem };
  return { kind: 'queued', sha256: outcome.sha256, fileName: outcome.fileName, delivery, messages: queued.messages };
}
