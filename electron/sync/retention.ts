import type { Cancel, Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import type { Outbox } from '../store/outbox';

const DAY_MS = 86_400_000;
const RETENTION_EVERY_MS = 3_600_000;

/**
 * What the kiosk keeps of finished applications (their status, for 查询)
 * goes after `days`: at start and every hour, audited with a count.
 */
export interface Retention {
  start(): void;
  stop(): void;
}

export interface RetentionOptions {
  readonly outbox: Pick<Outbox, 'deleteFinishedBefore'>;
  readonly days: number;
  readonly clock: Clock;
  readonly audit: AuditLog;
  /** The database refused the delete (a full disk): the pump waits for it too. */
  readonly storageFailed: (cause: unknown) => void;
}

export function createRetention(options: RetentionOptions): Retention {
  const { outbox, days, clock, audit } = options;
  let timer: Cancel | null = null;
  const purgeOld = (): void => {
    const before = new Date(clock.nowMs() - days * DAY_MS).toISOString();
    let deleted: number;
    try {
      deleted = outbox.deleteFinishedBefore(before);
    } catch (cause) {
      options.storageFailed(cause);
      return;
    }
    if (deleted > 0) audit.record('sync', 'sync.status_records_expired', { count: deleted, days });
  };
  return {
    start() {
      if (timer !== null) return;
      purgeOld();
      timer = clock.every(RETENTION_EVERY_MS, purgeOld);
    },
    stop() {
      timer?.();
      timer = null;
    },
  };
}
