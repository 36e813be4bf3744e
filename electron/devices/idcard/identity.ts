import { z } from 'zod';

const isoDate = z.iso.date();

/**
 * What an ID card says about its holder. Personal data: it lives in the main
 * process's session and the encrypted application record, is sent to the
 * renderer only for the citizen's own screen, and is never logged.
 */
export const identitySchema = z.strictObject({
  /** ' ' resident card, 'J' HK/Macau/Taiwan residence permit, 'I'/'Y' foreigner permanent residence. */
  kind: z.enum(['resident', 'hmt', 'foreigner2017', 'foreigner2023']),
  name: z.string(),
  nameEn: z.string().optional(),
  /** GB/T 2261.1: 0 unknown, 1 male, 2 female, 9 not stated. */
  sex: z.enum(['unknown', 'male', 'female', 'unstated']),
  /** GB 3304 nation name (resident cards only). */
  nation: z.string().optional(),
  /** ISO 3166 alpha-3 nationality (foreigner cards only). */
  nationality: z.string().optional(),
  /** 港澳台居民来往内地通行证号码 ('J' permits only). */
  travelPermitNumber: z.string().optional(),
  birthDate: isoDate,
  address: z.string().optional(),
  idNumber: z.string(),
  issuer: z.string().optional(),
  validFrom: isoDate,
  validTo: z.union([isoDate, z.literal('长期')]),
  /** The photo is WLT-compressed; without a licensed decoder the UI shows a placeholder. */
  hasPhoto: z.boolean(),
});

export type Identity = z.output<typeof identitySchema>;
export type IdentityKind = Identity['kind'];
export type Sex = Identity['sex'];
