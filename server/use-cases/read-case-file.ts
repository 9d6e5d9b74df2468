import { associationSchema } from '../core/claim/association-schema';
import { validateWith } from '../core/claim/validate-claim';
import { letterSha256 } from '../core/followup/followup-schema';
import type { Language } from '../core/i18n/language';
import type { CaseReading, LetterPdfReader } from './followup-service';
import { CASE_FILE_TEXTS } from './use-case-texts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(key: keyof typeof CASE_FILE_TEXTS, language: Language, path = 'case'): CaseReading {
  return { ok: false, errors: [{ path, message: CASE_FILE_TEXTS[key][language] }] };
}

/**
 * The case from an uploaded file: a letter PDF (read by the letter reader, when one is plugged in) or JSON — the
 * claim record a letter carries (`format: "reclamo-claim"`), `{ "claim": …, "letterSha256": … }`, or the claim
 * alone. `sha256` is the first letter's fingerprint as typed, used when the file does not carry it.
 */
export function readCaseFile(
  bytes: Buffer,
  options: { language: Language; sha256?: string; readLetterPdf?: LetterPdfReader | null },
): CaseReading {
  const { language } = options;
  let typedSha: string | null = null;
  if (options.sha256 !== undefined && options.sha256.trim() !== '') {
    const sha = validateWith(letterSha256(), options.sha256, language);
    if (!sha.ok) return { ok: false, errors: sha.errors.map((error) => ({ ...error, path: 'letterSha256' })) };
    typedSha = sha.value;
  }
  if (bytes.length === 0) return refuse('empty', language);
  if (bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    if (!options.readLetterPdf) return refuse('pdfNotYet', language);
    return options.readLetterPdf(bytes, language);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return refuse('notJson', language);
  }
  if (!isObject(parsed)) return refuse('notJson', language);
  let claim: unknown = parsed;
  let association: unknown = null;
  let fileSha: unknown = null;
  if (parsed.format === 'reclamo-claim') {
    claim = parsed.claim;
    association = parsed.association ?? null;
  } else if ('claim' in parsed) {
    claim = parsed.claim;
    association = parsed.association ?? null;
    fileSha = parsed.letterSha256 ?? null;
  }
  let sha = typedSha;
  if (sha === null && typeof fileSha === 'string') {
    const checked = validateWith(letterSha256(), fileSha, language);
    if (!checked.ok)
      return { ok: false, errors: checked.errors.map((error) => ({ ...error, path: 'case.letterSha256' })) };
    sha = checked.value;
  }
  let checkedAssociation = null;
  if (association !== null) {
    const checked = validateWith(associationSchema, association, language);
    if (!checked.ok)
      return {
        ok: false,
        errors: checked.errors.map((error) => ({ ...error, path: `case.association.${error.path}` })),
      };
    checkedAssociation = checked.value;
  }
  return { ok: true, caseFile: { claim, association: checkedAssociation, letterSha256: sha } };
}
