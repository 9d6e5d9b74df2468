import { divideRoundHalfUp, type Cents } from '../money/money';
import type { Ruleset } from '../rules/ruleset-types';
import { daysBetween, type IsoDate } from '../time/rome-time';

export interface InterestFigure {
  cents: Cents;
  from: IsoDate;
  to: IsoDate;
  /** The rate of each calendar year counted, in basis points. */
  years: { year: number; days: number; basisPoints: number }[];
}

/**
 * Simple interest at the legal rate (art. 1284 c.c., a rate per calendar year) on `principal` from the day of the
 * mora (the receipt of the letter, art. 1224 c.c.) to `to`: the days after `from` up to and including `to`, each year
 * at its own rate over 365 days. Null when a year's rate is not in the ruleset (it is set each December).
 */
export function legalInterest(principal: Cents, from: IsoDate, to: IsoDate, ruleset: Ruleset): InterestFigure | null {
  if (to <= from) return { cents: 0, from, to, years: [] };
  const years: InterestFigure['years'] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    const previousEnd = `${year - 1}-12-31`;
    const yearEnd = `${year}-12-31`;
    const days = daysBetween(from > previousEnd ? from : previousEnd, to < yearEnd ? to : yearEnd);
    if (days <= 0) continue;
    const rate = ruleset.interest.legalRates.find((candidate) => candidate.year === year);
    if (!rate) return null;
    years.push({ year, days, basisPoints: rate.basisPoints });
  }
  const numerator = years.reduce((sum, item) => sum + principal * item.days * item.basisPoints, 0);
  return { cents: divideRoundHalfUp(numerator, 10000 * 365), from, to, years };
}
