import { err, ok } from '../../../core/result';
import type { HandlerGroup, KioskContext } from '../context';

type QueueMethods = 'getQueueStatus' | 'syncNow';

/** The outbox for staff (dispatch lets only a guide or technician here): counts, ages, the last error, "sync now". */
export function queueHandlers(ctx: KioskContext): HandlerGroup<QueueMethods> {
  return {
    async getQueueStatus() {
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
        payments: ctx.payments
          .unsettled()
          .map(({ orderNo, applicationNo, amountFen, state, attention }) => ({
            orderNo,
            applicationNo,
            amountFen,
            state,
            attention,
          })),
      });
    },
    async syncNow() {
      if (ctx.sync === null) {
        return err('no_back_office', 'no back office is configured on this kiosk');
      }
      const role = ctx.staff.current() ?? 'guide';
      const due = ctx.sync.syncNow();
      ctx.audit.record(role, 'sync.sync_now', { due });
      ctx.log.info('sync.sync_now', { role, due });
      return ok({ due });
    },
  };
}
