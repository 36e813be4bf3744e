import { clockStartingAt, type Clock } from '../core/clock';
import { addDays } from '../base/dates';

/**
 * The instant every kiosk under test starts at (web hosts get `--clock`,
 * in-process parts a clock from core/clock.ts): a Monday in a year whose
 * holidays are known, so ages, validity windows and due dates come out the
 * same whatever day the suite runs on.
 */
export const TEST_NOW = '2026-06-15T10:00:00+08:00';
export const TEST_TODAY = '2026-06-15';

/** A date `days` after (or before) the test day, as `YYYY-MM-DD`. */
export const testDay = (days: number): string => addDays(TEST_TODAY, days);

/** The same date as typed on the kiosk's keypad: `YYYYMMDD`. */
export const keypadDate = (iso: string): string => iso.replaceAll('-', '');

/** A clock that starts at TEST_NOW and runs on in real time, for kiosk parts run inside a test. */
export const testClock = (): Clock => clockStartingAt(new Date(TEST_NOW));
