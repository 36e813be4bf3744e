import { err, ok } from '../../../core/result';
import type { PaymentDesk } from '../../payment/desk';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type QueueDeps = Pick<
  KioskParts,
  'audit' | 'clock' | 'log' | 'outbox' | 'storage' | 'sync'
> & {
  readonly payments: Pick<PaymentDesk, 'unsettled'>;
};

type QueueMethods = 'getQueueStatus' | 'syncNow';

/** The outbox for staff (dispatch lets only a guide or technician here): counts, ages, the last error, "sync now". */
export function queueHandlers(ctx: QueueDeps): HandlerGroup<QueueMethods> {
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
    async syncNow(_input, { role }) {
      if (ctx.sync === null) {
        return err('no_back_office', 'no back office is configured on this kiosk');
      }
      const due = ctx.sync.syncNow();
      ctx.audit.record(role, 'sync.sync_now', { due });
      ctx.log.info('sync.sync_now', { role, due });
      return ok({ due });
    },
  };
}
