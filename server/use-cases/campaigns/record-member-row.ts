import type { MemberEvent } from '../../core/campaign/member-events';
import type { ReportRow } from '../../core/member-list/report-row';
import type { Claim } from '../../core/claim/claim-schema';
import type { Assessment } from '../../core/assessment/assess-claim';
import { claimToInput } from '../../core/claim/claim-to-input';
import { randomUUID } from 'node:crypto';
import type { CampaignStore, MemberClaim, MemberRecord } from './campaign-store';

/** The parts of a batch row a member record needs (the batch pipeline's row result fits). */
export interface CampaignRow {
  report: ReportRow;
  claim: Claim | null;
  assessment: Pick<Assessment, 'letterDate' | 'deadline' | 'deadlineDays'> | null;
}

/** The claim as the letter carries it (its date fixed to the letter's): a follow-up reads it as it reads a letter. */
export function memberClaimOf(claim: Claim, letterDate: string): MemberClaim {
  const input = claimToInput(claim);
  return { ...input, letter: { ...(input.letter ?? {}), date: letterDate } };
}

/** What the outbox said of the row's messages (`member: queued | provider: queued`), when the campaign e-mails. */
function sentEvent(mailCell: string, messageIds: readonly string[]): MemberEvent['data'] | null {
  if (messageIds.length === 0) return null;
  return { kind: 'sent', channel: 'email', reference: messageIds[0]!, mailStatus: mailCell.slice(0, 200) };
}

/**
 * The batch pipeline's per-row hook for a campaign: each report row becomes a member record whose log starts with
 * "letter produced" (its SHA-256 and date) or "not produced" (why), then "sent by e-mail" when the outbox took it. A
 * member with a letter keeps its claim, for the follow-up documents.
 */
export function campaignRowRecorder(
  store: CampaignStore,
  target: { campaignId: string; listNumber: number; now: () => number },
): (row: CampaignRow, mail?: { cell: string; messageIds: string[] }) => Promise<MemberRecord> {
  return async (row, mail) => {
    const { report, claim, assessment } = row;
    const at = target.now();
    const produced = report.status === 'ok' && report.sha256 && assessment ? assessment : null;
    const first: MemberEvent = produced
      ? {
          at,
          operatorId: null,
          data: {
            kind: 'letter-produced',
            sha256: report.sha256!,
            letterDate: produced.letterDate,
            deadline: produced.deadline,
          },
        }
      : {
          at,
          operatorId: null,
          data: { kind: 'letter-not-produced', reason: report.status === 'ok' ? 'invalid' : report.status },
        };
    const member = await store.addMember(
      {
        id: randomUUID(),
        campaignId: target.campaignId,
        createdAt: at,
        listNumber: target.listNumber,
        row: report.row,
        name: report.name,
        taxCode: claim?.claimant.taxCode ?? null,
        mailbox: claim?.account.mailbox ?? null,
        email: claim?.claimant.email ?? null,
        claimedCents: report.totalCents,
        deadlineDays: assessment?.deadlineDays ?? null,
      },
      first,
      produced && claim ? memberClaimOf(claim, produced.letterDate) : null,
    );
    const sent = mail && member.status === 'letter-ready' ? sentEvent(mail.cell, mail.messageIds) : null;
    if (!sent) return member;
    const [outcome] = await store.record(target.campaignId, [
      { memberId: member.id, event: { at, operatorId: null, data: sent } },
    ]);
    return outcome?.ok ? outcome.member : member;
  };
}
