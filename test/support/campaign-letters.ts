import type { ClaimInput } from '../../server/core/claim/claim-schema';
import type { CampaignStore, MemberRecord } from '../../server/use-cases/campaigns/campaign-store';
import { campaignRowRecorder } from '../../server/use-cases/campaigns/record-member-row';
import { testAssociation } from './batch-run';
import { testLetterService } from './test-service';

/** 20 October 2026, noon in Rome: the first letters' date, so that their terms are over by TEST_NOW. */
export const FIRST_LETTERS_AT = Date.UTC(2026, 9, 20, 10);

let service: ReturnType<typeof testLetterService> | undefined;

/**
 * A member recorded the way the batch pipeline records a row (record-member-row.ts): the claim validated, assessed
 * and rendered by the real letter service on `FIRST_LETTERS_AT`, on behalf of the test association. Returns the
 * member and the letter's PDF.
 */
export async function recordLetterMember(
  store: CampaignStore,
  campaignId: string,
  claim: ClaimInput,
  row: number,
  mail?: { cell: string; messageIds: string[] },
): Promise<{ member: MemberRecord; pdf: Buffer; sha256: string }> {
  service ??= testLetterService({ now: FIRST_LETTERS_AT });
  const outcome = await service.letter(claim, 'it', testAssociation());
  if (!outcome.ok || !outcome.eligible) throw new Error('fixture claim is not eligible');
  const record = campaignRowRecorder(store, { campaignId, listNumber: 1, now: () => FIRST_LETTERS_AT });
  const member = await record(
    {
      report: {
        row,
        name: `${outcome.claim.claimant.firstName} ${outcome.claim.claimant.lastName}`,
        status: 'ok',
        totalCents: outcome.assessment.compensation.totalCents,
        reasons: [],
        fileName: outcome.fileName,
        sha256: outcome.sha256,
      },
      claim: outcome.claim,
      assessment: outcome.assessment,
    },
    mail,
  );
  return { member, pdf: outcome.pdf, sha256: outcome.sha256 };
}
