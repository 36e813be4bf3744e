import { ok } from '../../../core/result';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type HelpDeps = Pick<KioskParts, 'help'>;

/** 呼叫工作人员 and its answer; the help desk audits both, without personal data. */
export function helpHandlers(
  ctx: HelpDeps,
): HandlerGroup<'callStaff' | 'getHelpRequest' | 'answerStaffCall'> {
  return {
    async callStaff({ screen }) {
      return ok(ctx.help.request(screen));
    },
    async getHelpRequest() {
      return ok(ctx.help.current());
    },
    async answerStaffCall(_input, { role }) {
      return ok({ answered: role !== 'citizen' && ctx.help.answer(role) });
    },
  };
}
