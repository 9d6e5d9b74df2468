import type { Ruleset } from '../rules/ruleset-types';
import { addDays, type IsoDate } from './rome-time';

type HolidayRules = Ruleset['holidays'];

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday, for a calendar date (no zone involved). */
export function weekday(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The name of the holiday on that date, or null; Sundays are named "domenica". */
export function holidayOn(date: IsoDate, rules: HolidayRules): string | null {
  if (weekday(date) === 0) return 'domenica';
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const fixed = rules.fixed.find(
    (holiday) => holiday.month === month && holiday.day === day && (holiday.from === null || holiday.from <= date),
  );
  if (fixed) return fixed.name;
  if (date === addDays(easterSunday(year), 1)) return 'Lunedì dell’Angelo';
  return null;
}

/**
 * The day a term falling on `date` really ends: the same day, or the next day that is neither a Sunday nor an
 * Italian public holiday (artt. 2963 and 1187 c.c.). Saturdays are working days for substantive terms.
 */
export function nextWorkingDay(date: IsoDate, rules: HolidayRules): IsoDate {
  let current = date;
  while (holidayOn(current, rules) !== null) current = addDays(current, 1);
  return current;
}
