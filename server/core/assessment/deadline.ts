import type { Ruleset } from '../rules/ruleset-types';
import { holidayOn, nextWorkingDay } from '../time/italian-calendar';
import { addDays, type IsoDate } from '../time/rome-time';

/** The date a term of `days` from receipt means if the letter is received on its own date. */
export interface Deadline {
  days: number;
  /** Letter date + days, moved to the next working day when that falls on a Sunday or a public holiday. */
  date: IsoDate;
  /** The holiday (or "domenica") the nominal date fell on, when it was moved. */
  movedFrom: { date: IsoDate; holiday: string } | null;
}

export function deadlineOf(letterDate: IsoDate, days: number, ruleset: Ruleset): Deadline {
  const nominal = addDays(letterDate, days);
  const date = nextWorkingDay(nominal, ruleset.holidays);
  const holiday = holidayOn(nominal, ruleset.holidays);
  return { days, date, movedFrom: holiday === null ? null : { date: nominal, holiday } };
}
