import type { Assessment } from '../assessment/assess-claim';
import type { Claim } from '../claim/claim-schema';
import type { Language } from '../i18n/language';
import { buildLetterContext, type LetterOptions } from '../letter/letter-context';
import { formatCents, type Cents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { numberInWords } from '../text/number-words';
import { addMonths, formatLongDate, formatRomeTime, romeDateOf } from '../time/rome-time';
import { agcmFacts } from './agcm-facts';
import type { Followup } from './followup-schema';
import type { DeliveryProof, DocumentKind, FollowupStatus } from './followup-status';

export interface FollowupLetterFacts {
  claim: Claim;
  assessment: Assessment;
  followup: Followup;
  status: FollowupStatus;
  proof: DeliveryProof | null;
  /** The first letter's SHA-256, when the case gives it (always, from a letter PDF). */
  letterSha256: string | null;
  ruleset: Ruleset;
  options: LetterOptions;
}

/**
 * What the follow-up templates read: the first letter's context (the same parties, periods, damages and sums, worded
 * the same way) plus the follow-up: how the first letter went and what came of it, the sums now, the new term and
 * the next step. The first letter's date stays its own; `date` and `place` are the follow-up's.
 */
export function buildFollowupContext(facts: FollowupLetterFacts, language: Language) {
  const { claim, assessment, followup, status, proof, ruleset } = facts;
  const base = buildLetterContext(claim, assessment, ruleset, facts.options, language);
  const money = (cents: Cents) => formatCents(cents, language);
  const date = (iso: string) => formatLongDate(iso, language);
  const applies = (kind: DocumentKind) => status.documents.some((doc) => doc.kind === kind && doc.applies);
  const delivered = proof?.kind === 'delivered' ? proof : null;
  const receiptKnown = status.receivedOnSource !== 'estimated-from-sending';
  const fee = status.courtFee;
  const context = {
    ...base,
    date: date(status.followupDate),
    place: followup.place ?? base.place,
    firstLetter: {
      date: date(assessment.letterDate),
      sha256: facts.letterSha256,
      deadline: date(status.firstDeadline.date),
      deadlineDays: assessment.deadlineDays,
    },
    sent: {
      pec: followup.sent.method === 'pec',
      raccomandata: followup.sent.method === 'raccomandata',
      hand: followup.sent.method === 'hand',
      on: date(followup.sent.on),
      number: followup.sent.raccomandataNumber ?? null,
    },
    received: receiptKnown ? { on: date(status.receivedOn) } : null,
    /** The date interest and the term run from: the receipt, or at the earliest the sending. */
    moraFrom: date(status.receivedOn),
    receipt: delivered
      ? {
          date: date(romeDateOf(delivered.at)),
          time: formatRomeTime(delivered.at),
          id: delivered.id,
          to: delivered.to,
          exactLetter: delivered.exactLetter,
        }
      : null,
    outcome: {
      noReply: followup.outcome === 'no-reply',
      refused: followup.outcome === 'refused',
      partial: followup.outcome === 'partial',
      replyOn: followup.replyOn ? date(followup.replyOn) : null,
    },
    offer:
      followup.outcome === 'partial' && followup.offer
        ? { amount: money(followup.offer.amount), description: followup.offer.description ?? null }
        : null,
    remaining: money(status.remainingAfterOfferCents),
    due: money(status.dueCents),
    interest: status.interest && status.interest.cents > 0 ? { amount: money(status.interest.cents) } : null,
    finalTerm: {
      days: status.finalTerm.days,
      inWords: numberInWords(status.finalTerm.days, language),
      date: date(status.finalTerm.date),
    },
    next: {
      selfRepresentation: status.selfRepresentation,
      garante: applies('garante'),
      agcm: applies('agcm'),
    },
    fee: fee
      ? {
          contributo: fee.contributoCents === null ? null : money(fee.contributoCents),
          flatCosts: fee.flatCostsCents > 0 ? money(fee.flatCostsCents) : null,
          selfRepresentationLimit: money(ruleset.courts.selfRepresentationCents.value),
          asOf: date(ruleset.publishedOn),
        }
      : null,
    garante: { ...ruleset.followUp.garante },
    /** Art. 12(3) GDPR: the access request is answered within a month of receipt. */
    accessMonthPassed: status.followupDate > addMonths(status.receivedOn, 1),
    accessDeadline: date(addMonths(status.receivedOn, 1)),
    lostItems: (claim.damages ?? [])
      .filter((damage) => damage.kind === 'data-loss' || damage.kind === 'lost-mail')
      .map((damage) => damage.description),
  };
  return { ...context, agcm: agcmFacts(context, ruleset.followUp.agcmFactsMaxChars.value, language) };
}

export type FollowupContext = ReturnType<typeof buildFollowupContext>;
