import { assessClaim, type Assessment } from '../assessment/assess-claim';
import type { Association } from '../claim/association-schema';
import type { Claim } from '../claim/claim-schema';
import { fieldError, validateClaim, type FieldError } from '../claim/validate-claim';
import type { Language } from '../i18n/language';
import type { Ruleset } from '../rules/ruleset-types';
import { endOfRomeDay } from '../time/rome-time';

export type OpenedCase = { ok: true; claim: Claim; assessment: Assessment } | { ok: false; errors: FieldError[] };

/**
 * The first letter's claim, validated and assessed as it was on the letter's own date: an old letter keeps its
 * date, and none of the guards meant for a new letter (a date whose term is already over) apply to it. The claim
 * must carry that date (`letter.date`), as the claim inside every letter does.
 */
export function openCase(
  input: unknown,
  language: Language,
  ruleset: Ruleset,
  association: Association | null = null,
): OpenedCase {
  const validated = validateClaim(input, language);
  if (!validated.ok) {
    return { ok: false, errors: validated.errors.map((error) => ({ ...error, path: `claim.${error.path}` })) };
  }
  const claim = validated.value;
  const letterDate = claim.letter?.date;
  if (letterDate === undefined) {
    return { ok: false, errors: [fieldError('claim.letter.date', 'followup.letterDateMissing', language)] };
  }
  const assessment = assessClaim(claim, {
    ruleset,
    now: endOfRomeDay(letterDate) - 1,
    context: { association, providerPecConfigured: false },
  });
  return { ok: true, claim, assessment };
}
