import type { Cancel, Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../shared/log';
import type { Outbox } from '../store/outbox';
import type { BackOfficeClient } from './client';
import type { SyncLink } from './link';
import type { HeartbeatBody } from './protocol';

/**
 * The signed heartbeat to the back office: queue counts, device states, an
 * open call for help, the audit log's head and any audit key it must now
 * hold, the rules in use. Every `heartbeatSeconds`, and at once when asked.
 */
export interface HeartbeatSender {
  start(): void;
  /** A heartbeat now: whether the back office took it (false when stopped or unreachable). */
  beat(): Promise<boolean>;
  /** After each heartbeat the back office answered. */
  onAnswered(listener: () => void): () => void;
  stop(): void;
}

export interface HeartbeatSenderOptions {
  readonly client: Pick<BackOfficeClient, 'heartbeat'>;
  readonly link: SyncLink;
  readonly outbox: Pick<Outbox, 'summary'>;
  readonly audit: Pick<AuditLog, 'pendingKeys' | 'keyHandedOver' | 'head'>;
  readonly clock: Clock;
  readonly log: Logger;
  readonly everyMs: number;
  readonly version: string;
  readonly devices: () => HeartbeatBody['devices'];
  readonly helpRequested?: () => HeartbeatBody['helpRequested'];
  readonly rulesVersion?: () => string | null;
}

export function createHeartbeatSender(options: HeartbeatSenderOptions): HeartbeatSender {
  const { client, link, outbox, audit, clock } = options;
  const listeners = new Set<() => void>();
  let stopped = true;
  let timer: Cancel | null = null;

  const send = async (): Promise<boolean> => {
    const summary = outbox.summary(clock.now());
    const keys = audit.pendingKeys();
    const version = options.rulesVersion?.() ?? null;
    const outcome = await client.heartbeat({
      at: clock.now().toISOString(),
      version: options.version,
      queue: {
        queued: summary.counts.queued + summary.counts.sending,
        needsAttention: summary.counts.needs_attention,
        oldestWaitingSeconds: summary.oldestWaitingSeconds,
      },
      devices: options.devices(),
      audit: audit.head(),
      helpRequested: options.helpRequested?.() ?? null,
      auditKeys: keys,
      rules: version === null ? null : { version },
    });
    if (stopped) return false;
    switch (outcome.kind) {
      case 'ok':
        // The back office holds these keys now: the kiosk's copies go (audited).
        for (const key of keys) audit.keyHandedOver(key.epoch);
        link.contact(true, null, 'heartbeat');
        for (const listener of listeners) listener();
        return true;
      case 'retry':
      case 'attention':
        link.contact(false, outcome.reason);
        return false;
      case 'rejected':
      case 'not_found':
        // Answered, but the heartbeat itself is not supported: the link works, the call did not land.
        link.contact(true, null, 'heartbeat');
        return false;
    }
  };

  const beat = (): Promise<boolean> =>
    stopped
      ? Promise.resolve(false)
      : send().catch((cause: unknown) => {
          options.log.error('sync.heartbeat_failed', {
            message: cause instanceof Error ? cause.message : String(cause),
          });
          return false;
        });

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = clock.every(options.everyMs, () => void beat());
      void beat();
    },
    beat,
    onAnswered(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      timer?.();
      timer = null;
    },
  };
}
