import { z } from 'zod';
import type { Assessment } from '../assessment/assess-claim';
import { presentedAssessmentSchema, type PresentedAssessment } from '../assessment/presented-assessment-schema';
import type { Association } from '../claim/association-schema';
import type { Claim, ClaimInput } from '../claim/claim-schema';
import { claimToInput } from '../claim/claim-to-input';
import { LANGUAGES, type Language } from '../i18n/language';

/** The name of the file every letter carries (a PDF/A-3 associated file, relationship Data). */
export const CLAIM_RECORD_FILE = 'reclamo-claim.json';
export const CLAIM_RECORD_MIME = 'application/json';
export const CLAIM_RECORD_FORMAT = 'reclamo-claim';
/** Raised when a field changes meaning or is removed; readers refuse versions they do not know. */
export const CLAIM_RECORD_SCHEMA_VERSION = 1;

/**
 * The letter's case file, machine-readable: the validated claim as the API takes it (its letter date fixed to the
 * letter's, so assessing it again gives the same letter), the assessment as the API presents it, and what else the
 * letter was drawn from. Everything in it is printed in the letter too.
 */
export const claimRecordSchema = z.strictObject({
  format: z.literal(CLAIM_RECORD_FORMAT),
  schemaVersion: z.literal(CLAIM_RECORD_SCHEMA_VERSION),
  rulesetVersion: z.string().min(1),
  language: z.enum(LANGUAGES),
  letterDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Validated again by whoever reads it: a record is data from a file, not a trusted claim. */
  claim: z.record(z.string(), z.unknown()),
  association: z.record(z.string(), z.unknown()).nullable(),
  providerPec: z.string().nullable(),
  assessment: presentedAssessmentSchema,
});

export type ClaimRecord = Omit<z.infer<typeof claimRecordSchema>, 'claim' | 'association'> & {
  claim: ClaimInput;
  association: Association | null;
};

export interface ClaimRecordSource {
  claim: Claim;
  assessment: Assessment;
  presented: PresentedAssessment;
  language: Language;
  association: Association | null;
  providerPec: string | null;
}

export function buildClaimRecord(source: ClaimRecordSource): ClaimRecord {
  const input = claimToInput(source.claim);
  return {
    format: CLAIM_RECORD_FORMAT,
    schemaVersion: CLAIM_RECORD_SCHEMA_VERSION,
    rulesetVersion: source.assessment.ruleset.version,
    language: source.language,
    letterDate: source.assessment.letterDate,
    claim: { ...input, letter: { ...(input.letter ?? {}), date: source.assessment.letterDate } },
    association: source.association,
    providerPec: source.providerPec,
    assessment: source.presented,
  };
}

/** The bytes embedded in the letter: stable key order, two-space indent, a final newline. */
export function serializeClaimRecord(record: ClaimRecord): Buffer {
  return Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
}
