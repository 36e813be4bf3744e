import { z } from 'zod';

/**
 * A citizen pressed 呼叫工作人员: since when, and on which screen. Nothing
 * personal: the guide walks over and sees the rest on the kiosk itself.
 */
export const helpRequestSchema = z.strictObject({
  since: z.string(),
  screen: z.string().max(32),
});
export type HelpRequest = z.output<typeof helpRequestSchema>;
