import { clockStartingAt, parseClockStart, systemClock, type Clock } from '../../core/clock';
import { err, ok, type Result } from '../../core/result';

export interface LaunchClock {
  readonly clock: Clock;
  /** What the log and the audit should say about it: nothing when the system clock runs. */
  readonly note: 'system' | 'test_clock' | 'test_clock_ignored_packaged';
}

/**
 * The clock a kiosk process runs on. A development or test launch may ask to
 * start at another instant (`--clock=2026-06-15T10:00:00+08:00`), so a test
 * suite gives the same answers on any day it is run; a packaged kiosk in a
 * hall always runs on the system clock, whatever its command line says.
 */
export function launchClock(requested: string | null, packaged: boolean): Result<LaunchClock> {
  if (requested === null) return ok({ clock: systemClock, note: 'system' });
  if (packaged) return ok({ clock: systemClock, note: 'test_clock_ignored_packaged' });
  const start = parseClockStart(requested);
  if (start === null) {
    return err('bad_clock', `--clock must be an ISO date or instant, got "${requested}"`);
  }
  return ok({ clock: clockStartingAt(start), note: 'test_clock' });
}
