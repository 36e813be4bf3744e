import { backOfficeBody } from '../../core/back-office-body';
import type { Cancel, Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import type { SyncConfig } from '../config/schema';
import type { Logger } from '../shared/log';
import type { ApplicationRecord } from '../store/applications';
import type { Outbox } from '../store/outbox';
import { retryDelayMs, type BackoffPolicy } from './backoff';
import type { Outcome } from './classify';
import type { BackOfficeClient } from './client';
import type { SyncLink } from './link';

/** The longest sync waits before trying the database again after it refused a write (a full disk). */
export const STORAGE_RETRY_MS = 15_000;

/**
 * Drains the outbox to the back office. Each application: attachments first
 * (each with its SHA-256), then the application itself with the idempotency
 * key it was given when it was created, so a resend after a crash, a timeout
 * or a "500 after storing" is recognised by the back office, not duplicated.
 * Failures back off per application and, through the link, for the whole queue.
 */
export interface OutboxPump {
  /** Requeues what a killed kiosk left "sending", then sends what is due. */
  start(): void;
  /** Sends what is due now (a new application, the back office back). */
  wake(): void;
  /** Every waiting application due at once; returns how many. */
  syncNow(): number;
  /** The database refused a write: wait, then requeue what it left "sending". */
  storageFailed(cause: unknown): void;
  sending(): number;
  stop(): Promise<void>;
}

interface StorageGuardParts {
  readonly outbox: Pick<Outbox, 'recoverInterrupted'>;
  readonly link: SyncLink;
  readonly clock: Clock;
  readonly log: Logger;
  readonly retryMs: number;
  readonly inFlight: () => number;
}

/**
 * The database refused a write (a full disk): nothing is lost — the
 * application stays "sending" and is queued again once writes work — and
 * the pump waits instead of crashing the kiosk from a timer.
 */
function storageGuard(parts: StorageGuardParts) {
  const { outbox, link, clock, log, retryMs } = parts;
  let fault: string | null = null;
  const storageFailed = (cause: unknown): void => {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (fault === null) log.error('sync.storage_refused', { message });
    fault = message;
    link.holdUntil(clock.nowMs() + retryMs);
  };
  return {
    retryMs,
    storageFailed,
    faulty: () => fault !== null,
    /** Once nothing is in flight, what a refused write left "sending" is queued again. */
    recover(): boolean {
      if (fault === null) return true;
      if (parts.inFlight() > 0) return false;
      try {
        const requeued = outbox.recoverInterrupted(clock.now().toISOString());
        log.info('sync.storage_recovered', { requeued });
        fault = null;
        return true;
      } catch (cause) {
        storageFailed(cause);
        return false;
      }
    },
  };
}

export interface OutboxPumpOptions {
  readonly outbox: Outbox;
  readonly client: Pick<BackOfficeClient, 'uploadAttachment' | 'submit'>;
  readonly link: SyncLink;
  readonly settings: Pick<SyncConfig, 'concurrency' | 'retryBaseMs' | 'retryCapMs'>;
  readonly kiosk: { readonly kioskId: string; readonly stationCode: string };
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: Logger;
  readonly audit: AuditLog;
}

type Submitted = Outcome<{ acceptanceNo: string }>;

export function createOutboxPump(options: OutboxPumpOptions): OutboxPump {
  const { outbox, client, link, settings, clock, log, audit } = options;
  const policy: BackoffPolicy = { baseMs: settings.retryBaseMs, capMs: settings.retryCapMs };
  const iso = (ms: number): string => new Date(ms).toISOString();
  const stamp = (): string => clock.now().toISOString();
  let stopped = true;
  let inFlight = new Set<Promise<void>>();
  // On the clock, not the machine's timers: the fleet simulation and the tests move time instead of waiting.
  let timer: Cancel | null = null;

  const storage = storageGuard({
    outbox,
    link,
    clock,
    log,
    retryMs: Math.min(settings.retryCapMs, STORAGE_RETRY_MS),
    inFlight: () => inFlight.size,
  });
  const { storageFailed, retryMs: storageRetryMs } = storage;
  const settle = (record: ApplicationRecord, outcome: Submitted): void => {
    // Stopping cut the connection: leave the application "sending"; the next start requeues it.
    if (stopped && outcome.kind === 'retry') return;
    try {
      settleOutcome(
        { outbox, link, clock, audit, log, policy, random: options.random },
        record,
        outcome,
      );
    } catch (cause) {
      storageFailed(cause);
    }
  };

  const send = (record: ApplicationRecord): Promise<void> =>
    sendApplication({ outbox, client, kiosk: options.kiosk, clock, audit }, record, (outcome) =>
      settle(record, outcome),
    );

  const arm = (delayMs: number): void => {
    timer?.();
    // The clock caps a delay at ~24.8 days; the pump re-arms itself anyway.
    timer = clock.after(delayMs, pump);
  };

  function pump(): void {
    try {
      pumpOnce();
    } catch (cause) {
      storageFailed(cause);
      if (!stopped && inFlight.size === 0) arm(storageRetryMs);
    }
  }

  function claim(nowMs: number): void {
    const free = settings.concurrency - inFlight.size;
    if (free <= 0) return;
    for (const record of outbox.claimDue(iso(nowMs), free)) {
      const task: Promise<void> = send(record)
        .catch((cause: unknown) => {
          // A bug, not a network failure: keep the application and say so.
          log.error('sync.send_crashed', {
            application: record.applicationNo,
            message: cause instanceof Error ? cause.message : String(cause),
          });
          settle(record, {
            kind: 'attention',
            reason: 'the kiosk failed while sending (see the kiosk log)',
          });
        })
        .finally(() => {
          inFlight.delete(task);
          pump();
        });
      inFlight.add(task);
    }
  }

  function pumpOnce(): void {
    if (stopped) return;
    timer?.();
    timer = null;
    const nowMs = clock.nowMs();
    const pausedUntil = link.pausedUntilMs();
    if (storage.faulty() && pausedUntil <= nowMs && !storage.recover()) {
      if (inFlight.size === 0) arm(storageRetryMs);
      return;
    }
    if (pausedUntil > nowMs) {
      if (inFlight.size === 0) arm(pausedUntil - nowMs);
      return;
    }
    claim(nowMs);
    if (inFlight.size === 0) {
      // The queue paused: empty the WAL of what the purges left there.
      outbox.flushPurges();
      const next = outbox.nextDueAt();
      if (next !== null) arm(Date.parse(next) - nowMs);
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      requeueInterrupted(options, storageFailed);
      pump();
    },
    wake: pump,
    syncNow() {
      let count: number;
      try {
        count = outbox.makeAllDue(stamp());
      } catch (cause) {
        storageFailed(cause);
        return 0;
      }
      link.resume();
      pump();
      return count;
    },
    storageFailed,
    sending: () => inFlight.size,
    async stop() {
      stopped = true;
      timer?.();
      timer = null;
      await Promise.allSettled([...inFlight]);
      inFlight = new Set();
    },
  };
}

/** What a killed or stopped kiosk left "sending" goes back in the queue (the back office dedupes a resend). */
function requeueInterrupted(
  parts: Pick<OutboxPumpOptions, 'outbox' | 'clock' | 'log' | 'audit'>,
  storageFailed: (cause: unknown) => void,
): void {
  let recovered = 0;
  try {
    recovered = parts.outbox.recoverInterrupted(parts.clock.now().toISOString());
  } catch (cause) {
    storageFailed(cause);
  }
  if (recovered > 0) {
    parts.log.warn('sync.recovered_interrupted', { count: recovered });
    parts.audit.record('sync', 'sync.resumed_after_interruption', { count: recovered });
  }
}

interface SettleParts {
  readonly outbox: Outbox;
  readonly link: SyncLink;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly log: Logger;
  readonly policy: BackoffPolicy;
  readonly random: () => number;
}

/** Records what the back office said of one application, and what the link learnt from it. */
function settleOutcome(parts: SettleParts, record: ApplicationRecord, outcome: Submitted): void {
  const { outbox, link, audit, log, policy } = parts;
  const at = parts.clock.now();
  const stamp = at.toISOString();
  const iso = (ms: number): string => new Date(ms).toISOString();
  switch (outcome.kind) {
    case 'ok':
      outbox.markAccepted(record.id, outcome.value.acceptanceNo, stamp);
      link.contact(true, null);
      audit.record('sync', 'sync.accepted', {
        application: record.applicationNo,
        acceptanceNo: outcome.value.acceptanceNo,
        attempts: record.attempts + 1,
      });
      return;
    case 'rejected':
      outbox.markRejected(record.id, outcome.reason, stamp);
      link.contact(true, null);
      audit.record('sync', 'sync.rejected', {
        application: record.applicationNo,
        reason: outcome.reason.slice(0, 200),
      });
      return;
    case 'attention':
    case 'not_found': {
      const reason =
        outcome.kind === 'attention'
          ? outcome.reason
          : 'HTTP 404: the back office has no such endpoint (check backOffice.url)';
      // Someone has to act (certificate, URL, conflict); look again at the slow pace in the meantime.
      outbox.scheduleRetry(
        record.id,
        'needs_attention',
        iso(at.getTime() + policy.capMs),
        reason,
        stamp,
      );
      link.contact(outcome.kind === 'not_found', reason);
      if (record.outboxState !== 'needs_attention') {
        audit.record('sync', 'sync.needs_attention', {
          application: record.applicationNo,
          reason: reason.slice(0, 200),
        });
      }
      log.warn('sync.needs_attention', { application: record.applicationNo, reason });
      return;
    }
    case 'retry': {
      const delay = retryDelayMs(record.attempts, policy, parts.random, outcome.retryAfterMs);
      outbox.scheduleRetry(record.id, 'queued', iso(at.getTime() + delay), outcome.reason, stamp);
      link.failed(outcome.retryAfterMs ?? null);
      link.contact(false, outcome.reason);
      log.warn('sync.retry', {
        application: record.applicationNo,
        attempt: record.attempts + 1,
        delayMs: delay,
        reason: outcome.reason,
      });
      return;
    }
  }
}

interface SendParts {
  readonly outbox: Outbox;
  readonly client: Pick<BackOfficeClient, 'uploadAttachment' | 'submit'>;
  readonly kiosk: { readonly kioskId: string; readonly stationCode: string };
  readonly clock: Clock;
  readonly audit: AuditLog;
}

/** Uploads one application's scans not yet taken, then the application; `settle` hears the answer. */
async function sendApplication(
  parts: SendParts,
  record: ApplicationRecord,
  settle: (outcome: Submitted) => void,
): Promise<void> {
  const { outbox, client } = parts;
  const payload = outbox.readPayload(record.id);
  if (!payload.ok) {
    if (record.outboxState !== 'needs_attention') {
      // Refused, never cast: the technician finds which application and why in the audit log.
      parts.audit.record('sync', 'application.payload_refused', {
        application: record.applicationNo,
        code: payload.error.code,
      });
    }
    settle({
      kind: 'attention',
      reason: `the stored application cannot be read (${payload.error.code}); the data key or the database file changed`,
    });
    return;
  }
  const attachments = outbox.attachments(record.id);
  // Scans go up side by side; each is idempotent on the server (same id, same SHA-256), so a retry may resend one.
  const uploads = await Promise.all(
    attachments
      .filter((a) => !a.uploaded)
      .map(async (attachment): Promise<Outcome<unknown> & { readonly id: string }> => {
        const bytes = outbox.readAttachment(attachment.id);
        if (!bytes.ok)
          return {
            id: attachment.id,
            kind: 'attention',
            reason: `attachment ${attachment.id} cannot be read (${bytes.error.code})`,
          };
        const outcome = await client.uploadAttachment(
          record.applicationNo,
          attachment.id,
          bytes.value,
          attachment.sha256,
          attachment.mediaType,
        );
        return { ...outcome, id: attachment.id };
      }),
  );
  // Remembered only if this attempt does not end in acceptance: on the happy path the purge makes it moot,
  // and every transaction is an fsync.
  const uploaded = uploads.filter((u) => u.kind === 'ok').map((u) => u.id);
  const rememberUploads = (): void => {
    if (uploaded.length > 0)
      outbox.markAttachmentsUploaded(uploaded, parts.clock.now().toISOString());
  };
  const failed = uploads.find((u) => u.kind !== 'ok');
  if (failed !== undefined) {
    rememberUploads();
    settle(
      failed.kind === 'rejected'
        ? { kind: 'attention', reason: `attachment refused: ${failed.reason}` }
        : failed,
    );
    return;
  }
  const body = backOfficeBody(record, payload.value, attachments, parts.kiosk);
  const answer = await client.submit(body, record.idempotencyKey);
  if (answer.kind !== 'ok') rememberUploads();
  settle(answer);
}
