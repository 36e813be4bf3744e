import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../../core/clock';
import type { DeviceManager } from '../devices/manager';
import type { PaymentDesk } from '../payment/desk';
import type { StorageStatus } from '../store/disk-space';
import type { Outbox } from '../store/outbox';

/**
 * What the running kiosk says about itself every few seconds, in a file:
 * the systemd watchdog restarts it when the file stops changing, and
 * `police-kiosk readiness` reads the devices' states from it over SSH without
 * touching the devices. Nothing personal: ids, states, counts.
 */
const servingSchema = z.strictObject({
  status: z.literal('serving'),
  at: z.string(),
  pid: z.number().int(),
  version: z.string(),
  kioskId: z.string(),
  devices: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      state: z.string(),
      lastError: z.string().nullable(),
    }),
  ),
  queue: z.strictObject({ waiting: z.number().int(), needsAttention: z.number().int() }),
  /** Payment orders still open, and paid ones whose reversal the platform refused (a person refunds them). */
  payments: z
    .strictObject({ open: z.number().int(), refundAtWindow: z.number().int() })
    .default({ open: 0, refundAtWindow: 0 }),
  storage: z.strictObject({ freeMb: z.number(), ok: z.boolean() }),
  keyProtection: z.string(),
});

/** The kiosk is alive but could not start: the notice is on screen, and this is its reason. */
const outOfServiceSchema = z.strictObject({
  status: z.literal('out_of_service'),
  at: z.string(),
  pid: z.number().int(),
  version: z.string(),
  reason: z.string(),
});

export const heartbeatSchema = z.discriminatedUnion('status', [servingSchema, outOfServiceSchema]);
export type Heartbeat = z.output<typeof heartbeatSchema>;

/** How often the kiosk writes its heartbeat; the watchdog allows several missed beats. */
export const HEARTBEAT_EVERY_MS = 10_000;

/** Written whole (temp file, rename): a reader never sees half a beat. Never throws. */
export function writeHeartbeat(path: string, beat: Heartbeat): boolean {
  const temp = `${path}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temp, `${JSON.stringify(beat)}\n`, { mode: 0o640 });
    renameSync(temp, path);
    return true;
  } catch {
    // A full disk: the watchdog will see the beat stop and restart the kiosk, which then says why.
    rmSync(temp, { force: true });
    return false;
  }
}

export function removeHeartbeat(path: string): void {
  rmSync(path, { force: true });
}

/**
 * Writes `beat()` now and every HEARTBEAT_EVERY_MS until stopped; stopping
 * removes the file, so a stopped kiosk reads as "not running". Says once in
 * the log when writing fails and once when it works again.
 */
export function keepBeating(
  path: string,
  beat: () => Heartbeat,
  log: { error(event: string, fields: Record<string, string>): void; info(event: string): void },
  clock: Pick<Clock, 'every'>,
): () => void {
  let failing = false;
  const write = (): void => {
    const written = writeHeartbeat(path, beat());
    if (written !== failing) return;
    failing = !written;
    if (written) log.info('heartbeat.written_again');
    else log.error('heartbeat.write_failed', { path });
  };
  write();
  const cancel = clock.every(HEARTBEAT_EVERY_MS, write);
  return () => {
    cancel();
    removeHeartbeat(path);
  };
}

export interface ServingParts {
  readonly clock: Clock;
  readonly version: string;
  readonly kioskId: string;
  readonly keyProtection: string;
  readonly devices: Pick<DeviceManager, 'health'>;
  readonly outbox: Pick<Outbox, 'summary'>;
  readonly payments: Pick<PaymentDesk, 'unsettled'>;
  readonly storage: () => StorageStatus;
}

/** The serving kiosk's beat: devices, queue, payments, disk; counts and states only. */
export function servingBeat(parts: ServingParts): () => Heartbeat {
  return () => {
    const queue = parts.outbox.summary(parts.clock.now()).counts;
    const unsettled = parts.payments.unsettled();
    const space = parts.storage();
    return {
      status: 'serving',
      at: parts.clock.now().toISOString(),
      pid: process.pid,
      version: parts.version,
      kioskId: parts.kioskId,
      devices: parts.devices
        .health()
        .map(({ id, kind, state, lastError }) => ({ id, kind, state, lastError })),
      queue: {
        waiting: queue.queued + queue.sending + queue.needs_attention,
        needsAttention: queue.needs_attention,
      },
      payments: {
        open: unsettled.filter((o) => o.attention === null).length,
        refundAtWindow: unsettled.filter((o) => o.attention !== null).length,
      },
      storage: { freeMb: space.freeMb, ok: space.ok },
      keyProtection: parts.keyProtection,
    };
  };
}
