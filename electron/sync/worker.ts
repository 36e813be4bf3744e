import type { Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import type { SyncConfig } from '../config/schema';
import type { Logger } from '../shared/log';
import type { Outbox } from '../store/outbox';
import type { Outcome } from './classify';
import type { BackOfficeClient } from './client';
import { createHeartbeatSender } from './heartbeat-sender';
import { createSyncLink, type SyncLinkStatus } from './link';
import { createOutboxPump } from './outbox-pump';
import type { BackOfficeStatus, HeartbeatBody, RulesDownload } from './protocol';
import { createRetention } from './retention';

export type { SyncLinkStatus } from './link';

export interface SyncWorker {
  start(): void;
  /** A new application was committed: send it now rather than at the next timer. */
  wake(): void;
  /** Staff pressed "sync now": every waiting application is due at once and the pause is lifted. */
  syncNow(): number;
  lookup(applicationNo: string): Promise<Outcome<BackOfficeStatus>>;
  /** A heartbeat now, not at the next interval (a citizen called for help): whether the back office took it (false when stopped or unreachable). */
  beatNow(): Promise<boolean>;
  /** Asks the back office for a signed rule bundle newer than `after`. */
  fetchRules(after: string | null): Promise<Outcome<RulesDownload>>;
  /** After each heartbeat the back office answered: the moment to ask it for newer rules. */
  onHeartbeat(listener: () => void): () => void;
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
}

/**
 * The kiosk's link to the back office, in three parts over one shared link
 * state: the outbox pump (applications, exactly once), the heartbeat, and the
 * retention of finished records. Back after an outage, a request's return
 * sends a heartbeat at once (the audit anchor, any key), and a heartbeat's
 * return wakes the pump instead of waiting out the backoff.
 */
export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { outbox, client, settings, log, audit, clock } = options;
  const random = options.random ?? Math.random;
  const link = createSyncLink({
    clock,
    audit,
    log,
    random,
    policy: { baseMs: settings.retryBaseMs, capMs: settings.retryCapMs },
  });
  const pump = createOutboxPump({
    outbox,
    client,
    link,
    settings,
    kiosk: options,
    clock,
    random,
    log,
    audit,
  });
  const heartbeat = createHeartbeatSender({
    client,
    link,
    outbox,
    audit,
    clock,
    log,
    everyMs: settings.heartbeatSeconds * 1000,
    version: options.version,
    devices: options.devices,
    ...(options.helpRequested ? { helpRequested: options.helpRequested } : {}),
    ...(options.rulesVersion ? { rulesVersion: options.rulesVersion } : {}),
  });
  const retention = createRetention({
    outbox,
    days: options.statusRetentionDays,
    clock,
    audit,
    storageFailed: (cause) => pump.storageFailed(cause),
  });
  link.onBack((by) => {
    if (by === 'request') queueMicrotask(() => void heartbeat.beat());
    else pump.wake();
  });
  return {
    start() {
      retention.start();
      heartbeat.start();
      pump.start();
    },
    wake: () => pump.wake(),
    syncNow: () => pump.syncNow(),
    lookup: (applicationNo) => client.status(applicationNo, settings.statusTimeoutMs),
    link: () => link.status(pump.sending()),
    fetchRules: (after) => client.rules(after),
    onHeartbeat: (listener) => heartbeat.onAnswered(listener),
    beatNow: () => heartbeat.beat(),
    async stop() {
      heartbeat.stop();
      retention.stop();
      link.stop();
      const stopping = pump.stop();
      // Closing the client ends open requests at once instead of waiting out their timeouts.
      client.close();
      await stopping;
      try {
        outbox.flushPurges();
      } catch {
        // The store is already closed or the disk failed: the next start's first purge shreds.
      }
    },
  };
}
