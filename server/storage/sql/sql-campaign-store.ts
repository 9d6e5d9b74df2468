import { randomUUID } from 'node:crypto';
import { retentionMs, type Campaign } from '../../core/campaign/campaign-schema';
import {
  ACTIONS,
  ACTION_STATUSES,
  applyEvent,
  MEMBER_STATUSES,
  type MemberAction,
  type MemberEvent,
  type MemberState,
  type MemberStatus,
} from '../../core/campaign/member-events';
import type {
  CampaignFigures,
  CampaignList,
  CampaignStore,
  MemberFilter,
  MemberClaim,
  MemberKey,
  MemberRecord,
  RecordOutcome,
  StoredMemberEvent,
} from '../../use-cases/campaigns/campaign-store';
import { IDENTITY_FIELDS, MEMBER_COLUMNS, memberFromRow, STATE_FIELDS } from './member-columns';
import type { SqlDatabase, SqlExecutor } from './sql-database';

const PAGE = 1000;

interface CampaignRow {
  id: string;
  name: string;
  settings: string;
  retention_months: number;
  created_at: number;
  created_by: string;
}

function campaignFromRow(row: CampaignRow): Campaign {
  return {
    ...(JSON.parse(row.settings) as Omit<Campaign, 'id' | 'name' | 'retentionMonths' | 'createdAt' | 'createdBy'>),
    id: row.id,
    name: row.name,
    retentionMonths: row.retention_months,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** The SQL that selects the members a filter names (in `?` placeholders and their values). */
function filterSql(campaignId: string, filter: MemberFilter): { where: string; params: unknown[] } {
  const clauses = ['campaign_id = ?'];
  const params: unknown[] = [campaignId];
  if (filter.status) {
    clauses.push('status = ?');
    params.push(filter.status);
  }
  if (filter.listNumber !== undefined) {
    clauses.push('list_number = ?');
    params.push(filter.listNumber);
  }
  if (filter.action) {
    const statuses = ACTION_STATUSES[filter.action];
    clauses.push(`status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
    const today = filter.today ?? '9999-12-31';
    const passed = ACTION_STATUSES['deadline-passed'].map(() => '?').join(', ');
    if (filter.action === 'deadline-passed') {
      clauses.push('deadline < ?');
      params.push(today);
    } else if (statuses.some((status) => ACTION_STATUSES['deadline-passed'].includes(status))) {
      // "Awaiting proof" leaves out the sent letters whose deadline has passed: those are "deadline passed".
      clauses.push(`NOT (status IN (${passed}) AND deadline IS NOT NULL AND deadline < ?)`);
      params.push(...ACTION_STATUSES['deadline-passed'], today);
    }
  }
  return { where: clauses.join(' AND '), params };
}

async function findMembers(db: SqlExecutor, campaignId: string, key: MemberKey): Promise<MemberRecord[]> {
  const select = `SELECT ${MEMBER_COLUMNS} FROM campaign_members WHERE campaign_id = ?`;
  const order = ' ORDER BY list_number, list_row LIMIT 10';
  const rows =
    key.by === 'row'
      ? key.listNumber === null
        ? await db.all(`${select} AND list_row = ?${order}`, [campaignId, key.row])
        : await db.all(`${select} AND list_number = ? AND list_row = ?${order}`, [campaignId, key.listNumber, key.row])
      : key.by === 'tax-code'
        ? await db.all(`${select} AND tax_code = ?${order}`, [campaignId, key.taxCode])
        : key.by === 'sha256'
          ? await db.all(`${select} AND letter_sha256 = ?${order}`, [campaignId, key.sha256])
          : await db.all(`${select} AND sent_reference = ?${order}`, [campaignId, key.messageId]);
  return rows.map(memberFromRow);
}

async function appendEvent(tx: SqlExecutor, member: MemberRecord, event: MemberEvent): Promise<RecordOutcome> {
  const next = applyEvent(member, event);
  if (!next.ok) return next;
  await tx.run('INSERT INTO member_events (member_id, at, operator_id, kind, data) VALUES (?, ?, ?, ?, ?)', [
    member.id,
    event.at,
    event.operatorId,
    event.data.kind,
    JSON.stringify(event.data),
  ]);
  await writeState(tx, member.id, next.state);
  return { ok: true, member: { ...member, ...next.state } };
}

async function writeState(tx: SqlExecutor, memberId: string, state: MemberState): Promise<void> {
  const fields = STATE_FIELDS as ReadonlyArray<readonly [keyof MemberState, string]>;
  await tx.run(`UPDATE campaign_members SET ${fields.map(([, column]) => `${column} = ?`).join(', ')} WHERE id = ?`, [
    ...fields.map(([field]) => state[field]),
    memberId,
  ]);
}

/** The campaign store written once in SQL, on SQLite or PostgreSQL (`SqlDatabase`). */
export function sqlCampaignStore(db: SqlDatabase): CampaignStore {
  const memberById = async (tx: SqlExecutor, campaignId: string, memberId: string, lock = '') =>
    (
      await tx.all(`SELECT ${MEMBER_COLUMNS} FROM campaign_members WHERE campaign_id = ? AND id = ?${lock}`, [
        campaignId,
        memberId,
      ])
    ).map(memberFromRow)[0] ?? null;

  return {
    create: async (campaign) => {
      const { id, name, retentionMonths, createdAt, createdBy, ...settings } = campaign;
      await db.run(
        `INSERT INTO campaigns (id, name, settings, retention_months, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [id, name, JSON.stringify(settings), retentionMonths, createdAt, createdBy],
      );
    },
    byId: async (id) =>
      (await db.all<CampaignRow>('SELECT * FROM campaigns WHERE id = ?', [id])).map(campaignFromRow)[0] ?? null,
    list: async () =>
      (await db.all<CampaignRow>('SELECT * FROM campaigns ORDER BY created_at DESC, id')).map(campaignFromRow),
    addList: (list) =>
      db.transaction(async (tx) => {
        // Locks the campaign's row, so two lists added at once get numbers one after the other.
        await tx.all(`SELECT id FROM campaigns WHERE id = ?${db.forUpdate}`, [list.campaignId]);
        const [last] = await tx.all<{ number: number | null }>(
          'SELECT max(number) AS number FROM campaign_lists WHERE campaign_id = ?',
          [list.campaignId],
        );
        const number = Number(last?.number ?? 0) + 1;
        await tx.run(
          `INSERT INTO campaign_lists (id, campaign_id, number, batch_id, added_at, added_by)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [list.id, list.campaignId, number, list.batchId, list.addedAt, list.addedBy],
        );
        return { ...list, number };
      }),
    lists: async (campaignId) =>
      (
        await db.all<Record<string, unknown>>('SELECT * FROM campaign_lists WHERE campaign_id = ? ORDER BY number', [
          campaignId,
        ])
      ).map((row): CampaignList => ({
        id: row.id as string,
        campaignId: row.campaign_id as string,
        number: row.number as number,
        batchId: (row.batch_id as string | null) ?? null,
        addedAt: row.added_at as number,
        addedBy: row.added_by as string,
      })),
    addMember: (member, first, claim) =>
      db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO campaign_members (${IDENTITY_FIELDS.map(([, column]) => column).join(', ')})
           VALUES (${IDENTITY_FIELDS.map(() => '?').join(', ')})`,
          IDENTITY_FIELDS.map(([field]) => (member as unknown as Record<string, unknown>)[field] ?? null),
        );
        if (claim)
          await tx.run('INSERT INTO member_claims (member_id, claim) VALUES (?, ?)', [
            member.id,
            JSON.stringify(claim),
          ]);
        const created = (await memberById(tx, member.campaignId, member.id))!;
        const outcome = await appendEvent(tx, created, first);
        if (!outcome.ok) throw new Error(`a member cannot start with ${first.data.kind}`);
        return outcome.member;
      }),
    member: (campaignId, memberId) => memberById(db, campaignId, memberId),
    memberClaim: async (campaignId, memberId) => {
      const [row] = await db.all<{ claim: string }>(
        `SELECT c.claim FROM member_claims c JOIN campaign_members m ON m.id = c.member_id
         WHERE m.campaign_id = ? AND m.id = ?`,
        [campaignId, memberId],
      );
      return row ? (JSON.parse(row.claim) as MemberClaim) : null;
    },
    find: (campaignId, key) => findMembers(db, campaignId, key),
    record: (campaignId, entries) =>
      db.transaction(async (tx) => {
        const outcomes: RecordOutcome[] = [];
        for (const { memberId, event } of entries) {
          const member = await memberById(tx, campaignId, memberId, db.forUpdate);
          outcomes.push(member ? await appendEvent(tx, member, event) : { ok: false, refusal: 'unknown-member' });
        }
        return outcomes;
      }),
    events: async (memberId) =>
      (
        await db.all<{ id: number; at: number; operator_id: string | null; data: string }>(
          'SELECT id, at, operator_id, data FROM member_events WHERE member_id = ? ORDER BY id',
          [memberId],
        )
      ).map((row): StoredMemberEvent => ({
        id: Number(row.id),
        at: row.at,
        operatorId: row.operator_id,
        data: JSON.parse(row.data) as MemberEvent['data'],
      })),
    page: async (campaignId, filter, offset, limit) => {
      const { where, params } = filterSql(campaignId, filter);
      const [count] = await db.all<{ total: number }>(
        `SELECT count(*) AS total FROM campaign_members WHERE ${where}`,
        params,
      );
      const rows = await db.all(
        `SELECT ${MEMBER_COLUMNS} FROM campaign_members WHERE ${where} ORDER BY list_number, list_row LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      return { members: rows.map(memberFromRow), total: Number(count?.total ?? 0) };
    },
    all: (campaignId) => ({
      async *[Symbol.asyncIterator]() {
        // Keyset pages: each one starts after the last (list, row) of the one before, however long the list.
        let after = { list: 0, row: 0 };
        for (;;) {
          const rows = (
            await db.all(
              `SELECT ${MEMBER_COLUMNS} FROM campaign_members
               WHERE campaign_id = ? AND (list_number > ? OR (list_number = ? AND list_row > ?))
               ORDER BY list_number, list_row LIMIT ?`,
              [campaignId, after.list, after.list, after.row, PAGE],
            )
          ).map(memberFromRow);
          yield* rows;
          if (rows.length < PAGE) return;
          const last = rows[rows.length - 1]!;
          after = { list: last.listNumber, row: last.row };
        }
      },
    }),
    figures: async (campaignId, today) => {
      const byStatus = Object.fromEntries(MEMBER_STATUSES.map((status) => [status, 0])) as Record<MemberStatus, number>;
      const rows = await db.all<{ status: MemberStatus | null; members: number; claimed: number; recovered: number }>(
        `SELECT status, count(*) AS members, coalesce(sum(claimed_cents), 0) AS claimed,
           coalesce(sum(outcome_cents), 0) AS recovered
         FROM campaign_members WHERE campaign_id = ? GROUP BY status`,
        [campaignId],
      );
      let members = 0;
      let claimedCents = 0;
      let recoveredCents = 0;
      for (const row of rows) {
        if (row.status) byStatus[row.status] = Number(row.members);
        members += Number(row.members);
        claimedCents += Number(row.claimed);
        recoveredCents += Number(row.recovered);
      }
      const byAction = Object.fromEntries(ACTIONS.map((action) => [action, 0])) as Record<MemberAction, number>;
      for (const action of ACTIONS) {
        const { where, params } = filterSql(campaignId, { action, today });
        const [count] = await db.all<{ total: number }>(
          `SELECT count(*) AS total FROM campaign_members WHERE ${where}`,
          params,
        );
        byAction[action] = Number(count?.total ?? 0);
      }
      return { members, byStatus, byAction, claimedCents, recoveredCents } satisfies CampaignFigures;
    },
    timeline: async (campaignId) => {
      const letters = await db.all<{ day: string; n: number }>(
        `SELECT letter_date AS day, count(*) AS n FROM campaign_members
         WHERE campaign_id = ? AND letter_date IS NOT NULL GROUP BY letter_date`,
        [campaignId],
      );
      const deliveries = await db.all<{ day: string; n: number }>(
        `SELECT delivered_on AS day, count(*) AS n FROM campaign_members
         WHERE campaign_id = ? AND delivered_on IS NOT NULL GROUP BY delivered_on`,
        [campaignId],
      );
      const days = new Map<string, { letters: number; deliveries: number }>();
      for (const row of letters) days.set(row.day, { letters: Number(row.n), deliveries: 0 });
      for (const row of deliveries)
        days.set(row.day, { letters: days.get(row.day)?.letters ?? 0, deliveries: Number(row.n) });
      return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, ...counts }));
    },
    deleteMember: (campaignId, memberId) =>
      db.transaction(async (tx) => {
        const member = await memberById(tx, campaignId, memberId, db.forUpdate);
        if (!member) return false;
        await tx.run('DELETE FROM member_events WHERE member_id = ?', [memberId]);
        await tx.run('DELETE FROM member_claims WHERE member_id = ?', [memberId]);
        return (await tx.run('DELETE FROM campaign_members WHERE id = ?', [memberId])) === 1;
      }),
    sweep: async (now) => {
      let removed = 0;
      for (const campaign of await db.all<{ id: string; retention_months: number }>(
        'SELECT id, retention_months FROM campaigns',
      )) {
        const before = now - retentionMs(campaign.retention_months);
        removed += await db.transaction(async (tx) => {
          for (const table of ['member_events', 'member_claims'])
            await tx.run(
              `DELETE FROM ${table} WHERE member_id IN
                 (SELECT id FROM campaign_members WHERE campaign_id = ? AND last_event_at < ?)`,
              [campaign.id, before],
            );
          return tx.run('DELETE FROM campaign_members WHERE campaign_id = ? AND last_event_at < ?', [
            campaign.id,
            before,
          ]);
        });
      }
      return removed;
    },
  };
}

export const newMemberId = (): string => randomUUID();
