import { err, errFacts, ok } from '../../../core/result';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type StaffDeps = Pick<KioskParts, 'audit' | 'emit' | 'log' | 'sessions' | 'staff'>;

/** Staff PIN sign-in with lockout, sign-out, and who is signed in. No personal data here. */
export function staffHandlers(
  ctx: StaffDeps,
): HandlerGroup<'staffUnlock' | 'staffLock' | 'staffStatus'> {
  return {
    async staffUnlock({ role, pin }) {
      const result = await ctx.staff.unlock(role, pin);
      if (result.ok) {
        ctx.log.info('staff.unlock', { role });
        ctx.audit.record(role, 'staff.unlock', { session: ctx.sessions.current()?.id ?? null });
        ctx.emit('staffChanged', { role });
        return ok({ role });
      }
      ctx.log.warn('staff.unlock_refused', { role, reason: result.reason });
      ctx.audit.record('system', 'staff.unlock_refused', { role, reason: result.reason });
      switch (result.reason) {
        case 'no_pin_configured':
          return err('no_pin_configured', `no ${role} PIN is configured`);
        case 'wrong_pin':
          return errFacts('wrong_pin', 'wrong PIN', {
            attemptsBeforeLockout: result.attemptsBeforeLockout,
          });
        case 'locked_out':
          return errFacts('locked_out', 'too many wrong PINs', {
            retryAfterSeconds: result.retryAfterSeconds,
          });
      }
    },
    async staffLock() {
      // Audited and announced where every sign-in ends (service.ts, staff.onEnd).
      ctx.staff.lock();
      return ok({});
    },
    async staffStatus(_input, { role }) {
      return ok({ role: role === 'citizen' ? null : role });
    },
  };
}
