import { DateTime } from 'luxon';
import { interpolate, type Language } from '../core/i18n/language';
import { ZONE, type Instant } from '../core/time/rome-time';
import type { ReceiptVerdict } from './check-receipt';
import { NOT_A_RECEIPT_TEXTS, RECEIPT_FORM_TEXTS, SIGNATURE_TEXTS, VERDICT_TEXTS, WARNING_TEXTS } from './pec-texts';
import type { PecReceipt } from './receipt-types';

/** `{date}` and `{time}` of an instant in Italian time: the receipt's zone may be another offset. */
function when(at: Instant): { date: string; time: string } {
  const local = DateTime.fromMillis(at, { zone: ZONE });
  return { date: local.toFormat('dd/MM/yyyy'), time: local.toFormat('HH:mm:ss') };
}

function signatureSentences(receipt: PecReceipt, language: Language): string[] {
  const { signature } = receipt;
  if (signature.status === 'absent') return [SIGNATURE_TEXTS.absent[language]];
  if (signature.status === 'invalid') return [];
  const signer = [signature.signer.commonName, signature.signer.organization].filter(Boolean).join(', ') || '?';
  const sentences = [interpolate(SIGNATURE_TEXTS.valid[language], { signer })];
  if (!signature.certificateValidAtReceiptDate) sentences.push(SIGNATURE_TEXTS.certificateExpired[language]);
  return sentences;
}

function mainSentence(verdict: Exclude<ReceiptVerdict, { kind: 'not-a-receipt' }>, language: Language): string {
  const params = { ...when(verdict.at) };
  switch (verdict.kind) {
    case 'delivered':
      return interpolate(VERDICT_TEXTS.delivered[language], { ...params, to: verdict.to });
    case 'delivered-without-copy':
      return interpolate(VERDICT_TEXTS.deliveredWithoutCopy[language], {
        ...params,
        to: verdict.to,
        form: RECEIPT_FORM_TEXTS[verdict.form ?? 'unknown'][language],
      });
    case 'for-another-message':
      return VERDICT_TEXTS.forAnotherMessage[language];
    case 'acceptance-only':
      return interpolate(
        (verdict.stage === 'accettazione' ? VERDICT_TEXTS.acceptanceOnly : VERDICT_TEXTS.takenInCharge)[language],
        params,
      );
    case 'delivery-failed': {
      const text = {
        'non-accettazione': VERDICT_TEXTS.notAccepted,
        'errore-consegna': VERDICT_TEXTS.deliveryFailed,
        'preavviso-errore-consegna': VERDICT_TEXTS.deliveryNotConfirmed,
        'rilevazione-virus': VERDICT_TEXTS.virusFound,
      }[verdict.stage];
      return interpolate(text[language], { ...params, to: verdict.recipient ?? '?', reason: verdict.reason });
    }
  }
}

/**
 * The verdict in plain words: the main sentence first, then what was checked of the signature, then any
 * difference between the unsigned headers and the certified data.
 */
export function describeVerdict(verdict: ReceiptVerdict, language: Language): string[] {
  if (verdict.kind === 'not-a-receipt')
    return [
      interpolate(VERDICT_TEXTS.notAReceipt[language], { reason: NOT_A_RECEIPT_TEXTS[verdict.reason][language] }),
    ];
  const { receipt } = verdict;
  return [
    mainSentence(verdict, language),
    ...signatureSentences(receipt, language),
    ...receipt.warnings.map((warning) =>
      interpolate(WARNING_TEXTS[warning][language], { messageId: receipt.daticert.messageId }),
    ),
  ];
}
