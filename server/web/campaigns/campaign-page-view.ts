import type { Campaign } from '../../core/campaign/campaign-schema';
import { ACTIONS, MEMBER_STATUSES, actionOf, type MemberEvent } from '../../core/campaign/member-events';
import type { Language } from '../../core/i18n/language';
import { formatCents } from '../../core/money/money';
import { formatCount } from '../../core/text/format-count';
import { formatDate, formatRomeDateTime, romeDateOf, type IsoDate } from '../../core/time/rome-time';
import type { MemberFilter, MemberPage, MemberRecord } from '../../use-cases/campaigns/campaign-store';
import { ACTION_LABELS, IMPORT_COLUMNS, STATUS_LABELS } from '../../use-cases/campaigns/campaign-texts';
import type { Dashboard } from '../../use-cases/campaigns/campaigns';
import type { ImportSummary } from '../../use-cases/campaigns/import-table';
import type { ReceiptImportResult } from '../../use-cases/campaigns/import-receipts';
import type { Translate } from '../i18n/catalog';
import { timelineChart } from './timeline-chart';

interface View {
  language: Language;
  t: Translate;
}

const date = (iso: IsoDate | null) => (iso ? formatDate(iso) : '');
const dayOf = (at: number) => formatDate(romeDateOf(at));

export function campaignHref(campaign: Pick<Campaign, 'id'>, language: Language, query = ''): string {
  return `/campaigns/${campaign.id}?lang=${language}${query ? `&${query}` : ''}`;
}

/** The list of campaigns on GET /campaigns. */
export function campaignListView(campaigns: readonly Campaign[], { language, t }: View) {
  return campaigns.map((campaign) => ({
    name: campaign.name,
    href: campaignHref(campaign, language),
    association: campaign.association.name,
    createdAt: dayOf(campaign.createdAt),
    retention: t('campaign.months', { months: campaign.retentionMonths }),
  }));
}

/** The query string of a filter (and page), for the links that keep the filters. */
export function filterQuery(filter: MemberFilter, page?: number): string {
  const parts: string[] = [];
  if (filter.status) parts.push(`status=${filter.status}`);
  if (filter.action) parts.push(`action=${filter.action}`);
  if (filter.listNumber !== undefined) parts.push(`list=${filter.listNumber}`);
  if (page !== undefined && page > 1) parts.push(`page=${page}`);
  return parts.join('&');
}

/** First, previous, next and last page links (each keeping the filters), bounded whatever the number of members. */
function pagination(campaign: Campaign, filter: MemberFilter, page: number, size: number, total: number, view: View) {
  const pages = Math.max(1, Math.ceil(total / size));
  const link = (target: number, key: string, rel?: string) => ({
    label: view.t(`campaign.pages.${key}`),
    href: `${campaignHref(campaign, view.language, filterQuery(filter, target))}#members`,
    rel,
  });
  return {
    current: view.t('campaign.pages.current', {
      page: formatCount(Math.min(page, pages), view.language),
      pages: formatCount(pages, view.language),
    }),
    links: [
      ...(page > 1 ? [link(1, 'first'), link(Math.min(page, pages) - 1, 'previous', 'prev')] : []),
      ...(page < pages ? [link(page + 1, 'next', 'next'), link(pages, 'last')] : []),
    ],
    many: pages > 1,
  };
}

function memberRow(member: MemberRecord, campaign: Campaign, today: IsoDate, { language, t }: View) {
  const action = actionOf(member, today);
  return {
    listNumber: member.listNumber,
    row: member.row,
    name: member.name,
    href: `/campaigns/${campaign.id}/members/${member.id}?lang=${language}`,
    open: t('campaign.members.open', { name: member.name }),
    status: member.status ? STATUS_LABELS[member.status][language] : '',
    action: action ? ACTION_LABELS[action][language] : '',
    letterDate: date(member.letterDate),
    deadline: date(member.deadline),
  };
}

/** The dashboard page (campaign.hbs): figures, the chart and its table, the lists, the filtered members. */
export function dashboardView(
  dashboard: Dashboard,
  members: { filter: MemberFilter; page: number; size: number; found: MemberPage },
  view: View,
) {
  const { language, t } = view;
  const { campaign, figures, today } = dashboard;
  const { filter, page, size, found } = members;
  const first = found.total === 0 ? 0 : (page - 1) * size + 1;
  const option = (value: string, label: string, current: unknown) => ({ value, label, checked: value === current });
  return {
    campaign,
    controller: t('campaign.dashboard.controller', { name: campaign.association.name }),
    retention: t('campaign.dashboard.retention', { months: campaign.retentionMonths }),
    figures: {
      members: formatCount(figures.members, language),
      claimed: formatCents(figures.claimedCents, language),
      recovered: formatCents(figures.recoveredCents, language),
      byStatus: MEMBER_STATUSES.map((status) => ({
        label: STATUS_LABELS[status][language],
        count: formatCount(figures.byStatus[status], language),
        href: `${campaignHref(campaign, language, `status=${status}`)}#members`,
        show: t('campaign.figures.showNamed', { label: STATUS_LABELS[status][language] }),
      })),
      byAction: ACTIONS.map((action) => ({
        label: ACTION_LABELS[action][language],
        count: formatCount(figures.byAction[action], language),
        href: `${campaignHref(campaign, language, `action=${action}`)}#members`,
        show: t('campaign.figures.showNamed', { label: ACTION_LABELS[action][language] }),
      })),
    },
    chart: timelineChart(dashboard.periods, view),
    lists: dashboard.lists.map((list) => ({
      number: list.number,
      addedAt: dayOf(list.addedAt),
      href: list.batchId ? `/campaigns/${campaign.id}/lists/${list.batchId}?lang=${language}` : null,
    })),
    filters: {
      statuses: MEMBER_STATUSES.map((status) => option(status, STATUS_LABELS[status][language], filter.status)),
      actions: ACTIONS.map((action) => option(action, ACTION_LABELS[action][language], filter.action)),
      lists: dashboard.lists.map((list) => option(String(list.number), String(list.number), String(filter.listNumber))),
      active: filterQuery(filter) !== '',
      clearHref: `${campaignHref(campaign, language)}#members`,
    },
    members: found.members.map((member) => memberRow(member, campaign, today, view)),
    membersCount: t('campaign.members.count', {
      total: formatCount(found.total, language),
      first: formatCount(first, language),
      last: formatCount(first === 0 ? 0 : first + found.members.length - 1, language),
    }),
    pagination: pagination(campaign, filter, page, size, found.total, view),
    register: {
      csv: `/api/v1/campaigns/${campaign.id}/register.csv?lang=${language}`,
      json: `/api/v1/campaigns/${campaign.id}/register.json`,
    },
    privacyHref: `/campaigns/privacy?campaign=${campaign.id}&lang=${language}`,
  };
}

const amountOf = (cents: number | null, language: Language) => (cents === null ? '' : formatCents(cents, language));

/** One event of a member's log, in words. */
export function eventText(data: MemberEvent['data'], { language, t }: View): string {
  switch (data.kind) {
    case 'letter-produced':
      return t('campaign.event.letter-produced', { letterDate: date(data.letterDate), deadline: date(data.deadline) });
    case 'letter-not-produced':
      return t('campaign.event.letter-not-produced', { reason: t(`campaign.event.reason.${data.reason}`) });
    case 'sent':
      return t('campaign.event.sent', {
        channel: t(`campaign.channel.${data.channel}`),
        reference: data.reference ?? '',
      }).trim();
    case 'delivered':
      return t('campaign.event.delivered', {
        deliveredOn: date(data.deliveredOn),
        proof: t(`campaign.proof.${data.proof}`),
        reference: data.reference,
        deadline: date(data.deadline),
      });
    case 'reply-received':
      return t('campaign.event.reply-received', { receivedOn: date(data.receivedOn) });
    case 'follow-up-produced':
      return t('campaign.event.follow-up-produced', { document: data.document, deadline: date(data.deadline) });
    case 'outcome':
      return t('campaign.event.outcome', {
        outcome: STATUS_LABELS[data.outcome][language],
        amount: amountOf(data.amountCents, language),
      }).trim();
  }
}

/** The member page: who they are, where their claim stands, their event log with who recorded each event. */
export function memberView(
  campaign: Campaign,
  member: MemberRecord,
  events: ReadonlyArray<MemberEvent & { who: string }>,
  view: View,
) {
  const { language, t } = view;
  const none = t('campaign.member.none');
  const base = `/campaigns/${campaign.id}/members/${member.id}`;
  return {
    title: t('campaign.member.title', { name: member.name }),
    campaign: { name: campaign.name, href: campaignHref(campaign, language) },
    member,
    details: [
      ['list', t('campaign.member.listRow', { list: member.listNumber, row: member.row })],
      ['taxCode', member.taxCode ?? none],
      ['mailbox', member.mailbox ?? none],
      ['email', member.email ?? none],
      ['claimed', amountOf(member.claimedCents, language) || none],
      ['status', member.status ? STATUS_LABELS[member.status][language] : none],
      [
        'letter',
        member.letterSha256
          ? t('campaign.member.letterOn', { date: date(member.letterDate), sha: member.letterSha256 })
          : none,
      ],
      ['sent', member.sentVia ? `${t(`campaign.channel.${member.sentVia}`)} ${member.sentReference ?? ''}` : none],
      ['delivered', date(member.deliveredOn) || none],
      ['deadline', date(member.deadline) || none],
      [
        'outcome',
        member.outcome
          ? `${STATUS_LABELS[member.outcome][language]} ${amountOf(member.outcomeCents, language)}`.trim()
          : none,
      ],
      ['followUps', formatCount(member.followUps, language)],
    ].map(([key, value]) => ({ label: t(`campaign.member.${key}`), value })),
    events: events.map((event) => ({
      when: formatRomeDateTime(event.at, language),
      who: event.who,
      what: eventText(event.data, view),
    })),
    exportHref: `/api/v1/campaigns/${campaign.id}/members/${member.id}/export`,
    deleteHref: `${base}/delete?lang=${language}`,
    deleteAction: `${base}/delete?lang=${language}`,
    backHref: `${base}?lang=${language}`,
  };
}

/** The summary page after a bulk import: what was recorded, and each line or file that was not, with why. */
export function importView(
  outcome:
    { kind: 'receipts'; result: ReceiptImportResult } | { kind: 'raccomandate' | 'outcomes'; result: ImportSummary },
  campaign: Campaign,
  { language, t }: View,
) {
  const common = { title: t(`campaign.import.title.${outcome.kind}`), backHref: campaignHref(campaign, language) };
  if (outcome.kind === 'receipts') {
    const { recorded, unmatched } = outcome.result;
    return {
      ...common,
      receipts: true,
      recordedCount: t('campaign.import.recorded', { count: formatCount(recorded.length, language) }),
      unmatchedCount: t('campaign.import.unmatched', { count: formatCount(unmatched.length, language) }),
      recorded: recorded.map((entry) => ({ ...entry, kind: t(`campaign.import.kind.${entry.kind}`) })),
      unmatched,
    };
  }
  const { recorded, errors } = outcome.result;
  return {
    ...common,
    receipts: false,
    recordedCount: t('campaign.import.recorded', { count: formatCount(recorded, language) }),
    unmatchedCount: t('campaign.import.unmatched', { count: formatCount(errors.length, language) }),
    // The column a line's problem is about, by the first name a file may give it.
    errors: errors.map((error) => ({
      ...error,
      column: IMPORT_COLUMNS[error.path as keyof typeof IMPORT_COLUMNS]?.[0] ?? error.path,
    })),
  };
}
