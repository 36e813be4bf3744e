import { z } from 'zod';
import { HELP_SCREENS } from './help-screens';

/**
 * A citizen pressed 呼叫工作人员: since when, and on which screen. Nothing
 * personal: the guide walks over and sees the rest on the kiosk itself.
 */
export const helpRequestSchema = z.strictObject({
  since: z.string(),
  screen: z.enum(HELP_SCREENS),
});
export type HelpRequest = z.output<typeof helpRequestSchema>;
