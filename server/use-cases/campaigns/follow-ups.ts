import type { Campaign } from '../../core/campaign/campaign-schema';
import type { MemberAction } from '../../core/campaign/member-events';
import type { Language } from '../../core/i18n/language';
import type { IsoDate } from '../../core/time/rome-time';
import type { MemberRecord } from './campaign-store';
import type { Campaigns } from './campaigns';

/**
 * The documents that follow the letter (the reminder, "sollecito", of the follow-up issue), as the campaigns see
 * them: one PDF per member, and the new deadline it gives. Composed when that work is there; until then the
 * campaign pages say follow-ups are not available.
 */
export interface FollowUpDocuments {
  /** What the documents are ("sollecito"): recorded in each member's log. */
  document: string;
  produce(
    member: MemberRecord,
    campaign: Campaign,
    language: Language,
  ): Promise<{ fileName: string; pdf: Buffer; deadline: IsoDate } | null>;
}

/**
 * A follow-up for every member an action names (by default "deadline passed, no reply"): each document goes to
 * `sink` (a ZIP entry, or a message queued through the outbox) and is recorded in the member's log as produced.
 */
export async function produceFollowUps(
  campaigns: Campaigns,
  campaign: Campaign,
  options: { action: MemberAction; documents: FollowUpDocuments; operatorId: string; language: Language },
  sink: (document: { fileName: string; pdf: Buffer }, member: MemberRecord) => Promise<void>,
): Promise<{ produced: number; skipped: number }> {
  const selected: MemberRecord[] = [];
  for await (const member of campaigns.membersNeeding(campaign, options.action)) selected.push(member);
  let produced = 0;
  let skipped = 0;
  for (const member of selected) {
    const document = await options.documents.produce(member, campaign, options.language);
    if (!document) {
      skipped += 1;
      continue;
    }
    await sink(document, member);
    const [outcome] = await campaigns.store.record(campaign.id, [
      {
        memberId: member.id,
        event: {
          at: campaigns.now(),
          operatorId: options.operatorId,
          data: { kind: 'follow-up-produced', document: options.documents.document, deadline: document.deadline },
        },
      },
    ]);
    if (outcome?.ok) produced += 1;
    else skipped += 1;
  }
  return { produced, skipped };
}
