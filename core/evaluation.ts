import { z } from 'zod';
import { applicationNoSchema } from './ids';

/**
 * 好差评: the citizen's rating of the service, once per application, as
 * 《国务院办公厅关于建立政务服务"好差评"制度提高政务服务水平的意见》
 * (国办发〔2019〕51号) asks of every 自助服务端 — five levels, and on a 差评 the
 * reasons the national scheme lists, plus an optional callback number given
 * with consent (差评 are called back and put right). Tied to the application
 * number only: never the citizen's name or ID number.
 */
export const RATINGS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type Rating = (typeof RATINGS)[number];

/** 不满意 and 非常不满意 are 差评: the reasons and the callback are offered. */
export const isBadRating = (rating: Rating): boolean =>
  rating === 'dissatisfied' || rating === 'very_dissatisfied';

/** What a 差评 may say was wrong (服务指引、办事程序、材料手续、操作界面、办理效率 …). */
export const RATING_REASONS = [
  'guide_unclear',
  'procedure_inconvenient',
  'materials_excessive',
  'interface_unfriendly',
  'too_slow',
  'attitude',
] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

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
