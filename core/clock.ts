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
  /**
   * Runs `run` once, `ms` of this clock's time from now. Timers live on the
   * clock so that a test (or the fleet simulation) that moves a manual clock
   * moves every retry, heartbeat and timeout with it instead of waiting.
   */
  after(ms: number, run: () => void, options?: TimerOptions): Cancel;
  /** Runs `run` every `ms` until cancelled. */
  every(ms: number, run: () => void, options?: TimerOptions): Cancel;
}

export type Cancel = () => void;

export interface TimerOptions {
  /** Not a reason to keep the process alive (Node's `unref`): housekeeping, not work. */
  readonly background?: boolean;
}

/** setTimeout's longest delay (~24.8 days); longer ones fire early and the caller re-arms. */
const MAX_DELAY_MS = 2 ** 31 - 1;
const clampDelay = (ms: number): number => Math.max(0, Math.min(ms, MAX_DELAY_MS));

type Handle = ReturnType<typeof setTimeout> & { unref?: () => void };
const background = (handle: Handle, options: TimerOptions | undefined): void => {
  if (options?.background === true) handle.unref?.();
};

const machineTimers: Pick<Clock, 'after' | 'every'> = {
  after(ms, run, options) {
    const handle: Handle = setTimeout(run, clampDelay(ms));
    background(handle, options);
    return () => clearTimeout(handle);
  },
  every(ms, run, options) {
    const handle: Handle = setInterval(run, clampDelay(ms));
    background(handle, options);
    return () => clearInterval(handle);
  },
};

const fromMs = (nowMs: () => number, timers: Pick<Clock, 'after' | 'every'>): Clock => ({
  nowMs,
  now: () => new Date(nowMs()),
  after: timers.after,
  every: timers.every,
});

/** The machine's clock: production. */
export const systemClock: Clock = fromMs(() => Date.now(), machineTimers);

/** Runs at the pace of `base`, shifted by `offsetMs` (its timers are the base's: same pace). */
export const offsetClock = (offsetMs: number, base: Clock = systemClock): Clock =>
  fromMs(() => base.nowMs() + offsetMs, base);

/**
 * Reads `start` at the moment it is made and runs on in real time: the clock
 * of a kiosk started at a chosen date, and the renderer's copy of the main
 * process's clock.
 */
export const clockStartingAt = (start: Date, base: Clock = systemClock): Clock =>
  offsetClock(start.getTime() - base.nowMs(), base);

export interface ManualClock extends Clock {
  /**
   * Moves the clock on by `ms` (never back), firing each timer that falls due
   * on the way, in order, at its own instant (a timer set by one that fired
   * fires too if it falls due before the end).
   */
  advance(ms: number): void;
  /** Timers waiting to fire. */
  pending(): number;
}

interface ManualTimer {
  due: number;
  seq: number;
  readonly run: () => void;
  readonly everyMs: number | null;
  cancelled: boolean;
}

const before = (a: ManualTimer, b: ManualTimer): boolean =>
  a.due < b.due || (a.due === b.due && a.seq < b.seq);

/** A binary heap of timers, soonest first: a simulated fleet keeps thousands on one clock. */
function timerHeap(): {
  push(t: ManualTimer): void;
  peek(): ManualTimer | undefined;
  pop(): ManualTimer | undefined;
} {
  const heap: ManualTimer[] = [];
  const swap = (i: number, j: number): void => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  return {
    push(t) {
      heap.push(t);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i]!, heap[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    },
    peek: () => heap[0],
    pop() {
      const top = heap[0];
      const last = heap.pop();
      if (heap.length > 0 && last !== undefined) {
        heap[0] = last;
        for (let i = 0; ;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return top;
    },
  };
}

/** Stands still until moved: tests and simulations that need time to pass exactly, and at once. */
export function manualClock(start: Date): ManualClock {
  let ms = start.getTime();
  let seq = 0;
  let live = 0;
  const heap = timerHeap();
  const add = (delay: number, run: () => void, everyMs: number | null): Cancel => {
    seq += 1;
    const timer: ManualTimer = {
      due: ms + Math.max(0, delay),
      seq,
      run,
      everyMs,
      cancelled: false,
    };
    heap.push(timer);
    live += 1;
    return () => {
      if (timer.cancelled) return;
      // Left in the heap and skipped when it comes up: cancelling stays O(1).
      timer.cancelled = true;
      live -= 1;
    };
  };
  return {
    ...fromMs(() => ms, {
      after: (delay, run) => add(delay, run, null),
      // An interval of 0 would fire forever within one advance.
      every: (period, run) => add(Math.max(1, period), run, Math.max(1, period)),
    }),
    advance(by) {
      if (by < 0) throw new RangeError('a clock does not run backwards');
      const until = ms + by;
      for (let t = heap.peek(); t !== undefined && t.due <= until; t = heap.peek()) {
        heap.pop();
        if (t.cancelled) continue;
        ms = Math.max(ms, t.due);
        if (t.everyMs === null) {
          t.cancelled = true;
          live -= 1;
        } else {
          t.due += t.everyMs;
          seq += 1;
          t.seq = seq;
          heap.push(t);
        }
        t.run();
      }
      ms = until;
    },
    pending: () => live,
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
