import type { Clock } from '../../core/clock';
import type { HelpRequest } from '../../core/help-request';
import type { HelpScreen } from '../../core/help-screens';
import type { StaffRole } from '../../core/status';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../shared/log';

/** The one open call for a hall guide on this kiosk, if any. */
export interface HelpDesk {
  /** A citizen asks; pressing again while the call is open keeps the first time. */
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
}): HelpDesk {
  let open: HelpRequest | null = null;
  const listeners: ((request: HelpRequest | null) => void)[] = [];
  const changed = (): void => {
    for (const listener of listeners) listener(open);
  };
  return {
    request(screen) {
      if (open !== null) return open;
      open = { since: deps.clock.now().toISOString(), screen };
      deps.log.info('help.requested', { screen });
      deps.audit.record('citizen', 'help.requested', { screen });
      changed();
      return open;
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
