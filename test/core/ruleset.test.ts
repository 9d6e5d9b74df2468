import { parseRomeDateTime } from '../../server/core/time/rome-time';
import { RULESET } from '../../server/core/rules/ruleset';
import { rulesetSchema } from '../../server/core/rules/ruleset-types';

test('the ruleset in force satisfies its schema: every figure has a source', () => {
  expect(() => rulesetSchema.parse(RULESET)).not.toThrow();
});

test('incident windows are real Italian times and end after they start', () => {
  for (const incident of RULESET.incidents) {
    const start = parseRomeDateTime(incident.start);
    const end = parseRomeDateTime(incident.end);
    expect(start.ok && end.ok && end.instant > start.instant).toBe(true);
    for (const fact of incident.facts) expect(fact.knownSince >= incident.start.slice(0, 10)).toBe(true);
  }
});

test('plan ids are unique and the default deadline is within its bounds', () => {
  const ids = RULESET.plans.map((plan) => plan.id);
  expect(new Set(ids).size).toBe(ids.length);
  const { default: days, min, max } = RULESET.deadlineDays;
  expect(days).toBeGreaterThanOrEqual(min);
  expect(days).toBeLessThanOrEqual(max);
});
