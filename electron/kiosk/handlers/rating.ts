import { randomUUID } from 'node:crypto';
import { err, ok } from '../../../core/result';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type RatingDeps = Pick<
  KioskParts,
  'audit' | 'clock' | 'config' | 'evaluations' | 'sendEvaluations' | 'sessions'
>;

/**
 * 好差评 for the application this session submitted: stored (sealed) in its own
 * queue and sent to the back office at once, or after the next heartbeat when
 * it is away. Tied to the application number; the audit says what was rated,
 * never the callback number.
 */
export function ratingHandlers(ctx: RatingDeps): HandlerGroup<'rateService'> {
  return {
    async rateService({ rating, reasons, callback }) {
      const session = ctx.sessions.current();
      if (session === null) return err('no_session', 'no citizen session is open');
      const slip = session.slip;
      if (slip === null) return err('no_slip', 'nothing was submitted in this session');
      const added = ctx.evaluations.add({
        evaluationId: randomUUID(),
        applicationNo: slip.applicationNo,
        serviceId: session.serviceId,
        stationCode: ctx.config.station.code,
        kioskId: ctx.config.kioskId,
        channel: 'self_service_terminal',
        rating,
        reasons: [...reasons],
        callbackPhone: callback?.phone ?? null,
        ratedAt: ctx.clock.now().toISOString(),
      });
      if (!added.ok) return added;
      ctx.audit.record('citizen', 'evaluation.rated', {
        session: session.id,
        application: slip.applicationNo,
        rating,
        reasons: reasons.join(','),
        callback: callback !== null,
      });
      ctx.sendEvaluations();
      return ok({});
    },
  };
}
