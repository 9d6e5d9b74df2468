import type { Localized } from '../core/i18n/language';
import type { NotAReceiptReason } from './check-receipt';
import type { ReceiptForm, ReceiptType, ReceiptWarning, SignatureProblem } from './receipt-types';

/** Each daticert type named as a user knows it (the Italian names are the ones the providers print). */
export const RECEIPT_TYPE_TEXTS: Record<ReceiptType, Localized> = {
  accettazione: { it: 'ricevuta di accettazione', en: 'acceptance receipt' },
  'non-accettazione': { it: 'avviso di non accettazione', en: 'notice of non-acceptance' },
  'presa-in-carico': { it: 'ricevuta di presa in carico', en: 'receipt of taking in charge' },
  'avvenuta-consegna': { it: 'ricevuta di avvenuta consegna', en: 'delivery receipt' },
  'errore-consegna': { it: 'avviso di mancata consegna', en: 'notice of non-delivery' },
  'preavviso-errore-consegna': {
    it: 'preavviso di mancata consegna',
    en: 'advance notice of non-delivery',
  },
  'rilevazione-virus': { it: 'avviso di rilevazione virus', en: 'notice of a virus found' },
  'posta-certificata': { it: 'busta di trasporto', en: 'transport envelope' },
  errore: { it: 'busta di anomalia', en: 'anomaly envelope' },
};

export const RECEIPT_FORM_TEXTS: Record<ReceiptForm | 'unknown', Localized> = {
  completa: { it: 'ricevuta completa', en: 'complete receipt' },
  breve: { it: 'ricevuta breve', en: 'short receipt' },
  sintetica: { it: 'ricevuta sintetica', en: 'synthetic receipt' },
  unknown: { it: 'ricevuta senza copia del messaggio', en: 'receipt without a copy of the message' },
};

/** One sentence per verdict; `{date}` is dd/mm/yyyy and `{time}` hh:mm:ss, both in Italian time. */
export const VERDICT_TEXTS = {
  delivered: {
    it: 'Consegnata a {to} il {date} alle {time}: il PDF allegato alla ricevuta è esattamente la sua lettera.',
    en: 'Delivered to {to} on {date} at {time}: the PDF attached to the receipt is exactly your letter.',
  },
  deliveredWithoutCopy: {
    it:
      'Consegnata a {to} il {date} alle {time}, ma questa {form} non contiene il messaggio: non prova che il ' +
      'messaggio consegnato fosse la sua lettera. Per la prova completa scelga la ricevuta completa nelle ' +
      'impostazioni della sua casella PEC e conservi il messaggio inviato.',
    en:
      'Delivered to {to} on {date} at {time}, but this {form} does not contain the message: it does not prove that ' +
      'the message delivered was your letter. For full proof choose the complete receipt in your PEC mailbox ' +
      'settings and keep the message you sent.',
  },
  forAnotherMessage: {
    it: 'Questa ricevuta è per un altro messaggio: nessun PDF al suo interno è la sua lettera.',
    en: 'This receipt is for another message: no PDF inside it is your letter.',
  },
  acceptanceOnly: {
    it:
      'Solo accettazione: il {date} alle {time} il suo gestore ha accettato il messaggio, che non risulta ancora ' +
      'consegnato. La prova della consegna è la ricevuta di avvenuta consegna.',
    en:
      'Acceptance only: on {date} at {time} your provider accepted the message, which is not yet delivered. ' +
      'The proof of delivery is the delivery receipt.',
  },
  takenInCharge: {
    it:
      'Presa in carico: il {date} alle {time} il gestore del destinatario ha preso in carico il messaggio, che ' +
      'non risulta ancora consegnato. La prova della consegna è la ricevuta di avvenuta consegna.',
    en:
      "Taken in charge: on {date} at {time} the recipient's provider took the message in charge; it is not yet " +
      'delivered. The proof of delivery is the delivery receipt.',
  },
  notAccepted: {
    it: 'Messaggio non accettato il {date} alle {time}: non è stato spedito. Motivo: {reason}.',
    en: 'Message not accepted on {date} at {time}: it was not sent. Reason: {reason}.',
  },
  deliveryFailed: {
    it: 'Consegna non riuscita a {to} ({date} alle {time}): {reason}.',
    en: 'Delivery to {to} failed ({date} at {time}): {reason}.',
  },
  deliveryNotConfirmed: {
    it:
      'Consegna non confermata a {to}: il {date} alle {time} il gestore ha avvisato che il messaggio non risulta ' +
      'consegnato ({reason}).',
    en:
      'Delivery to {to} not confirmed: on {date} at {time} the provider warned that the message has not been ' +
      'delivered ({reason}).',
  },
  virusFound: {
    it: 'Consegna non riuscita: il {date} alle {time} è stato rilevato un virus nel messaggio ({reason}).',
    en: 'Delivery failed: on {date} at {time} a virus was found in the message ({reason}).',
  },
  notAReceipt: {
    it: 'Questo file non è una ricevuta PEC utilizzabile: {reason}',
    en: 'This file is not a usable PEC receipt: {reason}',
  },
} satisfies Record<string, Localized>;

/** Why a file is not a usable receipt, in words a claimant can act on. */
export const NOT_A_RECEIPT_TEXTS: Record<NotAReceiptReason, Localized> = {
  empty: { it: 'il file è vuoto.', en: 'the file is empty.' },
  'too-large': {
    it: 'il file è troppo grande per essere una ricevuta.',
    en: 'the file is too large to be a receipt.',
  },
  'not-mime': {
    it: 'non è un messaggio di posta (.eml). Salvi la ricevuta dalla sua casella PEC come file .eml.',
    en: 'it is not an e-mail message (.eml). Save the receipt from your PEC mailbox as an .eml file.',
  },
  'unsupported-structure': {
    it: 'è un messaggio di posta, ma non ha la forma di una ricevuta PEC.',
    en: 'it is an e-mail message, but not shaped like a PEC receipt.',
  },
  encrypted: {
    it: 'il messaggio è cifrato e non può essere letto.',
    en: 'the message is encrypted and cannot be read.',
  },
  'cms-unreadable': {
    it: 'la busta firmata del messaggio non è leggibile.',
    en: "the message's signed envelope cannot be read.",
  },
  'too-deep': {
    it: 'il messaggio ha troppe parti annidate.',
    en: 'the message has too many nested parts.',
  },
  'too-many-parts': { it: 'il messaggio ha troppe parti.', en: 'the message has too many parts.' },
  'headers-too-large': {
    it: 'le intestazioni del messaggio sono troppo lunghe.',
    en: "the message's headers are too long.",
  },
  'no-daticert': {
    it: 'manca il file daticert.xml, i dati certificati dal gestore.',
    en: "the daticert.xml file, the provider's certified data, is missing.",
  },
  'several-daticert': {
    it: 'contiene più di un file daticert.xml.',
    en: 'it contains more than one daticert.xml file.',
  },
  'several-postacert': {
    it: 'contiene più di un messaggio originale (postacert.eml).',
    en: 'it contains more than one original message (postacert.eml).',
  },
  'daticert-too-large': {
    it: 'il file daticert.xml è troppo grande.',
    en: 'the daticert.xml file is too large.',
  },
  'xml-malformed': {
    it: 'il file daticert.xml non è XML valido.',
    en: 'the daticert.xml file is not valid XML.',
  },
  'xml-entities': {
    it: 'il file daticert.xml dichiara entità XML, che una ricevuta PEC non contiene.',
    en: 'the daticert.xml file declares XML entities, which a PEC receipt never contains.',
  },
  'xml-too-deep': {
    it: 'il file daticert.xml è annidato troppo in profondità.',
    en: 'the daticert.xml file is nested too deeply.',
  },
  'daticert-incomplete': {
    it: 'al file daticert.xml mancano dati obbligatori (tipo, data, mittente, identificativo).',
    en: 'the daticert.xml file lacks required data (type, date, sender, identifier).',
  },
  'daticert-ambiguous': {
    it: 'il file daticert.xml riporta due volte lo stesso dato.',
    en: 'the daticert.xml file gives the same item twice.',
  },
  'unknown-type': {
    it: 'il tipo di ricevuta indicato in daticert.xml non esiste.',
    en: 'the receipt type given in daticert.xml does not exist.',
  },
  'bad-date': {
    it: 'la data in daticert.xml non è valida.',
    en: 'the date in daticert.xml is not valid.',
  },
  'postacert-mismatch': {
    it: 'il messaggio originale allegato non è quello a cui si riferiscono i dati certificati.',
    en: 'the original message attached is not the one the certified data refer to.',
  },
  'signature-invalid': {
    it: 'la firma del gestore non corrisponde: la ricevuta è stata modificata dopo la firma.',
    en: "the provider's signature does not match: the receipt was changed after it was signed.",
  },
  'not-a-receipt-type': {
    it: 'è un messaggio PEC ricevuto o una busta di anomalia, non una ricevuta di un messaggio inviato.',
    en: 'it is a PEC message received or an anomaly envelope, not a receipt for a message sent.',
  },
};

export const SIGNATURE_TEXTS = {
  valid: {
    it:
      'La firma della ricevuta è integra: nulla è cambiato da quando {signer} l’ha firmata. Reclamo non verifica ' +
      'che il certificato appartenga a un gestore PEC accreditato.',
    en:
      'The receipt’s signature is intact: nothing changed since {signer} signed it. Reclamo does not check that the ' +
      'certificate belongs to an accredited PEC provider.',
  },
  certificateExpired: {
    it: 'Il certificato della firma non era valido alla data della ricevuta.',
    en: 'The signing certificate was not valid on the date of the receipt.',
  },
  absent: {
    it:
      'La ricevuta non contiene la firma del gestore (o è stata tolta salvandola): i dati non possono essere ' +
      'verificati. Conservi l’originale nella sua casella PEC.',
    en:
      'The receipt does not carry the provider’s signature (or it was removed when it was saved): its data cannot be ' +
      'verified. Keep the original in your PEC mailbox.',
  },
} satisfies Record<string, Localized>;

export const SIGNATURE_PROBLEM_TEXTS: Record<SignatureProblem, Localized> = {
  'content-changed': { it: 'il contenuto è cambiato dopo la firma', en: 'the content changed after signing' },
  'signature-mismatch': {
    it: 'la firma non corrisponde al certificato',
    en: 'the signature does not match the certificate',
  },
  unreadable: { it: 'la firma non è leggibile', en: 'the signature cannot be read' },
  'unexpected-part': {
    it: 'la parte della firma non è una firma S/MIME',
    en: 'the signature part is not an S/MIME signature',
  },
};

export const WARNING_TEXTS: Record<ReceiptWarning, Localized> = {
  'header-type-differs': {
    it: 'Le intestazioni del messaggio indicano un altro tipo di ricevuta: vale quello dei dati certificati.',
    en: 'The message headers name another receipt type: the certified data prevail.',
  },
  'header-reference-differs': {
    it: 'Le intestazioni del messaggio citano un altro Message-ID: valgono i dati certificati ({messageId}).',
    en: 'The message headers quote another Message-ID: the certified data prevail ({messageId}).',
  },
};
