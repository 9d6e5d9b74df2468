import type { IsoDate } from '../time/rome-time';

/** Letters dated and deliveries proved on one day (days without either are absent). */
export interface DayFigures {
  day: IsoDate;
  letters: number;
  deliveries: number;
}

export type PeriodUnit = 'day' | 'week' | 'month';

/** One bar group of the dashboard's chart: the days from `from` to `to`, both included. */
export interface PeriodFigures {
  from: IsoDate;
  to: IsoDate;
  letters: number;
  deliveries: number;
}

export interface TimelinePeriods {
  unit: PeriodUnit;
  periods: PeriodFigures[];
}

/** Past these spans a day (then a week) is too thin to read as a bar. */
const MAX_DAYS_BY_DAY = 31;
const MAX_DAYS_BY_WEEK = 26 * 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const toTime = (day: IsoDate) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);

/** The first day of the period `day` falls in: itself, its week's Monday, or the first of its month. */
function periodStart(day: IsoDate, unit: PeriodUnit): IsoDate {
  if (unit === 'day') return day;
  if (unit === 'month') return `${day.slice(0, 8)}01`;
  const time = toTime(day);
  const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return toDay(time - sinceMonday * DAY_MS);
}

function nextStart(start: IsoDate, unit: PeriodUnit): IsoDate {
  if (unit === 'day') return toDay(toTime(start) + DAY_MS);
  if (unit === 'week') return toDay(toTime(start) + 7 * DAY_MS);
  const date = new Date(toTime(start));
  return toDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
}

/**
 * The day counts grouped for a chart: by day while they span a month at most, by week (Monday to Sunday) up to
 * half a year, by month beyond; every period between the first and the last is there, empty ones with zeros, so the
 * bars stand at their real distance in time.
 */
export function timelinePeriods(days: readonly DayFigures[]): TimelinePeriods {
  if (days.length === 0) return { unit: 'day', periods: [] };
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const span = (toTime(sorted[sorted.length - 1]!.day) - toTime(sorted[0]!.day)) / DAY_MS + 1;
  const unit: PeriodUnit = span <= MAX_DAYS_BY_DAY ? 'day' : span <= MAX_DAYS_BY_WEEK ? 'week' : 'month';
  const periods: PeriodFigures[] = [];
  let start = periodStart(sorted[0]!.day, unit);
  let index = 0;
  while (index < sorted.length) {
    const next = nextStart(start, unit);
    const period: PeriodFigures = { from: start, to: toDay(toTime(next) - DAY_MS), letters: 0, deliveries: 0 };
    while (index < sorted.length && sorted[index]!.day < next) {
      period.letters += sorted[index]!.letters;
      period.deliveries += sorted[index]!.deliveries;
      index += 1;
    }
    periods.push(period);
    start = next;
  }
  return { unit, periods };
}
