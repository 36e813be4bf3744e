import { isRealDate } from '../base/dates';

/**
 * The one source of "now" for the kiosk: the main process, the renderer and
 * the rules all read time through a `Clock` they were given, never from
 * `Date` directly (a lint rule enforces it). A test, a demo or a support
 * session can then run the whole kiosk at another date without touching the
 * machine's clock, and nothing depends on the day the tests happen to run.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  nowMs(): number;
  /** The same instant as a `Date`. */
  now(): Date;
}

const fromMs = (nowMs: () => number): Clock => ({ nowMs, now: () => new Date(nowMs()) });

/** The machine's clock: production. */
export const systemClock: Clock = fromMs(() => Date.now());

/** Runs at the pace of `base`, shifted by `offsetMs`. */
export const offsetClock = (offsetMs: number, base: Clock = systemClock): Clock =>
  fromMs(() => base.nowMs() + offsetMs);

/**
 * Reads `start` at the moment it is made and runs on in real time: the clock
 * of a kiosk started at a chosen date, and the renderer's copy of the main
 * process's clock.
 */
export const clockStartingAt = (start: Date, base: Clock = systemClock): Clock =>
  offsetClock(start.getTime() - base.nowMs(), base);

export interface ManualClock extends Clock {
  /** Moves the clock on by `ms` (never back). */
  advance(ms: number): void;
}

/** Stands still until moved: unit tests that need time to pass exactly. */
export function manualClock(start: Date): ManualClock {
  let ms = start.getTime();
  return {
    ...fromMs(() => ms),
    advance(by) {
      if (by < 0) throw new RangeError('a clock does not run backwards');
      ms += by;
    },
  };
}

/**
 * Parses a requested start instant (`2026-06-15T10:00:00+08:00`, or a date,
 * taken as 10:00 China time). Null when it is not a real instant.
 */
export function parseClockStart(text: string): Date | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T10:00:00+08:00` : text;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return null;
  // Date.parse would roll 2027-02-29 over into March.
  if (!isRealDate(iso.slice(0, 10))) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms);
}
