import { assertNever } from '../../../base/assert-never';
import { err, ok } from '../../../core/result';
import type { PaymentDesk } from '../../payment/desk';
import type { HandlerGroup, KioskParts } from '../context';
import type { FaceDesk } from '../face-desk';

/** What these handlers use of the kiosk, and nothing else. */
export type GuideDeps = Pick<KioskParts, 'audit' | 'log' | 'ruleSet' | 'sessions'> & {
  readonly face: Pick<FaceDesk, 'toWindow'>;
  readonly payments: Pick<PaymentDesk, 'abandon'>;
};

/**
 * The hall guide's help for the citizen at the screen: elder mode, voice,
 * skipping optional questions, the green channel with a reason, filling in
 * on the citizen's behalf. Each is kept in the session (so the review screen
 * and the slip show it) and written to the audit log as guide-assisted.
 */
export function guideHandlers(ctx: GuideDeps): HandlerGroup<'guideAction'> {
  return {
    async guideAction(action, { role }) {
      const session = ctx.sessions.current();
      if (session === null) return err('no_session', 'no citizen session is open');
      const assistance = session.assistance;
      switch (action.action) {
        case 'greenChannel':
          if (
            action.reason !== null &&
            !ctx.ruleSet.guideReasons.some((r) => r.id === action.reason)
          ) {
            return err(
              'unknown_reason',
              `no green-channel reason "${action.reason}" in common.json`,
            );
          }
          assistance.greenChannelReason = action.reason;
          break;
        case 'fillOnBehalf':
          assistance.fillOnBehalf = action.on;
          break;
        case 'skipOptional':
          assistance.skipOptional = action.on;
          break;
        case 'elderMode':
          assistance.elderMode = action.on;
          break;
        case 'voice':
          assistance.voice = action.on;
          break;
        case 'audioOnly':
          assistance.audioOnly = action.on;
          break;
        case 'faceAtWindow':
          assistance.faceAtWindow = true;
          ctx.face.toWindow(session);
          break;
        case 'payAtWindow':
          assistance.payAtWindow = true;
          if (session.payment !== null)
            await ctx.payments.abandon(session.payment.orderNo, 'window');
          break;
        default:
          return assertNever(action, 'guide action');
      }
      assistance.assisted = true;
      const value = action.action === 'greenChannel' ? action.reason : action.on;
      ctx.audit.record(role, `guide.${action.action}`, {
        session: session.id,
        service: session.serviceId,
        value,
      });
      ctx.log.info('guide.action', { action: action.action, session: session.id });
      return ok({ ...assistance });
    },
  };
}
