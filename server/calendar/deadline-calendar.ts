import { createEvent, type DateArray, type EventAttributes } from 'ics';
import { interpolate, type Language } from '../core/i18n/language';
import { addDays, isValidIsoDate, type Instant, type IsoDate } from '../core/time/rome-time';
import { CALENDAR_TEXTS } from './calendar-texts';

export interface DeadlineCalendarInput {
  /** The SHA-256 of the letter's PDF: the event's UID is derived from it, so every copy is the same event. */
  letterSha256: string;
  /** The deadline, a calendar date in Italy (`YYYY-MM-DD`). */
  deadline: IsoDate;
  language: Language;
  title: string;
  /** What to do next, in the claimant's language; the link and the fingerprint are added below it. */
  description: string;
  followUpUrl: string;
  /** DTSTAMP: passed in (the letter's date, for instance), never "now", so the same input gives the same bytes. */
  stamp: Instant;
}

export interface CalendarFile {
  fileName: string;
  contentType: 'text/calendar; charset=utf-8';
  uid: string;
  content: string;
}

/** 09:00 two days before, and 09:00 on the day, relative to the all-day event's start (midnight, local time). */
const TWO_DAYS_BEFORE_AT_NINE = { days: 1, hours: 15, before: true };
const ON_THE_DAY_AT_NINE = { hours: 9, before: false };

function dateArray(date: IsoDate): DateArray {
  const [year, month, day] = date.split('-').map(Number);
  return [year!, month!, day!];
}

/** One line: a title with a line break would leak into other properties in some readers. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Folds every content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. `ics` folds at 75
 * characters, which makes lines of accented Italian text up to twice as long; its folds are undone and redone here.
 */
export function foldAtOctets(content: string): string {
  const lines = content.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const folded: string[] = [];
      let current = '';
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char);
        if (octets + size > (folded.length === 0 ? 75 : 74)) {
          folded.push(current);
          current = '';
          octets = 0;
        }
        current += char;
        octets += size;
      }
      folded.push(current);
      return folded.join('\r\n ');
    })
    .join('\r\n');
}

/** The stable UID of a letter's deadline event. */
export function deadlineUid(letterSha256: string): string {
  return `${letterSha256.toLowerCase()}.scadenza@reclamo`;
}

/**
 * The deadline of a letter as an iCalendar file (RFC 5545, written by the `ics` library): one all-day event on the
 * deadline, two display alarms (09:00 two days before, 09:00 on the day), the follow-up link as URL and in the
 * description. Deterministic: no value depends on the clock. Throws RangeError on an input no caller should pass.
 */
export function deadlineCalendar(input: DeadlineCalendarInput): CalendarFile {
  const sha256 = input.letterSha256.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('letterSha256 must be 64 hexadecimal digits');
  if (!isValidIsoDate(input.deadline)) throw new RangeError('deadline must be a YYYY-MM-DD date');
  const url = new URL(input.followUpUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('followUpUrl must be http(s)');
  const title = oneLine(input.title);
  if (title === '') throw new RangeError('title must not be empty');
  const texts = (key: keyof typeof CALENDAR_TEXTS) => CALENDAR_TEXTS[key][input.language];

  const uid = deadlineUid(sha256);
  const description = [
    input.description.trim(),
    '',
    `${texts('followUp')}: ${url.href}`,
    `${texts('fingerprint')}: ${sha256}`,
  ].join('\n');
  // `ics` writes DTSTAMP from `timestamp` (its default is Date.now()); its typings leave the field out.
  const event: EventAttributes & { timestamp: Instant } = {
    productId: '-//Reclamo//Scadenze//IT',
    method: 'PUBLISH',
    calName: texts('calendarName'),
    uid,
    timestamp: input.stamp,
    start: dateArray(input.deadline),
    end: dateArray(addDays(input.deadline, 1)),
    title,
    description,
    url: url.href,
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
    classification: 'PRIVATE',
    alarms: [
      {
        action: 'display',
        description: interpolate(texts('alarmTwoDaysBefore'), { title }),
        trigger: TWO_DAYS_BEFORE_AT_NINE,
      },
      { action: 'display', description: interpolate(texts('alarmOnTheDay'), { title }), trigger: ON_THE_DAY_AT_NINE },
    ],
  };
  const result = createEvent(event);
  if (result.error || !result.value) throw new RangeError(`calendar not written: ${result.error?.message ?? 'empty'}`);
  return {
    fileName: interpolate(texts('fileName'), { date: input.deadline }),
    contentType: 'text/calendar; charset=utf-8',
    uid,
    content: foldAtOctets(result.value),
  };
}
