import { z } from 'zod';
import { applicantSchema } from '../rules/engine/applicant';

export {
  applicantSchema,
  identityKindSchema,
  sexSchema,
  type Applicant,
  type IdentityKind,
  type Sex,
} from '../rules/engine/applicant';

const isoDate = z.iso.date();

/**
 * What an ID card says about its holder: the applicant's facts plus what only
 * a card carries. Personal data: it lives in the main process's session and
 * the encrypted application record, is sent to the renderer only for the
 * citizen's own screen, and is never logged.
 */
export const identitySchema = applicantSchema.extend({
  /** A card always has its number. */
  idNumber: z.string().max(32),
  nameEn: z.string().max(128).optional(),
  /** GB 3304 nation name (resident cards only). */
  nation: z.string().max(16).optional(),
  /** ISO 3166 alpha-3 nationality (foreigner cards only). */
  nationality: z.string().max(3).optional(),
  /** 港澳台居民来往内地通行证号码 ('J' permits only). */
  travelPermitNumber: z.string().max(16).optional(),
  issuer: z.string().max(64).optional(),
  validFrom: isoDate,
  /** The photo is WLT-compressed; without a licensed decoder the UI shows a placeholder. */
  hasPhoto: z.boolean(),
});

export type Identity = z.output<typeof identitySchema>;
