/**
 * The screens a call for a hall guide can come from: a closed list, so the audit
 * log and the back office only ever get one of these words (no zod here: the
 * renderer imports the list itself).
 */
export const HELP_SCREENS = [
  'home',
  'guide',
  'idcard',
  'question',
  'materials',
  'camera',
  'face',
  'review',
  'payment',
  'slip',
  'status',
  'queue',
  'diagnostics',
] as const;
export type HelpScreen = (typeof HELP_SCREENS)[number];
