import { backOfficeBody } from '../../core/back-office-body';
import type { Cancel, Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import { coalescedAudit } from '../audit/coalesce';
import type { SyncConfig } from '../config/schema';
import type { Logger } from '../shared/log';
import type { ApplicationRecord } from '../store/applications';
import type { Outbox } from '../store/outbox';
import { retryDelayMs, type BackoffPolicy } from './backoff';
import type { Outcome } from './classify';
import type { BackOfficeClient } from './client';
import type { BackOfficeStatus, HeartbeatBody, RulesDownload } from './protocol';

/** What the queue view shows about the link to the back office; nothing personal. */
export interface SyncLinkStatus {
  /** null until the first answer (or failure) since start. */
  readonly reachable: boolean | null;
  readonly lastContactAt: string | null;
  readonly lastProblem: string | null;
  /** The whole queue waits until then after repeated failures (backoff, Retry-After). */
  readonly pausedUntil: string | null;
  readonly sending: number;
}

export interface SyncWorker {
  start(): void;
  /** A new application was committed: send it now rather than at the next timer. */
  wake(): void;
  /** Staff pressed "sync now": every waiting application is due at once and the pause is lifted. */
  syncNow(): number;
  lookup(applicationNo: string): Promise<Outcome<BackOfficeStatus>>;
  /** Sends a heartbeat now, not at the next interval (a citizen called for help). */
  /** A heartbeat now: whether the back office took it (false when stopped or unreachable). */
  beatNow(): Promise<boolean>;
  /** Asks the back office for a signed rule bundle newer than `after`. */
  fetchRules(after: string | null): Promise<Outcome<RulesDownload>>;
  link(): SyncLinkStatus;
  stop(): Promise<void>;
}

export interface SyncWorkerOptions {
  readonly outbox: Outbox;
  readonly client: BackOfficeClient;
  readonly settings: SyncConfig;
  readonly kioskId: string;
  readonly stationCode: string;
  readonly version: string;
  readonly statusRetentionDays: number;
  readonly devices: () => HeartbeatBody['devices'];
  /** The open call for a hall guide, carried on every heartbeat. */
  readonly helpRequested?: () => HeartbeatBody['helpRequested'];
  readonly log: Logger;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly random?: () => number;
  /** The signed rule bundle in use, reported on every heartbeat. */
  readonly rulesVersion?: () => string | null;
  /** After each heartbeat the back office answered: the moment to ask it for newer rules. */
  readonly afterHeartbeat?: () => void;
}

const DAY_MS = 86_400_000;
const RETENTION_EVERY_MS = 3_600_000;
/** The longest sync waits before trying the database again after it refused a write (a full disk). */
export const STORAGE_RETRY_MS = 15_000;

/**
 * Drains the outbox to the back office. Each application: attachments first
 * (each with its SHA-256), then the application itself with the idempotency
 * key it was given when it was created, so a resend after a crash, a timeout
 * or a "500 after storing" is recognised by the back office, not duplicated.
 * Failures back off per application and, when the back office itself is
 * unwell, for the whole queue.
 */
export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { outbox, client, settings, log, audit } = options;
  const now = (): Date => options.clock.now();
  const random = options.random ?? Math.random;
  const policy: BackoffPolicy = { baseMs: settings.retryBaseMs, capMs: settings.retryCapMs };

  let stopped = true;
  let inFlight = new Set<Promise<void>>();
  // On the clock, not the machine's timers: the fleet simulation and the tests move time instead of waiting.
  let timer: Cancel | null = null;
  let heartbeatTimer: Cancel | null = null;
  let retentionTimer: Cancel | null = null;
  let pausedUntil = 0;
  let consecutiveFailures = 0;
  let reachable: boolean | null = null;
  // A flaky link went up and down 341 times in 4 minutes: one line per change, then one per minute.
  const linkChanges = coalescedAudit(audit, 'sync', 'sync.back_office_flapping', options.clock);
  let lastContactAt: string | null = null;
  let lastProblem: string | null = null;
  let downSince = 0;

  /**
   * Back after an outage, the queue waits a random part of the outage (at most
   * the retry cap) before it drains: a city's kiosks all see the back office
   * return within one heartbeat, and would otherwise send every application
   * they queued in the same minute. A blip of seconds costs seconds; an hour
   * costs each kiosk up to `retryCapMs` (5 min), spread evenly over the fleet.
   */
  const recoverySpread = (nowMs: number): number =>
    nowMs + Math.floor(random() * Math.min(policy.capMs, Math.max(0, nowMs - downSince)));

  const iso = (ms: number): string => new Date(ms).toISOString();

  const contact = (
    ok: boolean,
    problem: string | null,
    by: 'heartbeat' | 'request' = 'request',
  ): void => {
    const at = now().toISOString();
    // Back after an outage: the audit anchor (and any key) goes at once, not at the next heartbeat.
    if (ok && reachable === false && by === 'request') queueMicrotask(() => void beat());
    if (ok) {
      lastContactAt = at;
      consecutiveFailures = 0;
      pausedUntil = 0;
      if (reachable === false) pausedUntil = recoverySpread(now().getTime());
    }
    if (!ok && reachable !== false) downSince = now().getTime();
    if (reachable !== ok) {
      const write = (): void => {
        if (ok) audit.record('sync', 'sync.back_office_reachable', {});
        else audit.record('sync', 'sync.back_office_unreachable', { problem });
      };
      // The first contact after start is not a change; only later ones can flap.
      if (reachable === null) write();
      else linkChanges.change('back-office', ok ? 'reachable' : 'unreachable', write);
      log[ok ? 'info' : 'warn'](ok ? 'sync.reachable' : 'sync.unreachable', { problem });
    }
    reachable = ok;
    lastProblem = problem;
  };

  /**
   * The database refused a write (a full disk): nothing is lost — the
   * application stays "sending" and is queued again once writes work — and
   * the worker waits instead of crashing the kiosk from a timer.
   */
  let storageFault: string | null = null;
  const storageRetryMs = Math.min(settings.retryCapMs, STORAGE_RETRY_MS);
  const storageFailed = (cause: unknown): void => {
    const message = cause instanceof Error ? cause.message : String(cause);
    if (storageFault === null) log.error('sync.storage_refused', { message });
    storageFault = message;
    pausedUntil = Math.max(pausedUntil, now().getTime() + storageRetryMs);
  };
  /** Once nothing is in flight, what a refused write left "sending" is queued again. */
  const recoverStorage = (): boolean => {
    if (storageFault === null) return true;
    if (inFlight.size > 0) return false;
    try {
      const requeued = outbox.recoverInterrupted(now().toISOString());
      log.info('sync.storage_recovered', { requeued });
      storageFault = null;
      return true;
    } catch (cause) {
      storageFailed(cause);
      return false;
    }
  };

  const settle = (record: ApplicationRecord, outcome: Outcome<{ acceptanceNo: string }>): void => {
    try {
      settleOutcome(record, outcome);
    } catch (cause) {
      storageFailed(cause);
    }
  };

  const settleOutcome = (
    record: ApplicationRecord,
    outcome: Outcome<{ acceptanceNo: string }>,
  ): void => {
    // Stopping cut the connection: leave the application "sending"; the next start requeues it.
    if (stopped && outcome.kind === 'retry') return;
    const at = now();
    const stamp = at.toISOString();
    switch (outcome.kind) {
      case 'ok':
        outbox.markAccepted(record.id, outcome.value.acceptanceNo, stamp);
        contact(true, null);
        audit.record('sync', 'sync.accepted', {
          application: record.applicationNo,
          acceptanceNo: outcome.value.acceptanceNo,
          attempts: record.attempts + 1,
        });
        return;
      case 'rejected':
        outbox.markRejected(record.id, outcome.reason, stamp);
        contact(true, null);
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
        contact(outcome.kind === 'not_found', reason);
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
        const delay = retryDelayMs(record.attempts, policy, random, outcome.retryAfterMs);
        outbox.scheduleRetry(record.id, 'queued', iso(at.getTime() + delay), outcome.reason, stamp);
        consecutiveFailures += 1;
        // The back office is unwell: hold the whole queue, not just this one, so it is not hammered.
        const pause = outcome.retryAfterMs ?? retryDelayMs(consecutiveFailures, policy, random);
        pausedUntil = Math.max(pausedUntil, at.getTime() + pause);
        contact(false, outcome.reason);
        log.warn('sync.retry', {
          application: record.applicationNo,
          attempt: record.attempts + 1,
          delayMs: delay,
          reason: outcome.reason,
        });
        return;
      }
    }
  };

  const attention = (record: ApplicationRecord, reason: string): void =>
    settle(record, { kind: 'attention', reason });

  async function send(record: ApplicationRecord): Promise<void> {
    const payload = outbox.readPayload(record.id);
    if (!payload.ok) {
      if (record.outboxState !== 'needs_attention') {
        // Refused, never cast: the technician finds which application and why in the audit log.
        audit.record('sync', 'application.payload_refused', {
          application: record.applicationNo,
          code: payload.error.code,
        });
      }
      attention(
        record,
        `the stored application cannot be read (${payload.error.code}); the data key or the database file changed`,
      );
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
      if (uploaded.length > 0) outbox.markAttachmentsUploaded(uploaded, now().toISOString());
    };
    const failed = uploads.find((u) => u.kind !== 'ok');
    if (failed !== undefined) {
      rememberUploads();
      settle(
        record,
        failed.kind === 'rejected'
          ? { kind: 'attention', reason: `attachment refused: ${failed.reason}` }
          : failed,
      );
      return;
    }
    const body = backOfficeBody(record, payload.value, attachments, options);
    const answer = await client.submit(body, record.idempotencyKey);
    if (answer.kind !== 'ok') rememberUploads();
    settle(record, answer);
  }

  const arm = (delayMs: number): void => {
    timer?.();
    // The clock caps a delay at ~24.8 days; the pump re-arms itself anyway.
    timer = options.clock.after(delayMs, pump);
  };

  function pump(): void {
    try {
      pumpOnce();
    } catch (cause) {
      storageFailed(cause);
      if (!stopped && inFlight.size === 0) arm(storageRetryMs);
    }
  }

  function pumpOnce(): void {
    if (stopped) return;
    timer?.();
    timer = null;
    const nowMs = now().getTime();
    if (storageFault !== null && pausedUntil <= nowMs && !recoverStorage()) {
      if (inFlight.size === 0) arm(storageRetryMs);
      return;
    }
    if (pausedUntil > nowMs) {
      if (inFlight.size === 0) arm(pausedUntil - nowMs);
      return;
    }
    const free = settings.concurrency - inFlight.size;
    if (free > 0) {
      for (const record of outbox.claimDue(iso(nowMs), free)) {
        const task: Promise<void> = send(record)
          .catch((cause: unknown) => {
            // A bug, not a network failure: keep the application and say so.
            log.error('sync.send_crashed', {
              application: record.applicationNo,
              message: cause instanceof Error ? cause.message : String(cause),
            });
            attention(record, 'the kiosk failed while sending (see the kiosk log)');
          })
          .finally(() => {
            inFlight.delete(task);
            pump();
          });
        inFlight.add(task);
      }
    }
    if (inFlight.size === 0) {
      // The queue paused: empty the WAL of what the purges left there.
      outbox.flushPurges();
      const next = outbox.nextDueAt();
      if (next !== null) arm(Date.parse(next) - nowMs);
    }
  }

  const heartbeat = async (): Promise<boolean> => {
    const summary = outbox.summary(now());
    const keys = options.audit.pendingKeys();
    const version = options.rulesVersion?.() ?? null;
    const outcome = await client.heartbeat({
      at: now().toISOString(),
      version: options.version,
      queue: {
        queued: summary.counts.queued + summary.counts.sending,
        needsAttention: summary.counts.needs_attention,
        oldestWaitingSeconds: summary.oldestWaitingSeconds,
      },
      devices: options.devices(),
      audit: options.audit.head(),
      helpRequested: options.helpRequested?.() ?? null,
      auditKeys: keys,
      rules: version === null ? null : { version },
    });
    if (stopped) return false;
    const wasDown = reachable === false;
    switch (outcome.kind) {
      case 'ok':
        // The back office holds these keys now: the kiosk's copies go (audited).
        for (const key of keys) options.audit.keyHandedOver(key.epoch);
        contact(true, null, 'heartbeat');
        // The back office is back: do not wait out the backoff.
        if (wasDown) pump();
        options.afterHeartbeat?.();
        return true;
      case 'retry':
        contact(false, outcome.reason);
        return false;
      case 'attention':
        contact(false, outcome.reason);
        return false;
      case 'rejected':
      case 'not_found':
        // Answered, but the heartbeat itself is not supported: the link works, the call did not land.
        contact(true, null, 'heartbeat');
        return false;
    }
  };

  const beat = (): Promise<boolean> =>
    heartbeat().catch((cause: unknown) => {
      log.error('sync.heartbeat_failed', {
        message: cause instanceof Error ? cause.message : String(cause),
      });
      return false;
    });

  const purgeOld = (): void => {
    const before = iso(now().getTime() - options.statusRetentionDays * DAY_MS);
    let deleted: number;
    try {
      deleted = outbox.deleteFinishedBefore(before);
    } catch (cause) {
      storageFailed(cause);
      return;
    }
    if (deleted > 0)
      audit.record('sync', 'sync.status_records_expired', {
        count: deleted,
        days: options.statusRetentionDays,
      });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      let recovered = 0;
      try {
        recovered = outbox.recoverInterrupted(now().toISOString());
      } catch (cause) {
        storageFailed(cause);
      }
      if (recovered > 0) {
        log.warn('sync.recovered_interrupted', { count: recovered });
        audit.record('sync', 'sync.resumed_after_interruption', { count: recovered });
      }
      purgeOld();
      retentionTimer = options.clock.every(RETENTION_EVERY_MS, purgeOld);
      heartbeatTimer = options.clock.every(settings.heartbeatSeconds * 1000, () => void beat());
      void beat();
      pump();
    },
    wake() {
      pump();
    },
    syncNow() {
      let count: number;
      try {
        count = outbox.makeAllDue(now().toISOString());
      } catch (cause) {
        storageFailed(cause);
        return 0;
      }
      pausedUntil = 0;
      consecutiveFailures = 0;
      pump();
      return count;
    },
    lookup(applicationNo) {
      return client.status(applicationNo, settings.statusTimeoutMs);
    },
    link() {
      return {
        reachable,
        lastContactAt,
        lastProblem,
        pausedUntil: pausedUntil > now().getTime() ? iso(pausedUntil) : null,
        sending: inFlight.size,
      };
    },
    fetchRules: (after) => client.rules(after),
    beatNow() {
      return stopped ? Promise.resolve(false) : beat();
    },
    async stop() {
      stopped = true;
      timer?.();
      retentionTimer?.();
      heartbeatTimer?.();
      timer = retentionTimer = heartbeatTimer = null;
      linkChanges.stop();
      // Closing the client ends open requests at once instead of waiting out their timeouts.
      client.close();
      await Promise.allSettled([...inFlight]);
      inFlight = new Set();
      try {
        outbox.flushPurges();
      } catch {
        // The store is already closed or the disk failed: the next start's first purge shreds.
      }
    },
  };
}
