import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import { readDaticert } from './daticert';
import { countMimeParts, headerValue, splitEntity } from './mime-entity';
import { ReceiptError } from './receipt-error';
import type { OriginalMessage, PecReceipt, ReceiptSignature, ReceiptWarning } from './receipt-types';
import { unwrapReceipt } from './smime-envelope';

/** How much of a file the reader accepts before it refuses it; a receipt with a letter inside is about 100 KB. */
export interface ReceiptLimits {
  maxBytes: number;
  /** MIME parts counted over the whole file, the original message's included. */
  maxParts: number;
  /** MIME nesting depth of the receipt, and again of the original message inside it. */
  maxDepth: number;
  maxHeaderBytes: number;
}

export const DEFAULT_RECEIPT_LIMITS: ReceiptLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxParts: 64,
  maxDepth: 12,
  maxHeaderBytes: 256 * 1024,
};

type Parsed = Awaited<ReturnType<typeof PostalMime.parse>>;
type Attachment = Parsed['attachments'][number];

async function parseMime(bytes: Buffer, limits: ReceiptLimits): Promise<Parsed> {
  try {
    return await PostalMime.parse(bytes, {
      // postacert.eml stays an attachment: the original message is parsed on its own, never merged into the receipt.
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: limits.maxDepth,
      maxHeadersSize: limits.maxHeaderBytes,
      maxRfc822NestingDepth: 0,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/nest/i.test(message)) throw new ReceiptError('too-deep');
    if (/header/i.test(message)) throw new ReceiptError('headers-too-large');
    throw new ReceiptError('not-mime');
  }
}

function bytesOf(attachment: Attachment): Buffer {
  const { content } = attachment;
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return content instanceof ArrayBuffer
    ? Buffer.from(content)
    : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

function named(attachments: Attachment[], fileName: string): Attachment[] {
  return attachments.filter((attachment) => attachment.filename?.trim().toLowerCase() === fileName);
}

function addressesOf(list: Parsed['to']): string[] {
  return (list ?? []).flatMap((entry) => (entry.group ? entry.group.map((box) => box.address) : [entry.address]));
}

/** `<a@b>` and `a@b` are the same Message-ID. */
export function sameMessageId(left: string | null, right: string | null): boolean {
  const bare = (id: string | null) => (id ?? '').trim().replace(/^<|>$/g, '');
  return bare(left) !== '' && bare(left) === bare(right);
}

async function readOriginal(bytes: Buffer, limits: ReceiptLimits): Promise<OriginalMessage> {
  const parsed = await parseMime(bytes, limits);
  if (parsed.attachments.length > limits.maxParts) throw new ReceiptError('too-many-parts');
  return {
    messageId: parsed.messageId ?? null,
    subject: parsed.subject ?? null,
    from: parsed.from?.address ?? null,
    to: addressesOf(parsed.to),
    date: parsed.date ?? null,
    attachments: parsed.attachments.map((attachment) => {
      const content = bytesOf(attachment);
      return {
        fileName: attachment.filename,
        mimeType: attachment.mimeType.toLowerCase(),
        size: content.byteLength,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      };
    }),
  };
}

/**
 * Reads a PEC receipt (`.eml` as a PEC mailbox exports it) into what its provider certified. The certified data is
 * taken from inside the signature only (daticert.xml, and postacert.eml when the receipt carries the original
 * message); the outer headers are compared with it and any difference reported as a warning. Throws ReceiptError,
 * with a code, for anything that is not a readable receipt; never another exception for what a user uploads.
 */
export async function readPecReceipt(
  bytes: Uint8Array,
  limits: ReceiptLimits = DEFAULT_RECEIPT_LIMITS,
): Promise<PecReceipt> {
  if (bytes.byteLength === 0) throw new ReceiptError('empty');
  if (bytes.byteLength > limits.maxBytes) throw new ReceiptError('too-large');
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = raw.toString('latin1');
  const outer = splitEntity(text, limits.maxHeaderBytes);
  if (countMimeParts(text) > limits.maxParts) throw new ReceiptError('too-many-parts');

  const { content, signature } = await unwrapReceipt(raw, limits.maxHeaderBytes);
  const parsed = await parseMime(content, limits);
  if (parsed.attachments.length > limits.maxParts) throw new ReceiptError('too-many-parts');

  const daticerts = named(parsed.attachments, 'daticert.xml');
  if (daticerts.length === 0) throw new ReceiptError('no-daticert');
  if (daticerts.length > 1) throw new ReceiptError('several-daticert');
  const daticert = readDaticert(bytesOf(daticerts[0]!));

  const postacerts = parsed.attachments.filter(
    (attachment) =>
      attachment.filename?.trim().toLowerCase() === 'postacert.eml' || attachment.mimeType === 'message/rfc822',
  );
  if (postacerts.length > 1) throw new ReceiptError('several-postacert');
  const original = postacerts[0] ? await readOriginal(bytesOf(postacerts[0]), limits) : null;
  if (original && !sameMessageId(original.messageId, daticert.messageId))
    throw new ReceiptError('postacert-mismatch', 'the original message is not the one daticert.xml certifies');

  const headers = {
    ricevuta: headerValue(outer, 'x-ricevuta'),
    riferimentoMessageId: headerValue(outer, 'x-riferimento-message-id'),
    tipoRicevuta: headerValue(outer, 'x-tiporicevuta'),
    subject: headerValue(outer, 'subject') === null ? null : PostalMime.decodeWords(headerValue(outer, 'subject')!),
  };
  const warnings: ReceiptWarning[] = [];
  if (headers.ricevuta !== null && headers.ricevuta.toLowerCase() !== daticert.type)
    warnings.push('header-type-differs');
  if (headers.riferimentoMessageId !== null && !sameMessageId(headers.riferimentoMessageId, daticert.messageId))
    warnings.push('header-reference-differs');

  const checked: ReceiptSignature =
    signature.status === 'valid'
      ? {
          ...signature,
          certificateValidAtReceiptDate:
            daticert.issuedAt >= signature.certificateValidFrom && daticert.issuedAt <= signature.certificateValidTo,
        }
      : signature;
  return { daticert, signature: checked, headers, warnings, original };
}
