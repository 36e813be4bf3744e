import type { Cancel, Clock } from '../../core/clock';
import type { AuditLog } from './audit-log';
import type { AuditActor } from './chain';
import type { FlappingAction } from './events';

/**
 * A link that flaps (a loose USB cable, a back office behind a bad router)
 * changes state many times a minute. Each change is worth knowing, but not as
 * a line each: the first change of a subject is written at once, the ones in
 * the next `windowMs` are folded into one summary line when the window
 * closes. Pure: time comes in as an argument.
 */
export interface Coalescer {
  /**
   * A change of `subject` to `state`. `write` says whether to write this
   * change now; `summary` is a closed window's count, written before it.
   */
  change(
    subject: string,
    state: string,
    nowMs: number,
  ): { readonly write: boolean; readonly summary: Summary | null };
  /** Windows that have closed with changes folded in: write these. */
  due(nowMs: number): Summary[];
  /** Windows still open. */
  open(): number;
}

export interface Summary {
  readonly subject: string;
  /** Changes folded into this line rather than written one by one. */
  readonly changes: number;
  /** The state at the last folded change. */
  readonly state: string;
  readonly overSeconds: number;
}

export function createCoalescer(windowMs: number): Coalescer {
  const windows = new Map<string, { until: number; folded: number; state: string }>();
  const close = (subject: string): Summary | null => {
    const w = windows.get(subject);
    windows.delete(subject);
    return w === undefined || w.folded === 0
      ? null
      : { subject, changes: w.folded, state: w.state, overSeconds: Math.round(windowMs / 1000) };
  };
  return {
    change(subject, state, nowMs) {
      const open = windows.get(subject);
      if (open !== undefined && nowMs < open.until) {
        open.folded += 1;
        open.state = state;
        return { write: false, summary: null };
      }
      const summary = close(subject);
      windows.set(subject, { until: nowMs + windowMs, folded: 0, state });
      return { write: true, summary };
    },
    due(nowMs) {
      const closed: Summary[] = [];
      for (const [subject, w] of windows) {
        if (nowMs < w.until) continue;
        const summary = close(subject);
        if (summary !== null) closed.push(summary);
      }
      return closed;
    },
    open: () => windows.size,
  };
}

/** One minute: a flapping link costs at most two audit lines a minute. */
export const LINK_WINDOW_MS = 60_000;

/** The audit side: changes written through a coalescer, summaries flushed by a timer. */
export interface CoalescedAudit {
  change(subject: string, state: string, write: () => void): void;
  /** Writes summaries still open (at stop): nothing folded is lost. */
  stop(): void;
}

export function coalescedAudit(
  audit: Pick<AuditLog, 'record'>,
  actor: AuditActor,
  summaryAction: FlappingAction,
  clock: Clock,
  windowMs = LINK_WINDOW_MS,
): CoalescedAudit {
  const coalescer = createCoalescer(windowMs);
  const record = (s: Summary): void =>
    audit.record(actor, summaryAction, {
      subject: s.subject,
      changes: s.changes,
      state: s.state,
      overSeconds: s.overSeconds,
    });
  // Runs only while a window is open, so an idle kiosk has no timer for it.
  let timer: Cancel | null = null;
  const flush = (): void => {
    coalescer.due(clock.nowMs()).forEach(record);
    if (coalescer.open() === 0 && timer !== null) {
      timer();
      timer = null;
    }
  };
  return {
    change(subject, state, write) {
      const { write: now, summary } = coalescer.change(subject, state, clock.nowMs());
      if (summary !== null) record(summary);
      if (now) write();
      timer ??= clock.every(Math.min(windowMs, 10_000), flush, { background: true });
    },
    stop() {
      timer?.();
      timer = null;
      coalescer.due(Number.POSITIVE_INFINITY).forEach(record);
    },
  };
}
