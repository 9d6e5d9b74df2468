import type { Localized } from '../core/i18n/language';

/** The calendar file's own words; the title and the "what to do next" text come from the caller. */
export const CALENDAR_TEXTS = {
  calendarName: { it: 'Reclamo – scadenze', en: 'Reclamo – deadlines' },
  followUp: { it: 'Prosegua il reclamo', en: 'Continue your claim' },
  fingerprint: { it: 'Impronta SHA-256 della lettera', en: 'SHA-256 fingerprint of the letter' },
  alarmTwoDaysBefore: {
    it: 'Tra due giorni scade il termine: {title}',
    en: 'The deadline is in two days: {title}',
  },
  alarmOnTheDay: { it: 'Oggi scade il termine: {title}', en: 'The deadline is today: {title}' },
  fileName: { it: 'scadenza-{date}.ics', en: 'deadline-{date}.ics' },
} satisfies Record<string, Localized>;
