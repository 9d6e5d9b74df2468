import { z } from 'zod';
import { fieldErrorSchema } from '../core/claim/field-error-schema';
import { ROW_STATUSES } from '../core/member-list/report-row';

export const BATCH_STATES = ['queued', 'running', 'done', 'failed'] as const;

const countsSchema = z.object(
  Object.fromEntries(ROW_STATUSES.map((status) => [status, z.number().int().min(0)])) as Record<
    (typeof ROW_STATUSES)[number],
    z.ZodNumber
  >,
);

/** What GET /api/v1/batches/{id} answers, and what the batch store keeps on disk for every web process to read. */
export const batchStatusSchema = z.object({
  id: z.uuid(),
  state: z.enum(BATCH_STATES).meta({ description: 'queued → running → done (ZIP ready) or failed' }),
  createdAt: z.string().meta({ description: 'ISO 8601' }),
  expiresAt: z
    .string()
    .meta({ description: 'The batch and its files are deleted then, or right after the ZIP is downloaded' }),
  rows: z.number().int().min(0).meta({ description: 'Member rows in the file' }),
  processed: z.number().int().min(0),
  counts: countsSchema.meta({
    description: 'Rows by outcome: ok (letter in the ZIP), not-eligible, invalid, duplicate',
  }),
  problems: z
    .array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        status: z.enum(ROW_STATUSES),
        reasons: z.array(fieldErrorSchema),
      }),
    )
    .meta({ description: 'The first rows without a letter (all of them are in report.csv)' }),
  error: fieldErrorSchema.nullable().meta({ description: 'Why a failed batch failed' }),
  download: z.string().nullable().meta({ description: 'Where to get the ZIP once done' }),
});

export type BatchStatus = z.infer<typeof batchStatusSchema>;

/** What the batch store keeps: the status, and the operator who submitted the batch (never shown to clients). */
export type BatchRecord = BatchStatus & { owner: string | null };

/** The status as the API answers it. */
export function publicStatus(record: BatchRecord): BatchStatus {
  const { owner: _owner, ...status } = record;
  return status;
}
