import { DateTime } from 'luxon';
import type { Language } from '../i18n/language';

/** Every local time in Reclamo is Italian time; instants are epoch milliseconds. */
export const ZONE = 'Europe/Rome';

export type Instant = number;
/** A calendar date, `YYYY-MM-DD`, with no time and no zone. */
export type IsoDate = string;

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type DateTimeParseResult =
  | { ok: true; instant: Instant }
  | { ok: false; error: 'datetime.format' | 'datetime.invalid' | 'datetime.nonexistent' };

/**
 * Reads `YYYY-MM-DDTHH:mm` as Italian local time, or a date-time with an explicit offset.
 * A local time that does not exist (the hour skipped when clocks go forward) is refused rather than guessed;
 * a local time that happens twice (the hour repeated when clocks go back) means the first of the two.
 */
export function parseRomeDateTime(text: string): DateTimeParseResult {
  if (WITH_OFFSET.test(text)) {
    const parsed = DateTime.fromISO(text, { setZone: true });
    return parsed.isValid ? { ok: true, instant: parsed.toMillis() } : { ok: false, error: 'datetime.invalid' };
  }
  if (!LOCAL_DATE_TIME.test(text)) return { ok: false, error: 'datetime.format' };
  const parsed = DateTime.fromISO(text, { zone: ZONE });
  if (!parsed.isValid) return { ok: false, error: 'datetime.invalid' };
  const wallClock = text.length === 16 ? `${text}:00` : text;
  if (parsed.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== wallClock) return { ok: false, error: 'datetime.nonexistent' };
  return { ok: true, instant: parsed.toMillis() };
}

export function isValidIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/** Today's date in Italy at the given instant. */
export function romeDateOf(instant: Instant): IsoDate {
  return DateTime.fromMillis(instant, { zone: ZONE }).toISODate()!;
}

/** Calendar arithmetic on a date; no zone is involved, so no daylight saving either. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate()!;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ years }).toISODate()!;
}

/** The instant at which an Italian calendar day ends (the next midnight in Rome). */
export function endOfRomeDay(date: IsoDate): Instant {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days: 1 }).startOf('day').toMillis();
}

/** `dd/mm/yyyy` for both languages: the letter is addressed to an Italian company. */
export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date for prose: `dd/mm/yyyy` in Italian, `1 December 2026` in English (where 01/12/2026 reads as 12 January to
 * many readers).
 */
export function formatLongDate(date: IsoDate, language: Language): string {
  if (language === 'it') return formatDate(date);
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1]} ${year}`;
}

/** The Italian local time of an instant, `22:00`. */
export function formatRomeTime(instant: Instant): string {
  return DateTime.fromMillis(instant, { zone: ZONE }).toFormat('HH:mm');
}

/** The later of two calendar dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(start, 'days').days);
}

/** `22/01/2023 ore 22:00` / `22/01/2023 at 22:00`, in Italian time. */
export function formatRomeDateTime(instant: Instant, language: Language): string {
  const local = DateTime.fromMillis(instant, { zone: ZONE });
  return `${local.toFormat('dd/MM/yyyy')} ${language === 'it' ? 'ore' : 'at'} ${local.toFormat('HH:mm')}`;
}

/** `YYYY-MM-DDTHH:mm` in Italian time: the form in which the API takes local times back. */
export function toRomeLocalDateTime(instant: Instant): string {
  return DateTime.fromMillis(instant, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** ISO 8601 with the Italian offset of that instant, e.g. `2023-01-22T22:00:00+01:00`. */
export function toRomeIso(instant: Instant): string {
  return DateTime.fromMillis(instant, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
}
