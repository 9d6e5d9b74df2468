import { csvLine, neutralizeCell } from '../../core/member-list/report-row';
import type { Language } from '../../core/i18n/language';
import { formatDate } from '../../core/time/rome-time';
import { FOLLOW_UP_REPORT_HEADERS, FOLLOW_UP_RESULTS, FOLLOW_UP_SKIP_LABELS } from './campaign-texts';
import type { FollowUpLine } from './follow-ups';

/** How the documents left: in a ZIP for the association to send, or queued through the outbox to each member. */
export type FollowUpDelivery = 'zip' | 'outbox';

/** The report's header line (`;`, with the UTF-8 BOM Excel needs). */
export function followUpReportHeader(language: Language): string {
  return `\ufeff${csvLine(followUpReportColumns(language), ';')}`;
}

/** The report's column names, for a table of the same lines. */
export function followUpReportColumns(language: Language): string[] {
  return Object.values(FOLLOW_UP_REPORT_HEADERS).map((header) => header[language]);
}

/** One member's cells: list, row, name, produced/queued/skipped, the file, the new deadline (dd/mm/yyyy), why. */
export function followUpReportCells(line: FollowUpLine, delivery: FollowUpDelivery, language: Language): string[] {
  const result = line.skipped
    ? FOLLOW_UP_RESULTS.skipped
    : FOLLOW_UP_RESULTS[delivery === 'zip' ? 'produced' : 'queued'];
  const reason = line.skipped
    ? [FOLLOW_UP_SKIP_LABELS[line.skipped][language], line.detail].filter(Boolean).join(': ')
    : '';
  return [
    String(line.member.listNumber),
    String(line.member.row),
    line.member.name,
    result[language],
    line.fileName ?? '',
    line.deadline ? formatDate(line.deadline) : '',
    reason,
  ];
}

/** One member's line of report.csv (`;`). */
export function followUpReportLine(line: FollowUpLine, delivery: FollowUpDelivery, language: Language): string {
  return csvLine(followUpReportCells(line, delivery, language).map(neutralizeCell), ';');
}
