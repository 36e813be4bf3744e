import { describe, expect, it } from 'vitest';
import { clockStartingAt, manualClock, parseClockStart, systemClock } from '../../../core/clock';
import { launchClock } from '../../../electron/shell/launch-clock';
import { parseLaunchArgs } from '../../../electron/shell/web-preferences';
import { todayInChina } from '../../../base/dates';

describe('the one clock', () => {
  it('starts a kiosk at a chosen instant and runs on from there', () => {
    const base = manualClock(new Date('2030-01-01T00:00:00Z'));
    const clock = clockStartingAt(new Date('2026-06-15T02:00:00Z'), base);
    expect(clock.now().toISOString()).toBe('2026-06-15T02:00:00.000Z');
    base.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-06-15T02:01:30.000Z');
    expect(todayInChina(clock.now())).toBe('2026-06-15');
  });

  it('reads a date as 10:00 China time, and refuses what is not an instant', () => {
    expect(parseClockStart('2028-02-29')?.toISOString()).toBe('2028-02-29T02:00:00.000Z');
    expect(parseClockStart('2026-06-15T10:00:00+08:00')?.toISOString()).toBe(
      '2026-06-15T02:00:00.000Z',
    );
    expect(parseClockStart('2027-02-29')).toBeNull();
    expect(parseClockStart('tomorrow')).toBeNull();
    expect(parseClockStart('2026-06-15T10:00:00')).toBeNull();
  });

  it('does not run backwards', () => {
    expect(() => manualClock(new Date(0)).advance(-1)).toThrow(RangeError);
  });
});

describe('the clock a kiosk process runs on', () => {
  it('is the system clock unless asked otherwise', () => {
    const launched = launchClock(parseLaunchArgs(['electron', '.']).clock, true);
    expect(launched).toEqual({ ok: true, value: { clock: systemClock, note: 'system' } });
  });

  it('starts at --clock in development and tests', () => {
    const launched = launchClock(
      parseLaunchArgs(['electron', '.', '--clock=2027-06-15']).clock,
      false,
    );
    if (!launched.ok) throw new Error(launched.error.message);
    expect(launched.value.note).toBe('test_clock');
    expect(todayInChina(launched.value.clock.now())).toBe('2027-06-15');
  });

  it('keeps the system clock in a packaged kiosk, whatever the command line says', () => {
    const launched = launchClock('2027-06-15', true);
    expect(launched).toEqual({
      ok: true,
      value: { clock: systemClock, note: 'test_clock_ignored_packaged' },
    });
  });

  it('refuses a clock that is not a date', () => {
    expect(launchClock('soon', false)).toMatchObject({ ok: false, error: { code: 'bad_clock' } });
  });
});
