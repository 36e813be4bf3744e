import type { Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../shared/log';
import type { EvaluationStore } from '../store/evaluations';
import type { BackOfficeClient } from './client';

/** How many ratings one round sends: they are small, and a round ends at the first failure. */
const PER_ROUND = 20;

/**
 * Sends the waiting 好差评 to the back office (POST /evaluations), each with
 * its own id as the idempotency key, so one whose answer was lost is held
 * there once however often it is sent again. Runs after a rating and after
 * each heartbeat; a failure leaves the rest for the next round.
 */
export function createEvaluationSender(deps: {
  readonly store: EvaluationStore;
  readonly client: Pick<BackOfficeClient, 'submitEvaluation'>;
  readonly clock: Clock;
  readonly log: Logger;
  readonly audit: AuditLog;
}) {
  let running: Promise<number> | null = null;
  const round = async (): Promise<number> => {
    let sent = 0;
    for (const body of deps.store.waiting(PER_ROUND)) {
      const answer = await deps.client.submitEvaluation(body);
      const at = deps.clock.now().toISOString();
      switch (answer.kind) {
        case 'ok':
          deps.store.delivered(body.evaluationId, 'sent', at);
          deps.audit.record('system', 'evaluation.sent', { application: body.applicationNo });
          sent += 1;
          break;
        case 'rejected':
          // Refused for good (a body the back office cannot file): kept no longer, and said.
          deps.store.delivered(body.evaluationId, 'refused', at);
          deps.log.warn('evaluation.refused', { application: body.applicationNo });
          deps.audit.record('system', 'evaluation.refused', {
            application: body.applicationNo,
            reason: answer.reason.slice(0, 120),
          });
          break;
        case 'retry':
        case 'attention':
        case 'not_found':
          return sent;
      }
    }
    return sent;
  };
  return {
    /** One round, never two at once (a second call shares the running one). */
    send(): Promise<number> {
      running ??= round().finally(() => (running = null));
      return running;
    },
  };
}

export type EvaluationSender = ReturnType<typeof createEvaluationSender>;
