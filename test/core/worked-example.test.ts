import { assessClaim } from '../../server/core/assessment/assess-claim';
import { validateClaim } from '../../server/core/claim/validate-claim';
import { RULESET } from '../../server/core/rules/ruleset';
import { workedExampleClaim } from '../fixtures/claims';

const NOW = Date.UTC(2026, 10, 23, 12);

test('the worked example of the rules comes out to the cent', () => {
  const validated = validateClaim(workedExampleClaim(), 'it');
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const assessment = assessClaim(validated.value, { ruleset: RULESET, now: NOW });
  const amounts = Object.fromEntries(assessment.compensation.lines.map((line) => [line.code, line.amountCents]));
  expect(amounts).toEqual({ indemnity: 3600, refund: 33, damages: 15000, 'compensation-received': -1000 });
  expect(assessment.compensation.totalCents).toBe(17633);
  expect(assessment.eligible).toBe(true);
  expect(assessment.periods).toHaveLength(1);
  expect(assessment.periods[0]!.days).toBe(6);
  expect(assessment.deadline).toBe('2023-03-16');
});
