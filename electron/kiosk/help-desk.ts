import type { Clock } from '../../core/clock';
import type { HelpRequest } from '../../core/help-request';
import type { HelpScreen } from '../../core/help-screens';
import type { StaffRole } from '../../core/status';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../shared/log';

/** The one open call for a hall guide on this kiosk, if any. */
export interface HelpDesk {
  /**
   * A citizen asks; pressing again while the call is open keeps the first time
   * (and tries the back office again if the call did not get through).
   */
  request(screen: HelpScreen): HelpRequest;
  /** A signed-in guide or technician came; false when no call was open. */
  answer(role: StaffRole): boolean;
  current(): HelpRequest | null;
  /** Told of every change: the screens (an event) and the back office (a heartbeat now). */
  onChange(listener: (request: HelpRequest | null) => void): void;
}

export function createHelpDesk(deps: {
  readonly clock: Clock;
  readonly audit: Pick<AuditLog, 'record'>;
  readonly log: Logger;
  /**
   * Tells the back office now (a heartbeat carrying the call): whether it took
   * it; null where there is no back office to tell.
   */
  readonly notify: () => Promise<boolean> | null;
}): HelpDesk {
  let open: HelpRequest | null = null;
  const listeners: ((request: HelpRequest | null) => void)[] = [];
  const changed = (): void => {
    for (const listener of listeners) listener(open);
  };
  const send = (call: HelpRequest): HelpRequest => {
    // Open before the back office is told: the heartbeat it sends reads the call from here.
    const asked: HelpRequest = { ...call, delivery: 'sending' };
    open = asked;
    const sent = deps.notify();
    if (sent === null) {
      open = { ...call, delivery: 'not_sent' };
      return open;
    }
    void sent.then(
      (took) => settle(asked, took),
      () => settle(asked, false),
    );
    return open;
  };
  const settle = (asked: HelpRequest, took: boolean): void => {
    // Answered or asked again meanwhile: this answer is about a call that is no longer open.
    if (open !== asked) return;
    open = { ...asked, delivery: took ? 'sent' : 'not_sent' };
    if (!took) deps.log.warn('help.not_delivered', { screen: asked.screen });
    changed();
  };
  return {
    request(screen) {
      if (open !== null && open.delivery !== 'not_sent') return open;
      if (open === null) {
        deps.log.info('help.requested', { screen });
        deps.audit.record('citizen', 'help.requested', { screen });
      }
      const call = send(
        open ?? { since: deps.clock.now().toISOString(), screen, delivery: 'sending' },
      );
      changed();
      return call;
    },
    answer(role) {
      if (open === null) return false;
      const waitedSeconds = Math.max(
        0,
        Math.round((deps.clock.nowMs() - Date.parse(open.since)) / 1000),
      );
      open = null;
      deps.log.info('help.answered', { role, waitedSeconds });
      deps.audit.record(role, 'help.answered', { waitedSeconds });
      changed();
      return true;
    },
    current: () => open,
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
