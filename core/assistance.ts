import { z } from 'zod';

/** What a hall guide has done in this session (shown live in the guide's drawer). */
export const assistanceSchema = z.strictObject({
  /** A reason id from common.json's guideReasons, or null. */
  greenChannelReason: z.string().max(32).nullable(),
  fillOnBehalf: z.boolean(),
  skipOptional: z.boolean(),
  elderMode: z.boolean(),
  voice: z.boolean(),
  /** 语音导航, started by a guide for a blind citizen (the citizen starts it alone with *). */
  audioOnly: z.boolean().default(false),
  /** 「到窗口拍照」: the photo and the identity check are done at the window for this session. */
  faceAtWindow: z.boolean().default(false),
  /** 「窗口缴费」: the fee is paid at the window for this session (an open order is cancelled). */
  payAtWindow: z.boolean().default(false),
  /** Any of the above was ever on in this session. */
  assisted: z.boolean(),
});
export type Assistance = z.output<typeof assistanceSchema>;

/** The guide's part as the application keeps it and the back office receives it. */
export const assistanceRecordSchema = z.strictObject({
  greenChannelReason: z.string().max(32).nullable(),
  fillOnBehalf: z.boolean(),
  skippedOptional: z.boolean(),
});
export type AssistanceRecord = z.output<typeof assistanceRecordSchema>;

export const noAssistance = (): Assistance => ({
  greenChannelReason: null,
  fillOnBehalf: false,
  skipOptional: false,
  elderMode: false,
  voice: false,
  audioOnly: false,
  faceAtWindow: false,
  payAtWindow: false,
  assisted: false,
});

/** Null when the citizen applied alone. */
export const assistanceRecord = (assistance: Assistance): AssistanceRecord | null =>
  assistance.assisted
    ? {
        greenChannelReason: assistance.greenChannelReason,
        fillOnBehalf: assistance.fillOnBehalf,
        skippedOptional: assistance.skipOptional,
      }
    : null;
