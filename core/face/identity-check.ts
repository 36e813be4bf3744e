import { z } from 'zod';

/**
 * 人证核验 as the application records it: the verdict, the score and the
 * threshold it was held to, the model that made it, how many tries, the
 * liveness step — never the frames or the descriptor. `not_possible` says why
 * (no card photo, no engine, the citizen chose the window…).
 */
export const identityCheckSchema = z.strictObject({
  result: z.enum(['passed', 'failed', 'not_possible']),
  /** The best similarity of the live face to the card's photo (0–1); null when none was measured. */
  score: z.number().min(0).max(1).nullable(),
  threshold: z.number().min(0).max(1),
  modelVersion: z.string().max(80),
  tries: z.number().int().min(0).max(10),
  liveness: z.enum(['passed', 'failed', 'not_run']),
  reason: z
    .enum([
      'no_card_photo',
      'card_photo_unusable',
      'engine_unavailable',
      'declined',
      'guide_window',
      /** The camera failed to open, or went away mid-check. */
      'camera_unavailable',
    ])
    .nullable(),
});
export type IdentityCheck = z.output<typeof identityCheckSchema>;

/** The 证件照 the kiosk took: which standard it met, by which model; the JPEG itself is an attachment. */
export const portraitRecordSchema = z.strictObject({
  materialId: z.string().max(64),
  standard: z.enum(['exit-entry', 'id-card']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  modelVersion: z.string().max(80),
});
export type PortraitRecord = z.output<typeof portraitRecordSchema>;
