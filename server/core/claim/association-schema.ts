import { z } from 'zod';
import { email, optional, personName, placeName, postalCode, province, taxCode, text } from './field-schemas';

/** A consumer association that sends letters "in nome e per conto" of its members. */
export const associationSchema = z.strictObject({
  name: text({ max: 160, noFormula: true }),
  taxCode: taxCode({ allowCompany: true }),
  street: text({ max: 120, noFormula: true }),
  postalCode: postalCode(),
  city: placeName(),
  province: province(),
  pec: email(),
  representative: personName(120),
  /** Decides "il legale rappresentante" / "la legale rappresentante"; without it the letter writes "il/la". */
  representativeSex: optional(
    z.enum(['female', 'male']).describe("The representative's sex, for the letter's agreement (optional)"),
  ),
});

export type AssociationInput = z.input<typeof associationSchema>;
export type Association = z.output<typeof associationSchema>;
