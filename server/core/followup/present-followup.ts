import { interpolate, type Language } from '../i18n/language';
import { formatCents } from '../money/money';
import { formatLongDate } from '../time/rome-time';
import type { Followup } from './followup-schema';
import type { DocumentKind, FollowupStatus } from './followup-status';
import {
  DOCUMENT_PURPOSES,
  DOCUMENT_TITLES,
  LAWYER_NOTE_PURPOSE,
  NOT_APPLICABLE,
  STATUS_TEXTS,
} from './followup-texts';

export interface PresentedDocument {
  kind: DocumentKind;
  title: string;
  applies: boolean;
  /** One plain sentence: what the document is for, or why it does not apply. */
  explanation: string;
}

export interface PresentedFollowup {
  /** Where the claim stands, one sentence each. */
  standing: string[];
  documents: PresentedDocument[];
}

/** Where the claim stands and what each document is for (or why it does not apply), in one language. */
export function presentFollowup(status: FollowupStatus, followup: Followup, language: Language): PresentedFollowup {
  const date = (iso: string) => formatLongDate(iso, language);
  const money = (cents: number) => formatCents(cents, language);
  const say = (text: Record<Language, string>, params: Record<string, string | number> = {}) =>
    interpolate(text[language], params);
  const standing: string[] = [];
  if (!status.delivered) standing.push(say(STATUS_TEXTS.notDelivered));
  else standing.push(say(STATUS_TEXTS.received[status.receivedOnSource], { date: date(status.receivedOn) }));
  if (followup.sent.raccomandataNumber) {
    standing.push(say(STATUS_TEXTS.raccomandata, { number: followup.sent.raccomandataNumber }));
  }
  if (status.delivered) {
    const term = { days: status.firstDeadline.days, date: date(status.firstDeadline.date) };
    standing.push(say(status.deadlinePassed ? STATUS_TEXTS.deadlinePassed : STATUS_TEXTS.deadlineOpen, term));
    standing.push(
      say(status.prescription.prescribed ? STATUS_TEXTS.prescribed : STATUS_TEXTS.prescriptionOpen, {
        date: date(status.prescription.lastDay),
      }),
    );
  }
  if (followup.outcome === 'paid') standing.push(say(STATUS_TEXTS.paid));
  else {
    standing.push(say(STATUS_TEXTS.due, { total: money(status.totalCents) }));
    if (followup.outcome === 'partial') {
      standing.push(
        say(STATUS_TEXTS.offer, { offer: money(status.offerCents), remaining: money(status.remainingAfterOfferCents) }),
      );
    }
    if (status.interest && status.interest.cents > 0) {
      standing.push(
        say(STATUS_TEXTS.interest, { date: date(status.interest.to), amount: money(status.interest.cents) }),
      );
    }
  }
  const documents = status.documents.map((doc): PresentedDocument => {
    let explanation: string;
    if (doc.applies) {
      explanation = say(doc.reason === 'lawyer-needed' ? LAWYER_NOTE_PURPOSE : DOCUMENT_PURPOSES[doc.kind]);
    } else {
      const reason = doc.reason as keyof typeof NOT_APPLICABLE;
      explanation = say(NOT_APPLICABLE[reason], {
        deadline: date(status.firstDeadline.date),
        date: date(status.prescription.lastDay),
      });
    }
    return { kind: doc.kind, title: say(DOCUMENT_TITLES[doc.kind]), applies: doc.applies, explanation };
  });
  return { standing, documents };
}
