import MailComposer from 'nodemailer/lib/mail-composer';
import yazl from 'yazl';
import type { LetterForMail } from '../../server/mail/build-letter-mail';
import { daticertXml, receiptEntity, unsignedReceipt } from './pec-receipts';
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
): Promise<{ member: MemberRecord; pdf: Buffer; sha256: string; letter: LetterForMail }> {
  service ??= testLetterService({ now: FIRST_LETTERS_AT });
  const outcome = await service.letter(claim, 'it', testAssociation());
  if (!outcome.ok || !outcome.eligible)
    throw new Error(
      `fixture claim is not eligible: ${JSON.stringify(outcome.ok ? outcome.presented.reasons : outcome.errors)}`,
    );
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
  const letter: LetterForMail = { claim: outcome.claim, assessment: outcome.assessment, rendered: outcome };
  return { member, pdf: outcome.pdf, sha256: outcome.sha256, letter };
}

/** A complete PEC delivery receipt of a message carrying `pdf`, delivered on `day` (dd/mm/yyyy). */
export async function deliveryReceipt(pdf: Buffer, messageId: string, day = '23/11/2026'): Promise<Buffer> {
  const original = await new MailComposer({
    from: 'associazione@pec.example.org',
    to: 'reclami@pec.provider.example.it',
    subject: 'Diffida e messa in mora',
    messageId,
    text: 'In allegato.',
    attachments: [{ filename: 'lettera.pdf', content: pdf, contentType: 'application/pdf' }],
  })
    .compile()
    .build();
  const daticert = daticertXml({ type: 'avvenuta-consegna', messageId, form: 'completa', day });
  return unsignedReceipt('avvenuta-consegna', messageId, receiptEntity({ daticert, original }));
}

/** A ZIP of the given files, in memory. */
export function zipOf(files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of Object.entries(files)) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
