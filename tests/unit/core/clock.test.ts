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

  it('fires the timers that fall due as it is moved, each at its own instant, in order', () => {
    const clock = manualClock(new Date(0));
    const fired: string[] = [];
    clock.after(300, () => fired.push(`once at ${clock.nowMs()}`));
    const stopBeat = clock.every(100, () => {
      fired.push(`beat at ${clock.nowMs()}`);
      // A timer set by a timer fires in the same move when it falls due before its end.
      if (clock.nowMs() === 200) clock.after(50, () => fired.push(`late at ${clock.nowMs()}`));
    });
    const cancelled = clock.after(150, () => fired.push('cancelled'));
    cancelled();
    clock.advance(99);
    expect(fired).toEqual([]);
    clock.advance(231);
    expect(fired).toEqual([
      'beat at 100',
      'beat at 200',
      'late at 250',
      // Due at the same instant: in the order they were set.
      'once at 300',
      'beat at 300',
    ]);
    expect(clock.nowMs()).toBe(330);
    stopBeat();
    clock.advance(1000);
    expect(fired).toHaveLength(5);
    expect(clock.pending()).toBe(0);
  });

  it("runs an offset clock's timers at its base's pace", () => {
    const base = manualClock(new Date(0));
    const shifted = clockStartingAt(new Date('2026-06-15T02:00:00Z'), base);
    let at = '';
    shifted.after(60_000, () => (at = shifted.now().toISOString()));
    base.advance(60_000);
    expect(at).toBe('2026-06-15T02:01:00.000Z');
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
