import { z } from 'zod';
import { isoDate, money, optional, placeName, text } from '../claim/field-schemas';

/** How the first letter was sent: the claimant's own PEC, a raccomandata A/R, or handed over against a signature. */
export const SEND_METHODS = ['pec', 'raccomandata', 'hand'] as const;
export type SendMethod = (typeof SEND_METHODS)[number];

/** What happened after the first letter. */
export const OUTCOMES = ['no-reply', 'refused', 'partial', 'paid'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const SHA256 = /^[0-9a-f]{64}$/;

/** The first letter's SHA-256, as the result page, the API header and the CLI print it. */
export const letterSha256 = () =>
  z
    .string()
    .max(80)
    .transform((raw, ctx) => {
      const value = raw.trim().toLowerCase();
      if (SHA256.test(value)) return value;
      ctx.addIssue({ code: 'custom', message: 'followup.sha256' });
      return z.NEVER;
    })
    .describe('SHA-256 of the first letter’s PDF: 64 hexadecimal digits');

/**
 * What the claimant says about the first letter and what came of it. The case itself (the claim and the letter) is
 * read from the letter PDF or given as the claim JSON; a PEC receipt, when there is one, is a file of its own.
 */
export const followupSchema = z
  .strictObject({
    sent: z.strictObject({
      method: z.enum(SEND_METHODS),
      on: isoDate().describe('YYYY-MM-DD: the day the first letter was sent'),
      raccomandataNumber: optional(
        text({ max: 40, noFormula: true }).describe('The raccomandata number as printed on the receipt'),
      ),
    }),
    receivedOn: optional(
      isoDate().describe('YYYY-MM-DD: the day the provider received it, if known (a PEC delivery receipt says it)'),
    ),
    outcome: z.enum(OUTCOMES),
    /** The day of the provider's answer (a refusal or an offer), if it answered. */
    replyOn: optional(isoDate()),
    offer: optional(
      z.strictObject({
        amount: money({ positive: true }),
        description: optional(text({ max: 200 }).describe('What was offered, in the provider’s words')),
      }),
    ),
    /** The follow-up documents' date; default: today in Italy. */
    date: optional(isoDate()),
    place: optional(placeName()),
  })
  .superRefine((followup, ctx) => {
    if (followup.outcome === 'partial' && !followup.offer) {
      ctx.addIssue({ code: 'custom', path: ['offer', 'amount'], message: 'followup.offerRequired' });
    }
    if (followup.outcome !== 'partial' && followup.offer) {
      ctx.addIssue({ code: 'custom', path: ['offer', 'amount'], message: 'followup.offerOnlyPartial' });
    }
    if (followup.sent.method !== 'raccomandata' && followup.sent.raccomandataNumber !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sent', 'raccomandataNumber'], message: 'followup.raccomandataOnly' });
    }
    if (followup.receivedOn !== undefined && followup.receivedOn < followup.sent.on) {
      ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'followup.receivedBeforeSent' });
    }
  });

export type FollowupInput = z.input<typeof followupSchema>;
export type Followup = z.output<typeof followupSchema>;

/** The case as JSON: the claim as the API takes it (its `letter.date` is the first letter's) and its SHA-256. */
export const caseFileSchema = z.strictObject({
  claim: z
    .record(z.string(), z.unknown())
    .describe('The claim of the first letter, as POST /api/v1/claims/letter took it'),
  letterSha256: optional(letterSha256()),
});
