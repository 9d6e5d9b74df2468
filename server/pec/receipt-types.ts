import type { Instant, IsoDate } from '../core/time/rome-time';

/**
 * The values of `<postacert tipo="…">` in daticert.xml. The first seven are receipts and notices about a message the
 * holder sent; `posta-certificata` is the transport envelope of a message received, `errore` an anomaly envelope.
 */
export const RECEIPT_TYPES = [
  'accettazione',
  'non-accettazione',
  'presa-in-carico',
  'avvenuta-consegna',
  'errore-consegna',
  'preavviso-errore-consegna',
  'rilevazione-virus',
  'posta-certificata',
  'errore',
] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

/** `<ricevuta tipo="…">`: a complete delivery receipt carries the original message, a short one only hashes of it. */
export const RECEIPT_FORMS = ['completa', 'breve', 'sintetica'] as const;
export type ReceiptForm = (typeof RECEIPT_FORMS)[number];

export interface DaticertRecipient {
  address: string;
  /** `certificato` (a PEC mailbox) or `esterno` (an ordinary mailbox), as the provider declares it. */
  kind: string;
}

/** What the provider certified, read from daticert.xml (field names in English, the XML's in the comments). */
export interface Daticert {
  type: ReceiptType; // postacert/@tipo
  /** `nessuno`, `no-dest`, `no-dominio`, `virus`, `altro` (postacert/@errore). */
  error: string;
  sender: string; // intestazione/mittente
  recipients: DaticertRecipient[]; // intestazione/destinatari
  replyTo: string | null; // intestazione/risposte
  subject: string; // intestazione/oggetto
  issuer: string; // dati/gestore-emittente
  /** The instant of the event, from dati/data (giorno dd/mm/yyyy, ora hh:mm:ss, @zona ±hhmm). */
  issuedAt: Instant;
  /** The same instant as a calendar date in Italy: the date a deadline or a prescription counts from. */
  issuedOnRomeDate: IsoDate;
  /** The date as written, for quoting it in a letter exactly. */
  issuedAsWritten: { day: string; time: string; zone: string };
  id: string; // dati/identificativo: the provider's id of the message
  /** The Message-ID of the message the receipt is about, angle brackets included (dati/msgid). */
  messageId: string;
  form: ReceiptForm | null; // dati/ricevuta/@tipo
  deliveredTo: string | null; // dati/consegna
  receivedFrom: string | null; // dati/ricezione
  errorDetail: string | null; // dati/errore-esteso
}

/** One attachment of the original message inside a complete receipt, with the SHA-256 of its decoded bytes. */
export interface OriginalAttachment {
  fileName: string | null;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** The original message as the provider delivered it (postacert.eml). */
export interface OriginalMessage {
  messageId: string | null;
  subject: string | null;
  from: string | null;
  to: string[];
  date: string | null;
  attachments: OriginalAttachment[];
}

export type SignatureProblem = 'content-changed' | 'signature-mismatch' | 'unreadable' | 'unexpected-part';

/**
 * What was checked of the provider's S/MIME signature. `valid` means: the signed bytes are unchanged since the key
 * of the certificate carried in the signature signed them. It does not mean that the certificate belongs to an
 * accredited PEC provider: its chain, its revocation and AgID's list of providers are not checked.
 */
export type ReceiptSignature =
  | { status: 'absent' }
  | {
      status: 'valid';
      signer: { commonName: string | null; organization: string | null; country: string | null };
      certificateValidFrom: Instant;
      certificateValidTo: Instant;
      /** Whether the receipt's own date falls inside the certificate's validity period. */
      certificateValidAtReceiptDate: boolean;
    }
  | { status: 'invalid'; problem: SignatureProblem };

/** Differences between the unsigned outer headers and the signed daticert.xml; the daticert is what counts. */
export type ReceiptWarning = 'header-type-differs' | 'header-reference-differs';

export interface PecReceipt {
  daticert: Daticert;
  signature: ReceiptSignature;
  /** The outer headers (outside the signature): hints only. */
  headers: {
    ricevuta: string | null;
    riferimentoMessageId: string | null;
    tipoRicevuta: string | null;
    subject: string | null;
  };
  warnings: ReceiptWarning[];
  /** Present in a complete receipt (and in a transport envelope): the message the receipt is about. */
  original: OriginalMessage | null;
}
