import { clockStartingAt, systemClock, type Clock } from '../core/clock';
import { todayInChina } from '../base/dates';

/**
 * The renderer's copy of the main process's clock: set from `getKioskInfo`'s
 * `now` when the kiosk loads, so the screen, the rules it runs for live
 * feedback and the main process that re-checks them agree on the day.
 */
let current: Clock = systemClock;

export const kioskClock = (): Clock => current;

export function syncKioskClock(mainNow: string): void {
  current = clockStartingAt(new Date(mainNow));
}

/** Today in China, on the kiosk's clock. */
export const kioskToday = (): string => todayInChina(current.now());
