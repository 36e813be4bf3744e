import type { Clock } from '../../../core/clock';
import type { DeviceConfig, DeviceKind } from '../../config/schema';
import type { SelfTestCode } from '../../../core/devices';
import type { Result } from '../../../core/result';
import type { Logger } from '../../shared/log';
import type { FrameEntry } from '../frame-log';
import type { OpenLink } from './links';

export type DeviceState = 'ready' | 'offline' | 'fault' | 'unsupported';

/** A device as a technician sees it. Never personal data. */
export interface DeviceHealth {
  readonly id: string;
  readonly kind: DeviceKind;
  /** serial, hid, simulated, uvc */
  readonly transport: string;
  /** "/dev/ttyUSB0 @115200", "HID 0c2e:0b61 (usage page 0x8c)", "simulated" */
  readonly address: string;
  readonly state: DeviceState;
  /** Technician-facing reason of the last problem, or null when healthy. */
  readonly lastError: string | null;
  /** Kind-specific facts: SAM id, paper near end, trigger protocol … */
  readonly facts: Readonly<Record<string, string>>;
}

export interface SelfTestReport {
  readonly code: SelfTestCode;
  /** The same in English, for the technical log and a readiness report. */
  readonly summary: string;
  readonly facts: Readonly<Record<string, string>>;
}

/** What every managed device is given: where to log, the clock, how to open its link, whom to tell of health changes. */
export interface ManagedDeviceDeps {
  readonly log: Logger;
  readonly clock: Clock;
  readonly openLink: OpenLink;
  readonly onHealth: () => void;
}

/** One configured device: its driver, its link, its health and its self-test. */
export interface ManagedDevice {
  readonly config: DeviceConfig;
  health(): DeviceHealth;
  start(): Promise<void>;
  stop(): Promise<void>;
  selfTest(): Promise<Result<SelfTestReport>>;
  frameLog(): readonly FrameEntry[];
}

/** Health bookkeeping shared by every kind: state changes are announced to the manager. */
export function healthTracker(config: DeviceConfig, address: string, onChange: () => void) {
  let state: DeviceState = 'offline';
  let lastError: string | null = null;
  let facts: Record<string, string> = {};
  return {
    set(next: DeviceState, error: string | null): void {
      if (next === state && error === lastError) return;
      state = next;
      lastError = error;
      onChange();
    },
    fact(key: string, value: string | null): void {
      if (value === null) {
        const { [key]: _dropped, ...rest } = facts;
        facts = rest;
      } else facts = { ...facts, [key]: value };
      onChange();
    },
    health: (): DeviceHealth => ({
      id: config.id,
      kind: config.kind,
      transport: config.transport.type,
      address,
      state,
      lastError,
      facts,
    }),
  };
}
