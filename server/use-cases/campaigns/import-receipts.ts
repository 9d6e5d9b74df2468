import { deadlineOf } from '../../core/assessment/deadline';
import type { MemberEvent } from '../../core/campaign/member-events';
import type { Language } from '../../core/i18n/language';
import type { Ruleset } from '../../core/rules/ruleset-types';
import { checkReceiptForLetter } from '../../pec/check-receipt';
import { readPecReceipt } from '../../pec/read-receipt';
import { ReceiptError } from '../../pec/receipt-error';
import type { PecReceipt } from '../../pec/receipt-types';
import type { CampaignStore, MemberRecord } from './campaign-store';
import { RECEIPT_IMPORT_TEXTS } from './campaign-texts';

export interface ReceiptFile {
  name: string;
  bytes: Buffer;
}

export interface ReceiptImportResult {
  recorded: Array<{ file: string; listNumber: number; row: number; name: string; kind: 'delivered' | 'sent' }>;
  /** Files that gave nothing, each with why (the member is named when one was found). */
  unmatched: Array<{ file: string; reason: string; row: number | null }>;
}

function isPdf(attachment: { mimeType: string; fileName: string | null }): boolean {
  return attachment.mimeType === 'application/pdf' || /\.pdf$/i.test(attachment.fileName ?? '');
}

/** Message ids as the outbox stored them (with angle brackets) and as a receipt may write them. */
function messageIdForms(id: string): string[] {
  const bare = id.trim().replace(/^<|>$/g, '');
  return bare === '' ? [] : [`<${bare}>`, bare];
}

/** The campaign's member the receipt is about: by the SHA-256 of a PDF it carries, else by the message id. */
async function memberOf(store: CampaignStore, campaignId: string, receipt: PecReceipt): Promise<MemberRecord | null> {
  for (const pdf of receipt.original?.attachments.filter(isPdf) ?? []) {
    const [member] = await store.find(campaignId, { by: 'sha256', sha256: pdf.sha256 });
    if (member) return member;
  }
  for (const messageId of messageIdForms(receipt.daticert.messageId)) {
    const [member] = await store.find(campaignId, { by: 'message-id', messageId });
    if (member) return member;
  }
  return null;
}

type Verdict = { event: MemberEvent['data'] } | { reason: string };

function verdictFor(receipt: PecReceipt, member: MemberRecord, ruleset: Ruleset, language: Language): Verdict {
  const texts = RECEIPT_IMPORT_TEXTS;
  if (!member.letterSha256) return { reason: texts['no-letter'][language] };
  const verdict = checkReceiptForLetter(receipt, member.letterSha256);
  const { daticert } = receipt;
  switch (verdict.kind) {
    case 'delivered':
    case 'delivered-without-copy': {
      if (member.deliveryReference === daticert.id) return { reason: texts.duplicate[language] };
      const deliveredOn = daticert.issuedOnRomeDate;
      const days = member.deadlineDays ?? ruleset.deadlineDays.default;
      return {
        event: {
          kind: 'delivered',
          proof: 'pec-receipt',
          reference: daticert.id,
          deliveredOn,
          deadline: deadlineOf(deliveredOn, days, ruleset).date,
        },
      };
    }
    case 'acceptance-only':
      if (member.status !== 'letter-ready') return { reason: texts.duplicate[language] };
      return { event: { kind: 'sent', channel: 'pec', reference: daticert.messageId } };
    case 'delivery-failed':
      return { reason: texts['not-delivered'][language].replace('{reason}', verdict.reason || verdict.stage) };
    case 'for-another-message':
      return { reason: texts['no-match'][language] };
    case 'not-a-receipt':
      return {
        reason:
          verdict.reason === 'signature-invalid' ? texts['signature-invalid'][language] : texts.unreadable[language],
      };
  }
}

/**
 * PEC receipts exported from the association's mailbox, in bulk: each is read (signature checked), matched to a
 * member's letter by the SHA-256 of the PDF it carries or by the message id it is about, and recorded as that
 * member's delivery (or sending, for an acceptance). Whatever matched nothing is listed with its reason.
 */
export async function importReceipts(
  context: {
    store: CampaignStore;
    campaignId: string;
    operatorId: string;
    now: number;
    language: Language;
    ruleset: Ruleset;
  },
  files: readonly ReceiptFile[],
): Promise<ReceiptImportResult> {
  const { store, campaignId, language } = context;
  const result: ReceiptImportResult = { recorded: [], unmatched: [] };
  for (const file of files) {
    let receipt: PecReceipt;
    try {
      receipt = await readPecReceipt(file.bytes);
    } catch (error) {
      if (!(error instanceof ReceiptError)) throw error;
      result.unmatched.push({ file: file.name, reason: RECEIPT_IMPORT_TEXTS.unreadable[language], row: null });
      continue;
    }
    if (receipt.signature.status === 'invalid') {
      result.unmatched.push({
        file: file.name,
        reason: RECEIPT_IMPORT_TEXTS['signature-invalid'][language],
        row: null,
      });
      continue;
    }
    const member = await memberOf(store, campaignId, receipt);
    if (!member) {
      result.unmatched.push({ file: file.name, reason: RECEIPT_IMPORT_TEXTS['no-match'][language], row: null });
      continue;
    }
    const verdict = verdictFor(receipt, member, context.ruleset, language);
    if ('reason' in verdict) {
      result.unmatched.push({ file: file.name, reason: verdict.reason, row: member.row });
      continue;
    }
    const event: MemberEvent = { at: context.now, operatorId: context.operatorId, data: verdict.event };
    const [outcome] = await store.record(campaignId, [{ memberId: member.id, event }]);
    if (outcome!.ok)
      result.recorded.push({
        file: file.name,
        listNumber: member.listNumber,
        row: member.row,
        name: member.name,
        kind: verdict.event.kind === 'delivered' ? 'delivered' : 'sent',
      });
    else
      result.unmatched.push({
        file: file.name,
        reason: RECEIPT_IMPORT_TEXTS[outcome!.refusal][language],
        row: member.row,
      });
  }
  return result;
}
