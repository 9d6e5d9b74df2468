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
  // Dated 23/11/2026: 15 days from receipt end on 08/12/2026, the Immacolata, so the term runs to 09/12/2026.
  expect(assessment.letterDate).toBe('2026-11-23');
  expect(assessment.deadline).toBe('2026-12-09');
  expect(assessment.deadlineDetail.movedFrom).toEqual({ date: '2026-12-08', holiday: 'Immacolata Concezione' });
});
