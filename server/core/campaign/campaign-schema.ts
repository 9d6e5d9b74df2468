import { z } from 'zod';
import { associationSchema } from '../claim/association-schema';
import { letterOptionsSchema } from '../claim/claim-schema';
import { text } from '../claim/field-schemas';
import { SEND_TARGETS } from '../member-list/send-target';

export const RETENTION_MONTHS = { min: 1, max: 120, default: 24 } as const;

/** What an operator gives to open a campaign: the association, the letters' options, how long member data is kept. */
export const campaignInputSchema = z.strictObject({
  name: text({ max: 120, noFormula: true }),
  association: associationSchema,
  letter: letterOptionsSchema.default({}),
  /** E-mail each member's letter through the outbox as its list is processed (member, provider or both). */
  send: z.enum(SEND_TARGETS).optional(),
  /** Each member's data is deleted this many months after the last thing recorded for them. */
  retentionMonths: z.number().int().min(RETENTION_MONTHS.min).max(RETENTION_MONTHS.max),
});
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CampaignSettings = z.output<typeof campaignInputSchema>;

export interface Campaign extends CampaignSettings {
  id: string;
  createdAt: number;
  createdBy: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A retention month is 31 days: never shorter than the calendar month it stands for. */
export function retentionMs(months: number): number {
  return months * 31 * DAY_MS;
}
