import type { Language } from '../../core/i18n/language';
import { centsToDecimalString, type Cents } from '../../core/money/money';
import { csvLine, neutralizeCell } from '../../core/member-list/report-row';
import { formatDate } from '../../core/time/rome-time';
import type { MemberRecord } from './campaign-store';
import { REGISTER_HEADERS, STATUS_LABELS } from './campaign-texts';

const amount = (cents: Cents | null, language: Language) => {
  if (cents === null) return '';
  const text = centsToDecimalString(cents);
  return language === 'it' ? text.replace('.', ',') : text;
};
const date = (iso: string | null) => (iso ? formatDate(iso) : '');

/** One member's register line, in the order of REGISTER_HEADERS. */
function registerCells(member: MemberRecord, language: Language): string[] {
  return [
    String(member.listNumber),
    String(member.row),
    member.name,
    member.taxCode ?? '',
    member.mailbox ?? '',
    member.status ? STATUS_LABELS[member.status][language] : '',
    date(member.letterDate),
    member.letterSha256 ?? '',
    member.sentVia ?? '',
    member.sentReference ?? '',
    member.mailStatus ?? '',
    date(member.deliveredOn),
    member.deliveryProof ? `${member.deliveryProof} ${member.deliveryReference ?? ''}`.trim() : '',
    date(member.deadline),
    date(member.repliedOn),
    String(member.followUps),
    amount(member.claimedCents, language),
    member.outcome ? STATUS_LABELS[member.outcome][language] : '',
    amount(member.outcomeCents, language),
  ];
}

/**
 * The campaign's register as CSV for a spreadsheet: `;` separated, a BOM so Excel reads UTF-8, Italian dates and
 * decimal commas in Italian, every cell a spreadsheet would run as a formula neutralised (as report.csv's are).
 */
export async function* registerCsv(members: AsyncIterable<MemberRecord>, language: Language): AsyncGenerator<string> {
  yield `\ufeff${csvLine(
    Object.values(REGISTER_HEADERS).map((header) => header[language]),
    ';',
  )}`;
  for await (const member of members) yield csvLine(registerCells(member, language).map(neutralizeCell), ';');
}

/** The register as JSON: one array of member records (the API's shape), streamed a member at a time. */
export async function* registerJson(members: AsyncIterable<MemberRecord>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const member of members) {
    yield `${first ? '' : ','}\n${JSON.stringify(member)}`;
    first = false;
  }
  yield '\n]\n';
}
