import type { Cents } from '../money/money';
import type { DatedThreshold, Ruleset } from '../rules/ruleset-types';
import type { IsoDate } from '../time/rome-time';

/** Which court a claim of this value would go to if filed on `filedOn`; `uncertain` when the sources do not say. */
export type CourtKind = 'giudice-di-pace' | 'tribunale' | 'uncertain';

export interface CourtChoice {
  kind: CourtKind;
  /** The limits in force on that date, for the messages. */
  giudiceDiPaceUpToCents: Cents;
  tribunaleAboveCents: Cents;
  /** From when the Tribunale threshold in force applies. */
  tribunaleAboveSince: IsoDate;
}

/** The threshold in force on a date: the latest one that applies from that date or before. */
export function thresholdOn(thresholds: readonly DatedThreshold[], date: IsoDate): DatedThreshold {
  const applicable = thresholds.filter((threshold) => threshold.from <= date);
  const sorted = [...(applicable.length ? applicable : thresholds)].sort((a, b) => a.from.localeCompare(b.from));
  return applicable.length ? sorted[sorted.length - 1]! : sorted[0]!;
}

export function courtFor(totalCents: Cents, filedOn: IsoDate, ruleset: Ruleset): CourtChoice {
  const giudiceDiPaceUpToCents = thresholdOn(ruleset.courts.giudiceDiPaceUpTo, filedOn).cents;
  const tribunale = thresholdOn(ruleset.courts.tribunaleAbove, filedOn);
  const tribunaleAboveCents = tribunale.cents;
  let kind: CourtKind = 'uncertain';
  if (totalCents <= giudiceDiPaceUpToCents) kind = 'giudice-di-pace';
  else if (totalCents > tribunaleAboveCents) kind = 'tribunale';
  return { kind, giudiceDiPaceUpToCents, tribunaleAboveCents, tribunaleAboveSince: tribunale.from };
}
