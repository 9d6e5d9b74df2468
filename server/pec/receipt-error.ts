/**
 * Why a file could not be read as a PEC receipt. Every refusal of a hostile or broken file is one of these codes,
 * thrown as a ReceiptError; nothing else escapes the reader (a library's own exception is mapped to a code here).
 */
export const RECEIPT_ERROR_CODES = [
  'empty',
  'too-large',
  'not-mime',
  'unsupported-structure',
  'encrypted',
  'cms-unreadable',
  'too-deep',
  'too-many-parts',
  'headers-too-large',
  'no-daticert',
  'several-daticert',
  'several-postacert',
  'daticert-too-large',
  'xml-malformed',
  'xml-entities',
  'xml-too-deep',
  'daticert-incomplete',
  'daticert-ambiguous',
  'unknown-type',
  'bad-date',
  'postacert-mismatch',
] as const;
export type ReceiptErrorCode = (typeof RECEIPT_ERROR_CODES)[number];

export class ReceiptError extends Error {
  override readonly name = 'ReceiptError';

  constructor(
    readonly code: ReceiptErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
