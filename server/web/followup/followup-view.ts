import type { FollowupFile, FollowupOutcome } from '../../use-cases/followup-service';
import type { PresentedDocument } from '../../core/followup/present-followup';

type Done = Extract<FollowupOutcome, { ok: true }>;

/** The outcome as the API and the page show it: each document with its file, the figures, the calendar file. */
export function followupView(outcome: Done) {
  const { status } = outcome;
  const fileOf = (kind: string): FollowupFile | null => outcome.files.find((file) => file.kind === kind) ?? null;
  const documents = outcome.presented.documents.map((presented: PresentedDocument) => ({
    presented,
    file: presented.applies ? fileOf(presented.kind) : null,
  }));
  return {
    documents,
    calendar: fileOf('calendar'),
    status: {
      followupDate: status.followupDate,
      receivedOn: status.receivedOn,
      receivedOnSource: status.receivedOnSource,
      delivered: status.delivered,
      firstDeadline: status.firstDeadline.date,
      deadlinePassed: status.deadlinePassed,
      prescriptionLastDay: status.prescription.lastDay,
      prescribed: status.prescription.prescribed,
      totalCents: status.totalCents,
      offerCents: status.offerCents,
      remainingAfterOfferCents: status.remainingAfterOfferCents,
      dueCents: status.dueCents,
      court: status.court.kind,
      selfRepresentation: status.selfRepresentation,
      finalTerm: status.finalTerm.date,
    },
  };
}
