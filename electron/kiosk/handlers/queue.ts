import { err, ok } from '../../../core/result';
import type { HandlerGroup, KioskContext } from '../context';

type QueueMethods = 'getQueueStatus' | 'syncNow';

/** The outbox for staff (guide or technician): counts, ages, the last error, "sync now". No personal data. */
export function queueHandlers(ctx: KioskContext): HandlerGroup<QueueMethods> {
  const staffRole = () => {
    const role = ctx.staff.current();
    if (role !== null) ctx.staff.touch();
    return role;
  };
  return {
    async getQueueStatus() {
      if (staffRole() === null) return err('staff_locked', 'a guide or technician PIN is required');
      const summary = ctx.outbox.summary(ctx.clock.now());
      return ok({
        counts: { ...summary.counts },
        oldestWaitingSeconds: summary.oldestWaitingSeconds,
        lastError: summary.lastError,
        backOfficeConfigured: ctx.sync !== null,
        link: ctx.sync?.link() ?? {
          reachable: null,
          lastContactAt: null,
          lastProblem: null,
          pausedUntil: null,
          sending: 0,
        },
        storage: ctx.storage(),
      });
    },
    async syncNow() {
      const role = staffRole();
      if (role === null) return err('staff_locked', 'a guide or technician PIN is required');
      if (ctx.sync === null)
        return err('no_back_office', 'no back office is configured on this kiosk');
      const due = ctx.sync.syncNow();
      ctx.audit.record(role, 'sync.sync_now', { due });
      ctx.log.info('sync.sync_now', { role, due });
      return ok({ due });
    },
  };
}
