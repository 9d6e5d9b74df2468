import { assessClaim, type Assessment } from '../../server/core/assessment/assess-claim';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { validateClaim } from '../../server/core/claim/validate-claim';
import { RULESET } from '../../server/core/rules/ruleset';
import { TEST_NOW } from './test-service';

/** Validates (failing the test on invalid input) and assesses with the ruleset in force. */
export function assess(input: ClaimInput, now = TEST_NOW): Assessment {
  const validated = validateClaim(input, 'en');
  if (!validated.ok) throw new Error(`fixture is invalid: ${JSON.stringify(validated.errors)}`);
  return assessClaim(validated.value, { ruleset: RULESET, now });
}

export function amounts(assessment: Assessment): Record<string, number> {
  return Object.fromEntries(assessment.compensation.lines.map((line) => [line.code, line.amountCents]));
}

export function codes(findings: { code: string }[]): string[] {
  return findings.map((finding) => finding.code);
}
