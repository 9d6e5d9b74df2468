import type { Campaign } from '../../core/campaign/campaign-schema';
import type { FollowupInput } from '../../core/followup/followup-schema';
import type { DocumentKind } from '../../core/followup/followup-status';
import type { Language } from '../../core/i18n/language';
import { slugify } from '../../core/text/slug';
import type { FollowupService } from '../followup-service';
import type { CampaignStore, MemberRecord } from './campaign-store';
import type { FollowUpDocument, FollowUpDocuments, FollowUpSkip } from './follow-ups';

/**
 * How the member's letter reached the provider, as the follow-up documents cite it: a PEC receipt (sent and
 * delivered the day it gives), a raccomandata (its number; delivered on the return receipt's date when imported).
 * The raccomandata import carries no sending date: the letter's own date stands for it. A letter only e-mailed
 * gives none: a reminder cannot cite an ordinary e-mail as a formal notice.
 */
export function sendingOf(member: MemberRecord): FollowupInput['sent'] | null {
  const { letterDate, deliveredOn, deliveryProof, sentVia } = member;
  if (!letterDate) return null;
  if (deliveryProof === 'pec-receipt' && deliveredOn) return { method: 'pec', on: deliveredOn };
  const raccomandata = deliveryProof === 'raccomandata-receipt' || sentVia === 'raccomandata';
  if (!raccomandata) return sentVia === 'pec' ? { method: 'pec', on: letterDate } : null;
  const number = (deliveryProof === 'raccomandata-receipt' ? member.deliveryReference : member.sentReference) ?? '';
  return { method: 'raccomandata', on: letterDate, ...(number ? { raccomandataNumber: number.slice(0, 40) } : {}) };
}

/** `0002-rossi-mario-sollecito.pdf`; members of later lists carry the list: `L2-0002-…`. */
export function followUpFileName(member: MemberRecord, baseName: string): string {
  const list = member.listNumber > 1 ? `L${member.listNumber}-` : '';
  return `${list}${String(member.row).padStart(4, '0')}-${slugify(member.name, 40)}-${baseName}`;
}

/**
 * The campaigns' follow-up documents made by the follow-up service ("Continue your claim"), from what the campaign
 * kept: the member's claim (as their letter carries it), the campaign's association, the letter's SHA-256, how it was
 * sent and when it was delivered. The outcome is "no reply": the campaign's reminders are for members whose deadline
 * passed without an answer (a reply, a refusal or an offer is reviewed one by one on the follow-up page).
 */
export function campaignFollowUpDocuments(
  store: CampaignStore,
  service: FollowupService,
  kind: Extract<DocumentKind, 'sollecito'> = 'sollecito',
): FollowUpDocuments {
  return {
    document: kind,
    async produce(member: MemberRecord, campaign: Campaign, language: Language) {
      const claim = await store.memberClaim(campaign.id, member.id);
      if (!claim) return { skipped: 'no-claim' } satisfies FollowUpSkip;
      const sent = sendingOf(member);
      if (!sent) return { skipped: 'no-legal-sending' } satisfies FollowUpSkip;
      const outcome = await service.followUp({
        caseFile: { claim, association: campaign.association, letterSha256: member.letterSha256 },
        followup: {
          sent,
          ...(member.deliveredOn ? { receivedOn: member.deliveredOn } : {}),
          outcome: 'no-reply',
        } satisfies FollowupInput,
        receipt: null,
        language,
        only: [kind],
      });
      if (!outcome.ok) {
        const first = outcome.errors[0];
        return { skipped: 'invalid-claim', ...(first ? { detail: `${first.path}: ${first.message}` } : {}) };
      }
      const file = outcome.files.find((candidate) => candidate.kind === kind);
      if (!file) {
        const why = outcome.presented.documents.find((doc) => doc.kind === kind)?.explanation;
        return { skipped: 'not-applicable', ...(why ? { detail: why } : {}) } satisfies FollowUpSkip;
      }
      return {
        fileName: followUpFileName(member, file.fileName),
        pdf: file.bytes,
        deadline: outcome.status.finalTerm.date,
      } satisfies FollowUpDocument;
    },
  };
}
