import { z } from 'zod';
import { campaignInputSchema } from '../../core/campaign/campaign-schema';
import { ACTIONS, MEMBER_STATUSES } from '../../core/campaign/member-events';
import { fieldErrorSchema } from '../../core/claim/field-error-schema';

const counts = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])));

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  association: z.record(z.string(), z.unknown()),
  letter: z.record(z.string(), z.unknown()),
  send: z.string().optional(),
  retentionMonths: z.number().int(),
  createdAt: z.number().int().meta({ description: 'Milliseconds since the epoch' }),
  createdBy: z.string(),
});

export const memberSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    listNumber: z.number().int(),
    row: z.number().int().meta({ description: "The row of the member list (the batch report's row)" }),
    name: z.string(),
    taxCode: z.string().nullable(),
    mailbox: z.string().nullable(),
    status: z.enum(MEMBER_STATUSES).nullable(),
    letterSha256: z.string().nullable(),
    letterDate: z.string().nullable(),
    sentVia: z.string().nullable(),
    deliveredOn: z.string().nullable(),
    deadline: z.string().nullable(),
    outcome: z.string().nullable(),
    outcomeCents: z.number().int().nullable(),
  })
  .loose();

export const memberEventSchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  operatorId: z.string().nullable(),
  data: z.object({ kind: z.string() }).loose(),
});

export const dashboardSchema = z.object({
  campaign: campaignSchema,
  today: z.string(),
  figures: z.object({
    members: z.number().int(),
    byStatus: counts(MEMBER_STATUSES),
    byAction: counts(ACTIONS),
    claimedCents: z.number().int(),
    recoveredCents: z.number().int(),
  }),
  timeline: z.array(z.object({ day: z.string(), letters: z.number().int(), deliveries: z.number().int() })),
  periods: z
    .object({
      unit: z.enum(['day', 'week', 'month']),
      periods: z.array(
        z.object({ from: z.string(), to: z.string(), letters: z.number().int(), deliveries: z.number().int() }),
      ),
    })
    .meta({ description: "The timeline grouped as the dashboard's chart shows it (empty periods included)" }),
  lists: z.array(z.object({ id: z.string(), number: z.number().int(), batchId: z.string().nullable() }).loose()),
});

export const memberPageSchema = z.object({
  members: z.array(memberSchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
});

export const lineErrorSchema = fieldErrorSchema.extend({ line: z.number().int() });
export const importSummarySchema = z.object({ recorded: z.number().int(), errors: z.array(lineErrorSchema) });
export const receiptImportSchema = z.object({
  recorded: z.array(
    z.object({
      file: z.string(),
      listNumber: z.number().int(),
      row: z.number().int(),
      name: z.string(),
      kind: z.string(),
    }),
  ),
  unmatched: z.array(z.object({ file: z.string(), reason: z.string(), row: z.number().int().nullable() })),
});

/** What to produce: the reminders of the members an action names, in a ZIP or queued to each member. */
export const followUpRequestSchema = z.strictObject({
  action: z
    .enum(['deadline-passed'])
    .default('deadline-passed')
    .meta({ description: 'The members: deadline passed with no reply (the only action a reminder answers)' }),
  delivery: z.enum(['zip', 'outbox']).default('zip').meta({
    description:
      "zip: a ZIP of one PDF per member and report.csv (;); outbox: each queued to the member's confirmed e-mail",
  }),
});

export const followUpResultSchema = z.object({
  produced: z.number().int(),
  skipped: z.number().int(),
  members: z.array(
    z.object({
      memberId: z.uuid(),
      listNumber: z.number().int(),
      row: z.number().int(),
      name: z.string(),
      result: z.enum(['queued', 'skipped']),
      fileName: z.string().nullable(),
      deadline: z.string().nullable(),
      reason: z.string().nullable().meta({ description: 'Why skipped: no-confirmed-address, no-claim…' }),
      detail: z.string().nullable(),
    }),
  ),
});

export const fileUploadSchema = z.object({ file: z.string().meta({ description: 'The file (multipart)' }) });

export { campaignInputSchema };
