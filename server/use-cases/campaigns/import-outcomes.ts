import { OUTCOMES, type MemberEvent, type Outcome } from '../../core/campaign/member-events';
import type { Language } from '../../core/i18n/language';
import { parseEuroToCents } from '../../core/money/money';
import { deadlineOf } from '../../core/assessment/deadline';
import type { Ruleset } from '../../core/rules/ruleset-types';
import { romeDateOf } from '../../core/time/rome-time';
import type { CampaignStore, MemberRecord } from './campaign-store';
import { IMPORT_TEXTS, OUTCOME_WORDS } from './campaign-texts';
import {
  cellOf,
  columnsOf,
  memberOfLine,
  message,
  parseItalianDate,
  type ImportSummary,
  type ImportTable,
  type LineError,
} from './import-table';

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

function outcomeOf(text: string): Outcome | null {
  return OUTCOMES.find((outcome) => OUTCOME_WORDS[outcome].some((word) => plain(word) === plain(text))) ?? null;
}

interface Context {
  store: CampaignStore;
  campaignId: string;
  operatorId: string;
  now: number;
  language: Language;
}

/** Records the events of each good line (one transaction for the file); every bad line is reported by number. */
async function recordLines(
  context: Context,
  table: ImportTable,
  required: Array<'number' | 'outcome'>,
  eventsOf: (
    cells: string[],
    columns: ReturnType<typeof columnsOf>,
    member: MemberRecord,
  ) => MemberEvent['data'][] | LineError[],
): Promise<ImportSummary> {
  const { store, campaignId, language } = context;
  const columns = columnsOf(table.header);
  const missing = required.filter((field) => columns[field] === undefined);
  if (missing.length > 0)
    return {
      recorded: 0,
      errors: missing.map((field) => ({ line: 1, path: field, message: message('missingColumn', language, field) })),
    };
  if (table.rows.length === 0)
    return { recorded: 0, errors: [{ line: 1, path: '', message: message('noRows', language) }] };
  const errors: LineError[] = [];
  const entries: Array<{ line: number; memberId: string; event: MemberEvent }> = [];
  for (const { line, cells } of table.rows) {
    const lookup = await memberOfLine(store, campaignId, cells, columns, language);
    if (!lookup.ok) {
      errors.push({ line, ...lookup.error });
      continue;
    }
    const produced = eventsOf(cells, columns, lookup.member);
    if (produced.some((item) => 'line' in item)) {
      errors.push(...(produced as LineError[]).map((error) => ({ ...error, line })));
      continue;
    }
    for (const data of produced as MemberEvent['data'][])
      entries.push({
        line,
        memberId: lookup.member.id,
        event: { at: context.now, operatorId: context.operatorId, data },
      });
  }
  const outcomes = await store.record(campaignId, entries);
  const recordedLines = new Set<number>();
  outcomes.forEach((outcome, index) => {
    const { line } = entries[index]!;
    if (outcome.ok) recordedLines.add(line);
    else errors.push({ line, path: '', message: IMPORT_TEXTS[outcome.refusal][language] });
  });
  errors.sort((a, b) => a.line - b.line);
  return { recorded: recordedLines.size, errors };
}

const lineError = (path: string, text: string): LineError => ({ line: 0, path, message: text });

/**
 * A CSV of raccomandata numbers: row (or codice fiscale), number, and optionally the delivery date of the return
 * receipt (dd/mm/yyyy): each gives "sent by raccomandata", and with a date "delivered" with the deadline from then.
 */
export function importRaccomandate(
  context: Context & { ruleset: Ruleset },
  table: ImportTable,
): Promise<ImportSummary> {
  const { language } = context;
  const today = romeDateOf(context.now);
  return recordLines(context, table, ['number'], (cells, columns, member) => {
    const number = cellOf(cells, columns, 'number').toUpperCase().replace(/\s+/g, '');
    if (!/^[A-Z0-9-]{4,30}$/.test(number)) return [lineError('number', message('badNumber', language))];
    const dateText = cellOf(cells, columns, 'deliveredOn');
    const sent: MemberEvent['data'] = { kind: 'sent', channel: 'raccomandata', reference: number };
    if (dateText === '') return [sent];
    const deliveredOn = parseItalianDate(dateText);
    if (!deliveredOn) return [lineError('deliveredOn', message('badDate', language))];
    if (deliveredOn > today) return [lineError('deliveredOn', message('futureDate', language))];
    return [
      sent,
      {
        kind: 'delivered',
        proof: 'raccomandata-receipt',
        reference: number,
        deliveredOn,
        deadline: deadlineOf(deliveredOn, member.deadlineDays ?? context.ruleset.deadlineDays.default, context.ruleset)
          .date,
      },
    ];
  });
}

/** A CSV of outcomes: row or codice fiscale, outcome (pagato / pagato in parte / respinto), amount (1.234,56). */
export function importOutcomes(context: Context, table: ImportTable): Promise<ImportSummary> {
  const { language } = context;
  return recordLines(context, table, ['outcome'], (cells, columns) => {
    const outcome = outcomeOf(cellOf(cells, columns, 'outcome'));
    if (!outcome) return [lineError('outcome', message('badOutcome', language))];
    const amountText = cellOf(cells, columns, 'amount');
    let amountCents: number | null = null;
    if (amountText !== '') {
      const amount = parseEuroToCents(amountText);
      if (!amount.ok) return [lineError('amount', message('badAmount', language))];
      amountCents = amount.cents;
    } else if (outcome !== 'refused') return [lineError('amount', message('amountNeeded', language))];
    const note = cellOf(cells, columns, 'note').slice(0, 500) || null;
    return [{ kind: 'outcome', outcome, amountCents, note }];
  });
}
