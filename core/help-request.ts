import { z } from 'zod';
import { HELP_SCREENS } from './help-screens';

/**
 * Whether the call reached anyone: `sending` while the back office is being
 * told, `sent` once it took it, `not_sent` when there is no back office or it
 * did not answer — the screen then says so instead of 「已通知工作人员」.
 */
export const HELP_DELIVERY = ['sending', 'sent', 'not_sent'] as const;
export type HelpDelivery = (typeof HELP_DELIVERY)[number];

/**
 * A citizen pressed 呼叫工作人员: since when, on which screen, and whether the
 * call got through. Nothing personal: the guide walks over and sees the rest
 * on the kiosk itself.
 */
export const helpRequestSchema = z.strictObject({
  since: z.string(),
  screen: z.enum(HELP_SCREENS),
  delivery: z.enum(HELP_DELIVERY),
});
export type HelpRequest = z.output<typeof helpRequestSchema>;
