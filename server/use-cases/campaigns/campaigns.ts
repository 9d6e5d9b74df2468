import { randomUUID } from 'node:crypto';
import { campaignInputSchema, type Campaign } from '../../core/campaign/campaign-schema';
import type { MemberAction } from '../../core/campaign/member-events';
import { timelinePeriods, type TimelinePeriods } from '../../core/campaign/timeline-periods';
import type { FieldError } from '../../core/claim/field-error-schema';
import { validateWith } from '../../core/claim/validate-claim';
import type { Language } from '../../core/i18n/language';
import type { Ruleset } from '../../core/rules/ruleset-types';
import { romeDateOf, type IsoDate } from '../../core/time/rome-time';
import type { AuditLog } from '../operators/operator-store';
import type {
  CampaignFigures,
  CampaignList,
  CampaignStore,
  DayCount,
  MemberClaim,
  MemberFilter,
  MemberPage,
  MemberRecord,
  StoredMemberEvent,
} from './campaign-store';
import { importReceipts, type ReceiptFile, type ReceiptImportResult } from './import-receipts';
import { importOutcomes, importRaccomandate } from './import-outcomes';
import type { ImportSummary, ImportTable } from './import-table';

export interface Dashboard {
  campaign: Campaign;
  today: IsoDate;
  figures: CampaignFigures;
  timeline: DayCount[];
  /** The timeline as the dashboard's chart groups it (by day, week or month, empty periods included). */
  periods: TimelinePeriods;
  lists: CampaignList[];
}

/** One member's data as the operator hands it to the member asking for it (art. 15 and 20 GDPR). */
export interface MemberExport {
  campaign: { id: string; name: string; controller: string };
  exportedAt: string;
  member: MemberRecord;
  /** The claim the member's letter was drawn from (null: no letter, or recorded before claims were kept). */
  claim: MemberClaim | null;
  events: StoredMemberEvent[];
}

export const MEMBER_PAGE_SIZES = { default: 50, max: 500 } as const;

/**
 * The campaign use cases: open a campaign, add member lists (the batch pipeline records each row, see
 * record-member-row.ts), record deliveries and outcomes in bulk, follow the dashboard, answer a member's request for
 * their data or its deletion, and delete what is past its retention. Every change goes through the store's event log.
 */
export class Campaigns {
  constructor(
    readonly store: CampaignStore,
    private readonly deps: { ruleset: Ruleset; audit: AuditLog; clock?: () => number },
  ) {}

  now(): number {
    return this.deps.clock?.() ?? Date.now();
  }

  today(): IsoDate {
    return romeDateOf(this.now());
  }

  async create(
    input: unknown,
    operatorId: string,
    language: Language,
  ): Promise<{ ok: true; campaign: Campaign } | { ok: false; errors: FieldError[] }> {
    const validated = validateWith(campaignInputSchema, input, language);
    if (!validated.ok) return validated;
    const campaign: Campaign = { ...validated.value, id: randomUUID(), createdAt: this.now(), createdBy: operatorId };
    await this.store.create(campaign);
    await this.deps.audit.append({ at: campaign.createdAt, operatorId, action: 'campaign-created' });
    return { ok: true, campaign };
  }

  list(): Promise<Campaign[]> {
    return this.store.list();
  }

  get(id: string): Promise<Campaign | null> {
    return this.store.byId(id);
  }

  /** A new list of the campaign, for the batch that will fill it. */
  async addList(campaign: Campaign, batchId: string, operatorId: string): Promise<CampaignList> {
    const list = await this.store.addList({
      id: randomUUID(),
      campaignId: campaign.id,
      batchId,
      addedAt: this.now(),
      addedBy: operatorId,
    });
    await this.deps.audit.append({ at: list.addedAt, operatorId, action: 'campaign-members-added', batchId });
    return list;
  }

  async dashboard(campaign: Campaign): Promise<Dashboard> {
    const today = this.today();
    const [figures, timeline, lists] = await Promise.all([
      this.store.figures(campaign.id, today),
      this.store.timeline(campaign.id),
      this.store.lists(campaign.id),
    ]);
    return { campaign, today, figures, timeline, periods: timelinePeriods(timeline), lists };
  }

  /** A page of members (1-based), filtered; `action` filters compare deadlines with today. */
  members(campaign: Campaign, filter: MemberFilter, page: number, size: number): Promise<MemberPage> {
    const limit = Math.min(Math.max(1, size), MEMBER_PAGE_SIZES.max);
    return this.store.page(campaign.id, { ...filter, today: this.today() }, (Math.max(1, page) - 1) * limit, limit);
  }

  async member(
    campaign: Campaign,
    memberId: string,
  ): Promise<{ member: MemberRecord; events: StoredMemberEvent[] } | null> {
    const member = await this.store.member(campaign.id, memberId);
    return member ? { member, events: await this.store.events(member.id) } : null;
  }

  async exportMember(campaign: Campaign, memberId: string, operatorId: string): Promise<MemberExport | null> {
    const found = await this.member(campaign, memberId);
    if (!found) return null;
    await this.deps.audit.append({ at: this.now(), operatorId, action: 'member-data-exported' });
    return {
      campaign: { id: campaign.id, name: campaign.name, controller: campaign.association.name },
      exportedAt: new Date(this.now()).toISOString(),
      member: found.member,
      claim: await this.store.memberClaim(campaign.id, memberId),
      events: found.events,
    };
  }

  /** Deletes the member's record and log for good; the audit log keeps only that an operator deleted one. */
  async deleteMember(campaign: Campaign, memberId: string, operatorId: string): Promise<boolean> {
    const deleted = await this.store.deleteMember(campaign.id, memberId);
    if (deleted) await this.deps.audit.append({ at: this.now(), operatorId, action: 'member-deleted' });
    return deleted;
  }

  /** Deletes every member whose last event is older than their campaign's retention (the daily sweep). */
  async sweep(operatorId: string | null = null): Promise<number> {
    const removed = await this.store.sweep(this.now());
    if (removed > 0) await this.deps.audit.append({ at: this.now(), operatorId, action: 'members-swept' });
    return removed;
  }

  private context(campaign: Campaign, operatorId: string, language: Language) {
    return {
      store: this.store,
      campaignId: campaign.id,
      operatorId,
      now: this.now(),
      language,
      ruleset: this.deps.ruleset,
    };
  }

  importReceipts(
    campaign: Campaign,
    files: readonly ReceiptFile[],
    operatorId: string,
    language: Language,
  ): Promise<ReceiptImportResult> {
    return importReceipts(this.context(campaign, operatorId, language), files);
  }

  importRaccomandate(
    campaign: Campaign,
    table: ImportTable,
    operatorId: string,
    language: Language,
  ): Promise<ImportSummary> {
    return importRaccomandate(this.context(campaign, operatorId, language), table);
  }

  importOutcomes(
    campaign: Campaign,
    table: ImportTable,
    operatorId: string,
    language: Language,
  ): Promise<ImportSummary> {
    return importOutcomes(this.context(campaign, operatorId, language), table);
  }

  /** The members an action names, every one, in list and row order (for follow-ups in bulk). */
  async *membersNeeding(campaign: Campaign, action: MemberAction): AsyncGenerator<MemberRecord> {
    const today = this.today();
    const size = 500;
    // Offsets are stable here only if nothing changes the selection meanwhile; the caller records afterwards.
    for (let offset = 0; ; offset += size) {
      const { members } = await this.store.page(campaign.id, { action, today }, offset, size);
      yield* members;
      if (members.length < size) return;
    }
  }
}
