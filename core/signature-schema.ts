import { z } from 'zod';
import { SIGNATURE_BOX } from './signature';

/** A signature as the contract, the sealed payload and the back office accept it (see ./signature). */
const MAX_POINTS = 6000;

const pointSchema = z
  .tuple([
    z.number().int().min(0).max(SIGNATURE_BOX.width),
    z.number().int().min(0).max(SIGNATURE_BOX.height),
  ])
  .readonly();

export const signatureSchema = z
  .strictObject({
    strokes: z
      .array(z.array(pointSchema).min(1).max(MAX_POINTS).readonly())
      .min(1)
      .max(200)
      .readonly(),
  })
  .refine((s) => s.strokes.reduce((n, stroke) => n + stroke.length, 0) <= MAX_POINTS, {
    message: `a signature has at most ${MAX_POINTS} points`,
  });
