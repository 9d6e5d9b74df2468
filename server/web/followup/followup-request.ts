import type { Request } from 'express';
import type { FieldError } from '../../core/claim/validate-claim';
import type { Language } from '../../core/i18n/language';
import { DEFAULT_RECEIPT_LIMITS } from '../../pec/read-receipt';
import type { FollowupRequest, LetterPdfReader } from '../../use-cases/followup-service';
import { readCaseFile } from '../../use-cases/read-case-file';
import { CASE_FILE_TEXTS } from '../../use-cases/use-case-texts';
import { readMemoryUpload } from '../http/memory-upload';
import { FOLLOWUP_UPLOAD_TEXTS } from './followup-texts';

/** A letter is tens of KB (a signed one a little more): 20 MiB leaves room and is still read in memory. */
export const CASE_MAX_BYTES = 20 * 1024 * 1024;
export const RECEIPT_MAX_BYTES = DEFAULT_RECEIPT_LIMITS.maxBytes;

export type ReadFollowup =
  | { ok: true; request: FollowupRequest; fields: Record<string, string> }
  | { ok: false; status: number; errors: FieldError[]; fields: Record<string, string> };

const text = (fields: Record<string, string>, name: string) => {
  const value = fields[name]?.trim();
  return value ? value : undefined;
};

/** The page's flat fields (`sent.method`, `offer.amount`…) as the follow-up object the API takes. */
export function followupFromFields(fields: Record<string, string>): Record<string, unknown> {
  const outcome = text(fields, 'outcome');
  const offerAmount = text(fields, 'offer.amount');
  const sent: Record<string, unknown> = { method: text(fields, 'sent.method'), on: text(fields, 'sent.on') };
  const number = text(fields, 'sent.raccomandataNumber');
  if (number && sent.method === 'raccomandata') sent.raccomandataNumber = number;
  const followup: Record<string, unknown> = { sent, outcome };
  for (const name of ['receivedOn', 'replyOn', 'place'] as const) {
    const value = text(fields, name);
    if (value) followup[name] = value;
  }
  // The offer fields are shown for every outcome without JavaScript: they count only with a partial offer.
  if (outcome === 'partial' || (offerAmount && outcome === undefined)) {
    const description = text(fields, 'offer.description');
    followup.offer = { amount: offerAmount ?? '', ...(description ? { description } : {}) };
  }
  return followup;
}

/**
 * Reads a follow-up post (multipart/form-data, in memory): the case file (`case`: the letter PDF or the claim JSON),
 * the PEC receipt (`receipt`, optional), the follow-up as JSON (`followup`, the API) or as flat fields (the page).
 */
export async function readFollowupUpload(
  req: Request,
  language: Language,
  options: { flatFields: boolean; readLetterPdf: LetterPdfReader | null },
): Promise<ReadFollowup> {
  const texts = FOLLOWUP_UPLOAD_TEXTS;
  if (!req.is('multipart/form-data')) {
    return { ok: false, status: 415, errors: [{ path: '', message: texts.notMultipart[language] }], fields: {} };
  }
  let upload;
  try {
    upload = await readMemoryUpload(req, { files: { case: CASE_MAX_BYTES, receipt: RECEIPT_MAX_BYTES } });
  } catch {
    return { ok: false, status: 400, errors: [{ path: '', message: texts.malformed[language] }], fields: {} };
  }
  const { fields, files } = upload;
  if (upload.tooLarge) {
    const limit = (upload.tooLarge === 'case' ? CASE_MAX_BYTES : RECEIPT_MAX_BYTES) / 1024 / 1024;
    const message = texts.tooLarge[language].replace('{limit}', String(limit));
    return { ok: false, status: 413, errors: [{ path: upload.tooLarge, message }], fields };
  }
  let followup: unknown;
  if (options.flatFields) followup = followupFromFields(fields);
  else {
    try {
      followup = JSON.parse(fields.followup ?? '');
    } catch {
      return { ok: false, status: 422, errors: [{ path: 'followup', message: texts.followupJson[language] }], fields };
    }
  }
  if (!files.case)
    return { ok: false, status: 422, errors: [{ path: 'case', message: CASE_FILE_TEXTS.missing[language] }], fields };
  const reading = readCaseFile(files.case, {
    language,
    ...(fields.letterSha256 !== undefined ? { sha256: fields.letterSha256 } : {}),
    readLetterPdf: options.readLetterPdf,
  });
  if (!reading.ok) return { ok: false, status: 422, errors: reading.errors, fields };
  return {
    ok: true,
    request: { caseFile: reading.caseFile, followup, receipt: files.receipt ?? null, language },
    fields,
  };
}
