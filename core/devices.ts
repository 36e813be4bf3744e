/**
 * What the screens and the contract know of devices: words for states and
 * self-test results, never ports or protocol details (those stay with the drivers).
 */

/** What a self-test found, as a code the technician's screen words in its language. */
export const SELF_TEST_CODES = [
  'idcard.read',
  'idcard.noCard',
  'printer.printed',
  'scanner.read',
] as const;
export type SelfTestCode = (typeof SELF_TEST_CODES)[number];
