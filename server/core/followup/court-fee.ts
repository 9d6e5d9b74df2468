import type { Cents } from '../money/money';
import type { FollowUpRules } from '../rules/ruleset-types';

export interface CourtFee {
  /** Contributo unificato for the value; null above the last bracket the sources give. */
  contributoCents: Cents | null;
  /** "Anticipazioni forfettarie", paid with it above their threshold (0 below). */
  flatCostsCents: Cents;
}

/** The court fee for a claim of this value: the first bracket that holds it, plus the flat costs above their limit. */
export function courtFeeFor(valueCents: Cents, rules: FollowUpRules): CourtFee {
  const bracket = rules.courtFee.brackets.find(
    (candidate) => candidate.upToCents === null || valueCents <= candidate.upToCents,
  );
  return {
    contributoCents: bracket?.feeCents ?? null,
    flatCostsCents: valueCents > rules.flatCosts.aboveCents ? rules.flatCosts.feeCents : 0,
  };
}
