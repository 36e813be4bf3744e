import type { Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import { coalescedAudit } from '../audit/coalesce';
import type { Logger } from '../shared/log';
import { retryDelayMs, type BackoffPolicy } from './backoff';

/** What the queue view shows about the link to the back office; nothing personal. */
export interface SyncLinkStatus {
  /** null until the first answer (or failure) since start. */
  readonly reachable: boolean | null;
  readonly lastContactAt: string | null;
  readonly lastProblem: string | null;
  /** The whole queue waits until then after repeated failures (backoff, Retry-After). */
  readonly pausedUntil: string | null;
  readonly sending: number;
}

/** Which call found the back office again: a request's return also sends a heartbeat at once. */
export type ContactBy = 'heartbeat' | 'request';

/**
 * Whether the back office answers, and how long the whole queue holds back
 * from it: shared by the outbox pump and the heartbeat, audited on each
 * change (a flapping link folded into one line a minute).
 */
export interface SyncLink {
  /** An answer (`ok`) or a failure to get one; audits a change of state. */
  contact(ok: boolean, problem: string | null, by?: ContactBy): void;
  /** Called when the back office answers again after being unreachable. */
  onBack(listener: (by: ContactBy) => void): void;
  /** A request must be tried again: the queue pauses for the back office's sake; returns the pause. */
  failed(retryAfterMs: number | null): void;
  /** Holds the queue until at least `untilMs` (a refused database write). */
  holdUntil(untilMs: number): void;
  /** Staff pressed "sync now": no pause, no backoff. */
  resume(): void;
  /** The instant the queue may send again (0: now). */
  pausedUntilMs(): number;
  status(sending: number): SyncLinkStatus;
  stop(): void;
}

export interface SyncLinkOptions {
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly log: Logger;
  readonly policy: BackoffPolicy;
  readonly random: () => number;
}

export function createSyncLink(options: SyncLinkOptions): SyncLink {
  const { clock, audit, log, policy, random } = options;
  let pausedUntil = 0;
  let consecutiveFailures = 0;
  let reachable: boolean | null = null;
  let lastContactAt: string | null = null;
  let lastProblem: string | null = null;
  let downSince = 0;
  const backListeners: ((by: ContactBy) => void)[] = [];
  // A flaky link went up and down 341 times in 4 minutes: one line per change, then one per minute.
  const changes = coalescedAudit(audit, 'sync', 'sync.back_office_flapping', clock);

  /**
   * Back after an outage, the queue waits a random part of the outage (at most
   * the retry cap) before it drains: a city's kiosks all see the back office
   * return within one heartbeat, and would otherwise send every application
   * they queued in the same minute. A blip of seconds costs seconds; an hour
   * costs each kiosk up to `retryCapMs` (5 min), spread evenly over the fleet.
   */
  const recoverySpread = (nowMs: number): number =>
    nowMs + Math.floor(random() * Math.min(policy.capMs, Math.max(0, nowMs - downSince)));

  const audited = (ok: boolean, problem: string | null): void => {
    const write = (): void => {
      if (ok) audit.record('sync', 'sync.back_office_reachable', {});
      else audit.record('sync', 'sync.back_office_unreachable', { problem });
    };
    // The first contact after start is not a change; only later ones can flap.
    if (reachable === null) write();
    else changes.change('back-office', ok ? 'reachable' : 'unreachable', write);
    log[ok ? 'info' : 'warn'](ok ? 'sync.reachable' : 'sync.unreachable', { problem });
  };

  return {
    contact(ok, problem, by = 'request') {
      const nowMs = clock.nowMs();
      const wasDown = reachable === false;
      if (ok) {
        lastContactAt = new Date(nowMs).toISOString();
        consecutiveFailures = 0;
        pausedUntil = wasDown ? recoverySpread(nowMs) : 0;
      }
      if (!ok && reachable !== false) downSince = nowMs;
      if (reachable !== ok) audited(ok, problem);
      reachable = ok;
      lastProblem = problem;
      if (ok && wasDown) for (const listener of backListeners) listener(by);
    },
    onBack(listener) {
      backListeners.push(listener);
    },
    failed(retryAfterMs) {
      consecutiveFailures += 1;
      // The back office is unwell: hold the whole queue, not just one application, so it is not hammered.
      const pause = retryAfterMs ?? retryDelayMs(consecutiveFailures, policy, random);
      pausedUntil = Math.max(pausedUntil, clock.nowMs() + pause);
    },
    holdUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
    },
    resume() {
      pausedUntil = 0;
      consecutiveFailures = 0;
    },
    pausedUntilMs: () => pausedUntil,
    status(sending) {
      return {
        reachable,
        lastContactAt,
        lastProblem,
        pausedUntil: pausedUntil > clock.nowMs() ? new Date(pausedUntil).toISOString() : null,
        sending,
      };
    },
    stop() {
      changes.stop();
    },
  };
}
