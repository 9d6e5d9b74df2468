import { readSignedData, signedContent, verifySignature, type SignatureCheck } from './cms-signature';
import {
  canonicalLineBreaks,
  headerValue,
  mediaType,
  multipartParts,
  parameter,
  splitEntity,
  type Entity,
} from './mime-entity';
import { ReceiptError } from './receipt-error';

/** The receipt's MIME entity that the reader trusts, and what was checked of the signature around it. */
export interface Unwrapped {
  content: Buffer;
  signature: SignatureCheck;
}

const SIGNATURE_TYPES = ['application/pkcs7-signature', 'application/x-pkcs7-signature'];
const OPAQUE_TYPES = ['application/pkcs7-mime', 'application/x-pkcs7-mime'];

function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

function decodedBody(entity: Entity): Buffer {
  const encoding = (headerValue(entity, 'content-transfer-encoding') ?? '7bit').toLowerCase();
  return encoding === 'base64'
    ? Buffer.from(entity.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
    : latin1(entity.body);
}

/**
 * multipart/signed (RFC 1847): the first part is the signed receipt, the second its detached CMS signature. The
 * signature is checked over the exact bytes first, then over their canonical CRLF form (a file saved with bare LF
 * line ends). A missing second part, as in receipts whose signature was cut, is reported as absent.
 */
async function unwrapDetached(message: Entity, contentType: string, maxHeaderBytes: number): Promise<Unwrapped> {
  const boundary = parameter(contentType, 'boundary');
  if (!boundary) throw new ReceiptError('not-mime', 'multipart/signed without a boundary');
  const [signedPart, signaturePart, ...more] = multipartParts(message.body, boundary);
  if (signedPart === undefined) throw new ReceiptError('not-mime', 'multipart/signed without parts');
  const exact = latin1(signedPart);
  if (signaturePart === undefined) return { content: exact, signature: { status: 'absent' } };
  const signatureEntity = splitEntity(signaturePart, maxHeaderBytes);
  const signatureType = mediaType(headerValue(signatureEntity, 'content-type'));
  if (more.length > 0 || !SIGNATURE_TYPES.includes(signatureType))
    return { content: exact, signature: { status: 'invalid', problem: 'unexpected-part' } };
  let signed;
  try {
    signed = readSignedData(decodedBody(signatureEntity));
  } catch {
    return { content: exact, signature: { status: 'invalid', problem: 'unreadable' } };
  }
  const first = await verifySignature(signed, exact);
  if (first.status === 'valid') return { content: exact, signature: first };
  const canonical = latin1(canonicalLineBreaks(signedPart));
  if (canonical.equals(exact)) return { content: exact, signature: first };
  const second = await verifySignature(signed, canonical);
  return second.status === 'valid' ? { content: canonical, signature: second } : { content: exact, signature: first };
}

/** application/pkcs7-mime (opaque signing): the receipt is inside the CMS structure, which must be readable. */
async function unwrapOpaque(message: Entity): Promise<Unwrapped> {
  const signed = readSignedData(decodedBody(message));
  return { content: signedContent(signed), signature: await verifySignature(signed) };
}

/**
 * The receipt inside its S/MIME envelope: a detached or opaque signature, or no envelope at all (multipart/mixed,
 * a receipt saved without its signature). Any other top-level type is not a PEC receipt.
 */
export async function unwrapReceipt(raw: Buffer, maxHeaderBytes: number): Promise<Unwrapped> {
  const message = splitEntity(raw.toString('latin1'), maxHeaderBytes);
  const contentType = headerValue(message, 'content-type');
  if (contentType === null) throw new ReceiptError('not-mime', 'no Content-Type');
  const type = mediaType(contentType);
  if (type === 'multipart/signed') return unwrapDetached(message, contentType, maxHeaderBytes);
  if (OPAQUE_TYPES.includes(type)) {
    if (/enveloped-data/i.test(parameter(contentType, 'smime-type') ?? '')) throw new ReceiptError('encrypted');
    return unwrapOpaque(message);
  }
  if (type === 'multipart/mixed') return { content: raw, signature: { status: 'absent' } };
  throw new ReceiptError('unsupported-structure', type);
}
