import { createHash } from 'node:crypto';
import {
  CLAIM_RECORD_FILE,
  CLAIM_RECORD_FORMAT,
  CLAIM_RECORD_SCHEMA_VERSION,
  claimRecordSchema,
  type ClaimRecord,
} from '../core/claim-record/claim-record';
import { interpolate, type Localized, type MessageParams } from '../core/i18n/language';
import { LETTER_READ_TEXTS } from './letter-reader-texts';
import { isStream, nameTreeEntries, PdfFile, PdfName, PdfRef, PdfString, PdfSyntaxError } from './pdf-reader';

/** Larger than any letter (tens of KB; a signed one a little more), small enough to read in memory. */
export const MAX_LETTER_BYTES = 20 * 1024 * 1024;
const MAX_RECORD_BYTES = 1024 * 1024;

export type LetterReadProblem =
  | 'too-large'
  | 'not-pdf'
  | 'truncated'
  | 'unreadable'
  | 'no-claim'
  | 'damaged'
  | 'bad-json'
  | 'not-our-file'
  | 'unknown-version'
  | 'invalid-record';

export type LetterReading =
  | {
      ok: true;
      /** The claim record as the letter carries it; its claim is to be validated again before use. */
      record: ClaimRecord;
      /** The embedded file's bytes, exactly. */
      json: Buffer;
    }
  | { ok: false; problem: LetterReadProblem; message: Localized };

function refuse(problem: LetterReadProblem, params: MessageParams = {}): LetterReading {
  const texts = LETTER_READ_TEXTS[problem];
  return {
    ok: false,
    problem,
    message: { it: interpolate(texts.it, params), en: interpolate(texts.en, params) },
  };
}

/**
 * Reads the claim a Reclamo letter carries (`reclamo-claim.json`, see server/core/claim-record/claim-record.ts).
 * Anything else is refused with the reason, never guessed at: not a PDF, a truncated or damaged file, a PDF from
 * another program, an embedded file whose checksum no longer matches, or data that is not a claim record. Reading
 * does not check the figures: `checkLetterClaim` (server/use-cases/) does that against the ruleset the record names.
 */
export function readClaimFromLetter(pdf: Uint8Array): LetterReading {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const file = { file: CLAIM_RECORD_FILE };
  if (bytes.length > MAX_LETTER_BYTES) return refuse('too-large', { limit: MAX_LETTER_BYTES / 1024 / 1024 });
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) return refuse('not-pdf');
  if (
    !bytes
      .subarray(Math.max(0, bytes.length - 2048))
      .toString('latin1')
      .includes('%%EOF')
  )
    return refuse('truncated');
  let json: Buffer;
  let checksum: PdfString | undefined;
  try {
    const reader = new PdfFile(bytes);
    const catalog = reader.dict(reader.trailer.get('Root'));
    if (!catalog) return refuse('unreadable');
    const names = reader.dict(catalog.get('Names'));
    const entry = nameTreeEntries(reader, names?.get('EmbeddedFiles')).find(([name]) => name === CLAIM_RECORD_FILE);
    if (!entry) return refuse('no-claim', file);
    const embedded = reader.dict(reader.dict(entry[1])?.get('EF'))?.get('F');
    const stream = embedded instanceof PdfRef ? reader.object(embedded.id) : undefined;
    if (!isStream(stream)) return refuse('unreadable');
    json = reader.streamData(stream, MAX_RECORD_BYTES);
    const params = reader.dict(stream.dict.get('Params'));
    const sum = reader.resolve(params?.get('CheckSum'));
    checksum = sum instanceof PdfString ? sum : undefined;
    const subtype = stream.dict.get('Subtype');
    if (subtype instanceof PdfName && subtype.name !== 'application/json') return refuse('not-our-file', file);
  } catch (error) {
    if (error instanceof PdfSyntaxError || (error instanceof Error && 'code' in error)) return refuse('unreadable');
    throw error;
  }
  if (checksum && !checksumMatches(json, checksum.bytes)) return refuse('damaged', file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    return refuse('bad-json', file);
  }
  const header = parsed as { format?: unknown; schemaVersion?: unknown } | null;
  if (header?.format !== CLAIM_RECORD_FORMAT) return refuse('not-our-file', file);
  if (header.schemaVersion !== CLAIM_RECORD_SCHEMA_VERSION) {
    return refuse('unknown-version', { version: String(header.schemaVersion) });
  }
  const record = claimRecordSchema.safeParse(parsed);
  if (!record.success) {
    const detail = record.error.issues
      .slice(0, 3)
      .map((issue) => issue.path.join('.') || '(root)')
      .join(', ');
    return refuse('invalid-record', { detail });
  }
  return { ok: true, record: record.data as ClaimRecord, json };
}

/** The MD5 of the embedded file, as ISO 32000 has it (16 bytes) or as PDFKit writes it (32 hex digits). */
function checksumMatches(data: Buffer, checksum: Buffer): boolean {
  const digest = createHash('md5').update(data).digest();
  return checksum.length === 16
    ? digest.equals(checksum)
    : checksum.toString('latin1').toLowerCase() === digest.toString('hex');
}
