import { z } from 'zod';

const isoDate = z.iso.date();

/** ' ' resident card, 'J' HK/Macau/Taiwan residence permit, 'I'/'Y' foreigner permanent residence. */
export const identityKindSchema = z.enum(['resident', 'hmt', 'foreigner2017', 'foreigner2023']);
/** GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 not stated. */
export const sexSchema = z.enum(['unknown', 'male', 'female', 'unstated']);

/**
 * What the rules know about the person an application is for: read from the
 * ID card, or typed in when the card is lost (then `validTo` is 长期 and
 * there is no address). The card's full identity (core/identity.ts) extends
 * this, so the fields both need are declared once, here.
 */
export const applicantSchema = z.strictObject({
  kind: identityKindSchema,
  name: z.string().max(64),
  sex: sexSchema,
  birthDate: isoDate,
  idNumber: z.string().max(32).optional(),
  address: z.string().max(128).optional(),
  /** `YYYY-MM-DD`, or 长期 for a card that never expires. */
  validTo: z.union([isoDate, z.literal('长期')]),
});

export type Applicant = z.output<typeof applicantSchema>;
export type IdentityKind = z.output<typeof identityKindSchema>;
export type Sex = z.output<typeof sexSchema>;
