import type { Instant } from '../core/time/rome-time';
import { DEFAULT_RECEIPT_LIMITS, readPecReceipt, type ReceiptLimits } from './read-receipt';
import { ReceiptError, type ReceiptErrorCode } from './receipt-error';
import type { PecReceipt, ReceiptForm } from './receipt-types';

export type NotAReceiptReason = ReceiptErrorCode | 'signature-invalid' | 'not-a-receipt-type';

/** What a receipt proves about one letter, identified by the SHA-256 of its PDF. */
export type ReceiptVerdict =
  /** A complete delivery receipt whose original message carries a PDF with exactly the letter's SHA-256. */
  | { kind: 'delivered'; to: string; at: Instant; letterFileName: string | null; receipt: PecReceipt }
  /** A short or synthetic delivery receipt: delivery is proved, but it carries no copy to compare with the letter. */
  | { kind: 'delivered-without-copy'; to: string; at: Instant; form: ReceiptForm | null; receipt: PecReceipt }
  /** A complete delivery receipt for a message without the letter (another message, or another version). */
  | {
      kind: 'for-another-message';
      to: string;
      at: Instant;
      pdfs: { fileName: string | null; sha256: string }[];
      receipt: PecReceipt;
    }
  /** Accepted by the sender's provider, or taken in charge by the recipient's: not delivered yet. */
  | { kind: 'acceptance-only'; stage: 'accettazione' | 'presa-in-carico'; at: Instant; receipt: PecReceipt }
  /** Not accepted, not delivered, delivery not confirmed in time, or a virus found. */
  | {
      kind: 'delivery-failed';
      stage: 'non-accettazione' | 'errore-consegna' | 'preavviso-errore-consegna' | 'rilevazione-virus';
      at: Instant;
      recipient: string | null;
      reason: string;
      receipt: PecReceipt;
    }
  | { kind: 'not-a-receipt'; reason: NotAReceiptReason };

const SHA256 = /^[0-9a-f]{64}$/;

function isPdf(attachment: { mimeType: string; fileName: string | null }): boolean {
  return attachment.mimeType === 'application/pdf' || /\.pdf$/i.test(attachment.fileName ?? '');
}

/**
 * The verdict of a parsed receipt for a letter. A receipt whose signature is present but does not verify was changed
 * after its provider signed it: it proves nothing, so it is `not-a-receipt`. An absent signature is reported in the
 * receipt (`receipt.signature`) and does not change the verdict.
 */
export function checkReceiptForLetter(receipt: PecReceipt, letterSha256: string): ReceiptVerdict {
  const wanted = letterSha256.trim().toLowerCase();
  if (!SHA256.test(wanted)) throw new RangeError('letterSha256 must be 64 hexadecimal digits');
  if (receipt.signature.status === 'invalid') return { kind: 'not-a-receipt', reason: 'signature-invalid' };
  const { daticert } = receipt;
  const at = daticert.issuedAt;
  switch (daticert.type) {
    case 'avvenuta-consegna': {
      const to = daticert.deliveredTo ?? daticert.recipients[0]?.address ?? '';
      if (!receipt.original) return { kind: 'delivered-without-copy', to, at, form: daticert.form, receipt };
      const pdfs = receipt.original.attachments.filter(isPdf);
      const letter = pdfs.find((pdf) => pdf.sha256 === wanted);
      if (letter) return { kind: 'delivered', to, at, letterFileName: letter.fileName, receipt };
      return {
        kind: 'for-another-message',
        to,
        at,
        pdfs: pdfs.map((pdf) => ({ fileName: pdf.fileName, sha256: pdf.sha256 })),
        receipt,
      };
    }
    case 'accettazione':
    case 'presa-in-carico':
      return { kind: 'acceptance-only', stage: daticert.type, at, receipt };
    case 'non-accettazione':
    case 'errore-consegna':
    case 'preavviso-errore-consegna':
    case 'rilevazione-virus':
      return {
        kind: 'delivery-failed',
        stage: daticert.type,
        at,
        recipient: daticert.deliveredTo ?? daticert.recipients[0]?.address ?? null,
        reason: daticert.errorDetail || daticert.error,
        receipt,
      };
    case 'posta-certificata':
    case 'errore':
      return { kind: 'not-a-receipt', reason: 'not-a-receipt-type' };
  }
}

/** Reads the uploaded bytes and checks them against the letter; a file that is not a readable receipt says why. */
export async function checkReceiptFile(
  bytes: Uint8Array,
  letterSha256: string,
  limits: ReceiptLimits = DEFAULT_RECEIPT_LIMITS,
): Promise<ReceiptVerdict> {
  let receipt: PecReceipt;
  try {
    receipt = await readPecReceipt(bytes, limits);
  } catch (error) {
    if (error instanceof ReceiptError) return { kind: 'not-a-receipt', reason: error.code };
    throw error;
  }
  return checkReceiptForLetter(receipt, letterSha256);
}
