import type { Campaign } from '../../core/campaign/campaign-schema';
import type {
  EventRefusal,
  MemberAction,
  MemberEvent,
  MemberState,
  MemberStatus,
} from '../../core/campaign/member-events';
import type { Cents } from '../../core/money/money';
import type { IsoDate } from '../../core/time/rome-time';

/**
 * What the campaign use cases keep, and the port they keep it through (server/storage/ implements it on SQLite and
 * on PostgreSQL). A member's status is never written: the store appends the event and keeps, in the same
 * transaction, the state the member's events lead to (core/campaign/member-events.ts), which the filters read.
 */

/** Who a member is, as their row of a member list gave it. */
export interface MemberIdentity {
  /** 1 for the campaign's first list, 2 for the next… */
  listNumber: number;
  /** The row of the member list (the report's row number). */
  row: number;
  name: string;
  taxCode: string | null;
  mailbox: string | null;
  email: string | null;
  claimedCents: Cents | null;
  /** The term the letter gives, in days: a delivery date gives the real deadline. */
  deadlineDays: number | null;
}

export interface MemberRecord extends MemberIdentity, MemberState {
  id: string;
  campaignId: string;
  createdAt: number;
}

/**
 * The claim a member's letter was drawn from, as the API takes it, its letter date fixed to the letter's (the same
 * claim the letter PDF carries): what the follow-up documents are composed from. Personal data: it goes with the
 * member (delete, retention sweep) and into the member's export.
 */
export type MemberClaim = Record<string, unknown>;

export interface StoredMemberEvent extends MemberEvent {
  id: number;
}

export interface CampaignList {
  id: string;
  campaignId: string;
  number: number;
  batchId: string | null;
  addedAt: number;
  addedBy: string;
}

export interface MemberFilter {
  status?: MemberStatus;
  action?: MemberAction;
  /** Needed with `action` (deadline-passed compares with it). */
  today?: IsoDate;
  listNumber?: number;
}

export interface MemberPage {
  members: MemberRecord[];
  total: number;
}

/** Letters dated and deliveries proved, per day. */
export interface DayCount {
  day: IsoDate;
  letters: number;
  deliveries: number;
}

export interface CampaignFigures {
  members: number;
  byStatus: Record<MemberStatus, number>;
  byAction: Record<MemberAction, number>;
  claimedCents: Cents;
  recoveredCents: Cents;
}

export type RecordOutcome =
  { ok: true; member: MemberRecord } | { ok: false; refusal: EventRefusal | 'unknown-member' };

/** How a member is found by a bulk import. */
export type MemberKey =
  | { by: 'row'; listNumber: number | null; row: number }
  | { by: 'tax-code'; taxCode: string }
  | { by: 'sha256'; sha256: string }
  | { by: 'message-id'; messageId: string };

export interface CampaignStore {
  create(campaign: Campaign): Promise<void>;
  byId(id: string): Promise<Campaign | null>;
  /** Newest first. */
  list(): Promise<Campaign[]>;
  /** A new list numbered after the campaign's last one. */
  addList(list: Omit<CampaignList, 'number'>): Promise<CampaignList>;
  lists(campaignId: string): Promise<CampaignList[]>;
  /** The member with the first event of their log (letter produced, or not), and their letter's claim if any. */
  addMember(
    member: MemberIdentity & { id: string; campaignId: string; createdAt: number },
    first: MemberEvent,
    claim?: MemberClaim | null,
  ): Promise<MemberRecord>;
  member(campaignId: string, memberId: string): Promise<MemberRecord | null>;
  /** The claim of the member's letter; null when none was kept (no letter, or recorded before claims were kept). */
  memberClaim(campaignId: string, memberId: string): Promise<MemberClaim | null>;
  /** Every member the key names in the campaign (more than one: the key is ambiguous). */
  find(campaignId: string, key: MemberKey): Promise<MemberRecord[]>;
  /** Appends each event to its member's log when the member's state allows it, all in one transaction. */
  record(
    campaignId: string,
    entries: ReadonlyArray<{ memberId: string; event: MemberEvent }>,
  ): Promise<RecordOutcome[]>;
  events(memberId: string): Promise<StoredMemberEvent[]>;
  /** Members in list and row order, `limit` from `offset`, and how many match. */
  page(campaignId: string, filter: MemberFilter, offset: number, limit: number): Promise<MemberPage>;
  /** Every member of the campaign in list and row order, a page at a time (the register export). */
  all(campaignId: string): AsyncIterable<MemberRecord>;
  figures(campaignId: string, today: IsoDate): Promise<CampaignFigures>;
  timeline(campaignId: string): Promise<DayCount[]>;
  /** Deletes the member, their claim and their whole event log; false when there was none. */
  deleteMember(campaignId: string, memberId: string): Promise<boolean>;
  /** Deletes every member (claim and log too) whose last event is older than their campaign's retention. */
  sweep(now: number): Promise<number>;
}
