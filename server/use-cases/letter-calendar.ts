import { deadlineCalendar, type CalendarFile } from '../calendar/deadline-calendar';
import type { Assessment } from '../core/assessment/assess-claim';
import type { Claim } from '../core/claim/claim-schema';
import { DEFAULT_LANGUAGE, interpolate } from '../core/i18n/language';
import type { Ruleset } from '../core/rules/ruleset-types';
import { formatLongDate } from '../core/time/rome-time';
import { LETTER_CALENDAR_TEXTS } from './use-case-texts';

/**
 * The first letter's deadline as a calendar file, in the letter's language (the reader's: English for a claimant
 * who chose English): the day the term ends if the letter is received on its date, what to do then, and the link
 * back to the follow-up page. The UID comes from the letter's SHA-256; DTSTAMP is the letter's date.
 */
export function letterCalendar(
  letter: { claim: Claim; assessment: Pick<Assessment, 'deadline' | 'deadlineDays' | 'letterDate'>; sha256: string },
  options: { ruleset: Ruleset; followUpUrl: string },
): CalendarFile {
  const language = letter.claim.letter?.language ?? DEFAULT_LANGUAGE;
  const texts = LETTER_CALENDAR_TEXTS;
  const params = {
    provider: options.ruleset.provider.name,
    days: letter.assessment.deadlineDays,
    letterDate: formatLongDate(letter.assessment.letterDate, language),
  };
  return deadlineCalendar({
    letterSha256: letter.sha256,
    deadline: letter.assessment.deadline,
    language,
    title: interpolate(texts.title[language], params),
    description: interpolate(texts.description[language], params),
    followUpUrl: `${options.followUpUrl}?lang=${language}`,
    stamp: Date.parse(`${letter.assessment.letterDate}T12:00:00Z`),
  });
}
