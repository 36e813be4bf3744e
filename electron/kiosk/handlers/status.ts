import { parseApplicationNumber, type ApplicationNo } from '../../../core/ids';
import { err, ok, type KioskError, type Result } from '../../../core/result';
import type { ApplicationStatusView } from '../../../core/api/contract';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type StatusDeps = Pick<KioskParts, 'config' | 'ruleSet' | 'store' | 'sync'>;

/**
 * A slip's state: the back office's answer when it gives one in time, the
 * kiosk's own record otherwise. Whoever stands at the kiosk holding the slip
 * sees the state and dates, never the applicant's details.
 */
async function lookUpStatus(
  ctx: StatusDeps,
  applicationNo: ApplicationNo,
): Promise<Result<ApplicationStatusView, KioskError<'not_found'>>> {
  const local = ctx.store.findByNumber(applicationNo);
  // Not yet sent: the back office cannot know it, so do not make the citizen wait for its 404.
  const askBackOffice =
    local === null || local.outboxState === 'accepted' || local.outboxState === 'rejected';
  const remote = askBackOffice && ctx.sync !== null ? await ctx.sync.lookup(applicationNo) : null;
  const fromBackOffice = remote?.kind === 'ok' ? remote.value : null;
  if (local === null && fromBackOffice === null) {
    return err(
      'not_found',
      remote === null || remote.kind === 'not_found'
        ? 'no application with that number'
        : 'not on this kiosk and the back office did not answer',
    );
  }
  const serviceId = local?.serviceId ?? fromBackOffice?.serviceId ?? null;
  const rule = serviceId === null ? undefined : ctx.ruleSet.rules.get(serviceId)?.rule;
  return ok({
    applicationNo,
    serviceName: rule?.name ?? null,
    submittedAt: local?.createdAt ?? fromBackOffice?.submittedAt ?? null,
    // Only the back office knows when the window accepted, which is when the time limit starts.
    dueDate: fromBackOffice?.dueDate ?? null,
    source: fromBackOffice === null ? 'kiosk' : 'back_office',
    sync: local?.outboxState ?? null,
    status: local?.status ?? null,
    backOffice:
      fromBackOffice === null
        ? null
        : {
            state: fromBackOffice.state,
            reason: fromBackOffice.reason ?? null,
            updatedAt: fromBackOffice.updatedAt,
          },
    acceptanceNo: fromBackOffice?.acceptanceNo ?? local?.acceptanceNo ?? null,
    rejectedReason: local?.rejectedReason ?? null,
    backOfficeConfigured: ctx.config.backOffice !== null,
  });
}

/** Holding a slip's QR code to the scanner, or typing its number. */
export function statusHandlers(ctx: StatusDeps): HandlerGroup<'getApplicationStatus'> {
  return {
    async getApplicationStatus({ applicationNo }) {
      const normalized = parseApplicationNumber(applicationNo);
      if (normalized === null) {
        return err('bad_application_number', 'not a valid application number');
      }
      return lookUpStatus(ctx, normalized);
    },
  };
}
