import { assessClaim } from '../core/assessment/assess-claim';
import { presentAssessment, type PresentedAssessment } from '../core/assessment/present-assessment';
import type { ClaimRecord } from '../core/claim-record/claim-record';
import { validateClaim, type FieldError } from '../core/claim/validate-claim';
import type { Ruleset } from '../core/rules/ruleset-types';

export interface Difference {
  /** What differs, as a path into the record's assessment (`compensation.totalCents`, `lines.refund`…). */
  field: string;
  inLetter: string;
  recomputed: string;
}

export type LetterClaimCheck =
  /** The claim, assessed again under the ruleset the letter names, gives the letter's figures. */
  | { status: 'matches'; rulesetVersion: string }
  | { status: 'differs'; rulesetVersion: string; differences: Difference[] }
  /** The claim no longer passes validation (edited, or from a version with other rules for a field). */
  | { status: 'claim-invalid'; rulesetVersion: string; errors: FieldError[] }
  /** The letter names a ruleset this version does not have, so its figures cannot be checked. */
  | { status: 'ruleset-unknown'; rulesetVersion: string; known: string[] };

export interface CheckLetterClaimDeps {
  /** Every ruleset this version knows, by version. */
  rulesets: Ruleset[];
  /** Now: only whether the outages had ended matters, and an outage over then is over now. */
  now: number;
}

/**
 * Does the assessment a letter carries still match the ruleset it names? The claim in the letter is validated and
 * assessed again under that ruleset, and every figure of the result (eligibility, each line, the total, the letter
 * date, the deadline, the periods) is compared with the letter's. Wording is not compared: texts may change between
 * versions without changing what is owed.
 */
export function checkLetterClaim(record: ClaimRecord, deps: CheckLetterClaimDeps): LetterClaimCheck {
  const rulesetVersion = record.rulesetVersion;
  const ruleset = deps.rulesets.find((candidate) => candidate.version === rulesetVersion);
  if (!ruleset) return { status: 'ruleset-unknown', rulesetVersion, known: deps.rulesets.map((item) => item.version) };
  const validated = validateClaim(record.claim, record.language);
  if (!validated.ok) return { status: 'claim-invalid', rulesetVersion, errors: validated.errors };
  const claim = validated.value;
  const assessment = assessClaim(claim, { ruleset, now: deps.now });
  const recomputed = presentAssessment(assessment, record.language, claim.compensationReceived?.description);
  const differences = compareFigures(record.assessment, recomputed);
  if (record.letterDate !== recomputed.letterDate) {
    differences.unshift({ field: 'letterDate', inLetter: record.letterDate, recomputed: recomputed.letterDate });
  }
  return differences.length
    ? { status: 'differs', rulesetVersion, differences }
    : { status: 'matches', rulesetVersion };
}

function compareFigures(inLetter: PresentedAssessment, recomputed: PresentedAssessment): Difference[] {
  const differences: Difference[] = [];
  const compare = (field: string, a: unknown, b: unknown) => {
    const left = JSON.stringify(a) ?? 'absent';
    const right = JSON.stringify(b) ?? 'absent';
    if (left !== right) differences.push({ field, inLetter: left, recomputed: right });
  };
  compare('eligible', inLetter.eligible, recomputed.eligible);
  compare(
    'reasons',
    inLetter.reasons.map((reason) => reason.code),
    recomputed.reasons.map((reason) => reason.code),
  );
  const codes = [
    ...new Set([...inLetter.compensation.lines, ...recomputed.compensation.lines].map((line) => line.code)),
  ];
  for (const code of codes) {
    const amount = (assessment: PresentedAssessment) =>
      assessment.compensation.lines.find((line) => line.code === code)?.amountCents;
    compare(`compensation.lines.${code}.amountCents`, amount(inLetter), amount(recomputed));
  }
  compare('compensation.totalCents', inLetter.compensation.totalCents, recomputed.compensation.totalCents);
  compare('deadline.date', inLetter.deadline.date, recomputed.deadline.date);
  compare('deadline.days', inLetter.deadline.days, recomputed.deadline.days);
  const periods = (assessment: PresentedAssessment) =>
    assessment.periods.map(({ start, end, severity, days }) => ({ start, end, severity, days }));
  compare('periods', periods(inLetter), periods(recomputed));
  return differences;
}
