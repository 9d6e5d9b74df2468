import { z } from 'zod';

/**
 * One invalid field: `claimant.taxCode`, `outages.0.end` ('' for the whole request), with a message in the user's
 * language.
 */
export const fieldErrorSchema = z.object({
  path: z
    .string()
    .meta({ description: "Dotted path of the field ('' for the request as a whole)", examples: ['claimant.taxCode'] }),
  message: z.string().meta({ description: "What is wrong, in the request's language" }),
});

/** The body of every 4xx answer of the API. */
export const errorResponseSchema = z.object({ errors: z.array(fieldErrorSchema).min(1) });

export type FieldError = z.infer<typeof fieldErrorSchema>;
