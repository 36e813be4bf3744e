import { ok } from '../../../core/result';
import type { HandlerGroup, KioskContext } from '../context';

/** 呼叫工作人员 and its answer; the help desk audits both, without personal data. */
export function helpHandlers(
  ctx: KioskContext,
): HandlerGroup<'callStaff' | 'getHelpRequest' | 'answerStaffCall'> {
  return {
    async callStaff({ screen }) {
      return ok(ctx.help.request(screen));
    },
    async getHelpRequest() {
      return ok(ctx.help.current());
    },
    async answerStaffCall() {
      const role = ctx.staff.current();
      return ok({ answered: role !== null && ctx.help.answer(role) });
    },
  };
}
