import { z } from 'zod';
import { applicationNoSchema } from './ids';
import { isBadRating, RATING_REASONS, RATINGS } from './ratings';

export { isBadRating, RATING_REASONS, RATINGS, type Rating, type RatingReason } from './ratings';

const mobileSchema = z.string().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number');

export const ratingSchema = z
  .strictObject({
    rating: z.enum(RATINGS),
    reasons: z.array(z.enum(RATING_REASONS)).max(RATING_REASONS.length).default([]),
    /** Only with the citizen's consent, and only on a 差评: the station calls back. */
    callback: z
      .strictObject({ phone: mobileSchema, consent: z.literal(true) })
      .nullable()
      .default(null),
  })
  .refine((r) => isBadRating(r.rating) || (r.reasons.length === 0 && r.callback === null), {
    message: 'reasons and a callback go with a 差评 only',
  })
  .refine((r) => new Set(r.reasons).size === r.reasons.length, { message: 'a reason twice' });
export type RatingInput = z.input<typeof ratingSchema>;
export type RatingValue = z.output<typeof ratingSchema>;

/** What the back office receives (POST /evaluations), once per application. */
export const evaluationBodySchema = z.strictObject({
  evaluationId: z.uuid(),
  applicationNo: applicationNoSchema,
  serviceId: z.string().max(64),
  stationCode: z.string().max(12),
  kioskId: z.string().max(32),
  channel: z.literal('self_service_terminal'),
  rating: z.enum(RATINGS),
  reasons: z.array(z.enum(RATING_REASONS)),
  callbackPhone: mobileSchema.nullable(),
  ratedAt: z.iso.datetime({ offset: true }),
});
export type EvaluationBody = z.output<typeof evaluationBodySchema>;
