import type { Campaign } from '../../core/campaign/campaign-schema';
import type { MemberAction } from '../../core/campaign/member-events';
import type { Language } from '../../core/i18n/language';
import type { IsoDate } from '../../core/time/rome-time';
import type { MemberRecord } from './campaign-store';
import type { Campaigns } from './campaigns';

/** Why a member the action names got no document (each line of the report says it, in the operator's language). */
export const FOLLOW_UP_SKIPS = [
  /** Recorded before members kept their claim (or no letter): nothing to compose from. */
  'no-claim',
  /** The letter went by e-mail only, or its sending is not recorded: a reminder must cite a PEC or a raccomandata. */
  'no-legal-sending',
  /** The follow-up rules say the document does not apply (prescribed, not delivered, term not over…). */
  'not-applicable',
  /** The kept claim no longer passes validation (e.g. a later ruleset): it needs a look by hand. */
  'invalid-claim',
  /** Outbox delivery: the member has no address that the campaign's own letter reached. */
  'no-confirmed-address',
  /** Outbox delivery: a send budget is spent. */
  'over-budget',
  /** The member's state changed meanwhile and the event was refused. */
  'refused',
] as const;
export type FollowUpSkipReason = (typeof FOLLOW_UP_SKIPS)[number];

export interface FollowUpSkip {
  skipped: FollowUpSkipReason;
  /** One sentence on why, in the operator's language (the follow-up rules' own explanation, a field error…). */
  detail?: string;
}

export interface FollowUpDocument {
  fileName: string;
  pdf: Buffer;
  /** The new term the document gives: the member's deadline moves to it. */
  deadline: IsoDate;
}

/**
 * The documents that follow the letter (the reminder, "sollecito", of the follow-up issue), as the campaigns see
 * them: one PDF per member, and the new deadline it gives — or why a member gets none (null: no reason given).
 */
export interface FollowUpDocuments {
  /** What the documents are ("sollecito"): recorded in each member's log. */
  document: string;
  produce(
    member: MemberRecord,
    campaign: Campaign,
    language: Language,
  ): Promise<FollowUpDocument | FollowUpSkip | null>;
}

/** What happened for one member the action named. */
export interface FollowUpLine {
  member: MemberRecord;
  /** The document produced (null when skipped). */
  fileName: string | null;
  deadline: IsoDate | null;
  skipped: FollowUpSkipReason | null;
  detail: string | null;
}

/** What a sink says when it could not deliver the document (the outbox: no confirmed address, over budget). */
export type SinkOutcome = void | FollowUpSkip;

const isSkip = (value: FollowUpDocument | FollowUpSkip): value is FollowUpSkip => 'skipped' in value;

/**
 * A follow-up for every member an action names (by default "deadline passed, no reply"): each document goes to
 * `sink` (a ZIP entry, or a message queued through the outbox) and is recorded in the member's log as produced, which
 * moves their deadline to the document's. `precheck` may skip a member before anything is rendered (the outbox: no
 * confirmed address); `report` hears of every member, produced or skipped with why. With `deferRecording` nothing is
 * recorded until the caller runs `commit` (a ZIP: once the whole archive has been handed out).
 */
export async function produceFollowUps(
  campaigns: Campaigns,
  campaign: Campaign,
  options: {
    action: MemberAction;
    documents: FollowUpDocuments;
    operatorId: string | null;
    language: Language;
    precheck?: (member: MemberRecord) => Promise<FollowUpSkip | null>;
    report?: (line: FollowUpLine) => Promise<void> | void;
    deferRecording?: boolean;
  },
  sink: (document: FollowUpDocument, member: MemberRecord) => Promise<SinkOutcome>,
): Promise<{ produced: number; skipped: number; commit: () => Promise<{ recorded: number; refused: number }> }> {
  const selected: MemberRecord[] = [];
  for await (const member of campaigns.membersNeeding(campaign, options.action)) selected.push(member);
  let produced = 0;
  let skipped = 0;
  const skip = async (member: MemberRecord, why: FollowUpSkip) => {
    skipped += 1;
    await options.report?.({
      member,
      fileName: null,
      deadline: null,
      skipped: why.skipped,
      detail: why.detail ?? null,
    });
  };
  const record = async (member: MemberRecord, deadline: IsoDate) => {
    const [outcome] = await campaigns.store.record(campaign.id, [
      {
        memberId: member.id,
        event: {
          at: campaigns.now(),
          operatorId: options.operatorId,
          data: { kind: 'follow-up-produced', document: options.documents.document, deadline },
        },
      },
    ]);
    return outcome?.ok ? outcome.member : null;
  };
  const deferred: Array<{ member: MemberRecord; deadline: IsoDate }> = [];
  for (const member of selected) {
    const early = (await options.precheck?.(member)) ?? null;
    if (early) {
      await skip(member, early);
      continue;
    }
    const document = (await options.documents.produce(member, campaign, options.language)) ?? {
      skipped: 'not-applicable',
    };
    if (isSkip(document)) {
      await skip(member, document);
      continue;
    }
    const delivered = await sink(document, member);
    if (delivered) {
      await skip(member, delivered);
      continue;
    }
    let recorded: MemberRecord | null = member;
    if (options.deferRecording) deferred.push({ member, deadline: document.deadline });
    else recorded = await record(member, document.deadline);
    if (!recorded) {
      await skip(member, { skipped: 'refused' });
      continue;
    }
    produced += 1;
    await options.report?.({
      member: recorded,
      fileName: document.fileName,
      deadline: document.deadline,
      skipped: null,
      detail: null,
    });
  }
  const commit = async () => {
    let recorded = 0;
    for (const entry of deferred.splice(0)) if (await record(entry.member, entry.deadline)) recorded += 1;
    return { recorded, refused: produced - recorded };
  };
  return { produced, skipped, commit };
}
