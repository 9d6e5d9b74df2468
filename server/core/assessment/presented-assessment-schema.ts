import { z } from 'zod';
import { DELIVERY_METHODS } from '../claim/claim-schema';
import { KNOWN_INCIDENT_IDS, SEVERITIES } from '../rules/ruleset-types';

const finding = z.object({ code: z.string(), message: z.string() });

export const presentedLineSchema = z.object({
  code: z.enum(['indemnity', 'refund', 'damages', 'compensation-received']),
  label: z.string(),
  detail: z.string().meta({ description: 'How the amount was computed, in words' }),
  basis: z.string().meta({ description: 'Legal basis (or, for the deduction, what it offsets)' }),
  amountCents: z.number().int(),
  amount: z.string().meta({ examples: ['36,00 €'] }),
});

/** The assessment as the API returns it and the pages show it, in one language. */
export const presentedAssessmentSchema = z.object({
  eligible: z.boolean(),
  reasons: z.array(finding).meta({ description: 'Why the claim is not eligible (empty when it is)' }),
  warnings: z.array(finding).meta({ description: 'Eligible, but worth knowing' }),
  periods: z.array(
    z.object({
      start: z.string().meta({ description: 'ISO 8601 with the Italian offset' }),
      end: z.string(),
      severity: z.enum(SEVERITIES),
      days: z.number().int(),
      incidents: z.array(z.enum(KNOWN_INCIDENT_IDS)),
    }),
  ),
  compensation: z.object({ lines: z.array(presentedLineSchema), totalCents: z.number().int(), total: z.string() }),
  letterDate: z.string(),
  deadline: z
    .object({
      date: z.string().meta({ description: 'YYYY-MM-DD: the day the term ends if the letter is received on its date' }),
      formatted: z.string().meta({ examples: ['09/12/2026'] }),
      days: z.number().int().meta({ description: 'The letter gives this many days from receipt' }),
      movedFrom: z
        .object({ date: z.string(), holiday: z.string() })
        .nullable()
        .meta({ description: 'The Sunday or public holiday the term would have ended on, when it was moved' }),
    })
    .meta({ description: 'The letter says "within N days of receipt"; this is the date that means on its date' }),
  delivery: z.enum(DELIVERY_METHODS).meta({ description: 'How the letter is to be sent (PEC or raccomandata A/R)' }),
  court: z
    .enum(['giudice-di-pace', 'tribunale', 'uncertain'])
    .meta({ description: 'The court the letter names, by the thresholds in force when the term ends' }),
  ruleset: z.object({ version: z.string(), publishedOn: z.string() }),
});

export type PresentedLine = z.infer<typeof presentedLineSchema>;
export type PresentedAssessment = z.infer<typeof presentedAssessmentSchema>;
