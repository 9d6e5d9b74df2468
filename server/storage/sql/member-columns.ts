import type { MemberRecord } from '../../use-cases/campaigns/campaign-store';

/** Each field of a member record and its column. */
export const MEMBER_FIELDS: ReadonlyArray<readonly [keyof MemberRecord, string]> = [
  ['id', 'id'],
  ['campaignId', 'campaign_id'],
  ['listNumber', 'list_number'],
  ['row', 'list_row'],
  ['name', 'name'],
  ['taxCode', 'tax_code'],
  ['mailbox', 'mailbox'],
  ['email', 'email'],
  ['claimedCents', 'claimed_cents'],
  ['deadlineDays', 'deadline_days'],
  ['createdAt', 'created_at'],
  ['status', 'status'],
  ['statusAt', 'status_at'],
  ['letterSha256', 'letter_sha256'],
  ['letterDate', 'letter_date'],
  ['sentVia', 'sent_via'],
  ['sentReference', 'sent_reference'],
  ['mailStatus', 'mail_status'],
  ['deliveredOn', 'delivered_on'],
  ['deliveryProof', 'delivery_proof'],
  ['deliveryReference', 'delivery_reference'],
  ['deadline', 'deadline'],
  ['repliedOn', 'replied_on'],
  ['outcome', 'outcome'],
  ['outcomeCents', 'outcome_cents'],
  ['followUps', 'follow_ups'],
  ['lastEventAt', 'last_event_at'],
];

/** The state columns rewritten after each event (the rest is the member's identity, written once). */
const FIRST_STATE_FIELD = MEMBER_FIELDS.findIndex(([field]) => field === 'status');
export const STATE_FIELDS = MEMBER_FIELDS.slice(FIRST_STATE_FIELD);
export const IDENTITY_FIELDS = MEMBER_FIELDS.slice(0, FIRST_STATE_FIELD);

export const MEMBER_COLUMNS = MEMBER_FIELDS.map(([, column]) => column).join(', ');

export function memberFromRow(row: Record<string, unknown>): MemberRecord {
  const entries = MEMBER_FIELDS.map(([field, column]) => [field, row[column] ?? null]);
  return Object.fromEntries(entries) as unknown as MemberRecord;
}
