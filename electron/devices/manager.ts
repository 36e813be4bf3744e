import type { Clock } from '../../core/clock';
import { assertNever } from '../../rules/engine/assert-never';
import type { DeviceConfig } from '../config/schema';
import type { Logger } from '../shared/log';
import { err, ok, type KioskError, type Result } from '../../core/result';
import type { FrameEntry } from './frame-log';
import { createCameraDevice } from './managed/camera-device';
import type { DeviceHealth, ManagedDevice, SelfTestReport } from './managed/device';
import { createIdCardDevice, type CardEvent, type IdCardDevice } from './managed/idcard-device';
import { createPrinterDevice, type PrinterDevice } from './managed/printer-device';
import { createScannerDevice, type ScannerDevice } from './managed/scanner-device';
import type { PaperWidth } from './printer/slip-receipt';
import type { Scan } from './scanner/scanner';
import { SAMPLE_CARDS, type SampleCard } from './sim/sample-cards';

export type { DeviceHealth, DeviceState } from './managed/device';

export interface ScanEvent extends Scan {
  readonly deviceId: string;
}

/** Faults a simulated device can be put into, from the diagnostics screen or a test. */
export const SIMULATED_FAULTS = {
  idcard: ['readFailure', 'garbage', 'splitFrames', 'slow', 'silent', 'unplugged'],
  printer: ['paperOut', 'paperNearEnd', 'coverOpen', 'silent', 'unplugged'],
  scanner: ['unplugged'],
  camera: [],
} as const;
export type SimulatedFault = (typeof SIMULATED_FAULTS)[keyof typeof SIMULATED_FAULTS][number];
type ReaderFault = Exclude<(typeof SIMULATED_FAULTS)['idcard'][number], 'unplugged'>;
type PrinterFault = Exclude<(typeof SIMULATED_FAULTS)['printer'][number], 'unplugged'>;
const isReaderFault = (fault: SimulatedFault): fault is ReaderFault =>
  fault !== 'unplugged' && (SIMULATED_FAULTS.idcard as readonly string[]).includes(fault);
const isPrinterFault = (fault: SimulatedFault): fault is PrinterFault =>
  fault !== 'unplugged' && (SIMULATED_FAULTS.printer as readonly string[]).includes(fault);

/** Present only when some device is simulated: drives the simulators from the demo dock and tests. */
export interface DemoControls {
  readonly cards: readonly SampleCard[];
  placeCard(sampleId: string): boolean;
  removeCard(): void;
  scan(text: string): boolean;
  setFault(
    deviceId: string,
    fault: SimulatedFault,
    on: boolean,
  ): Result<void, KioskError<'not_simulated' | 'not_supported' | 'unknown_fault'>>;
}

export interface DeviceManager {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): readonly DeviceHealth[];
  onHealth(listener: (health: readonly DeviceHealth[]) => void): () => void;
  onIdCard(listener: (deviceId: string, event: CardEvent) => void): () => void;
  onScan(listener: (event: ScanEvent) => void): () => void;
  /** Prints on the first configured printer; says why it cannot (no_printer, paper_out, …). */
  print(bytes: Uint8Array): Promise<Result<void>>;
  paperWidth(): PaperWidth;
  triggerScan(on: boolean): Promise<void>;
  selfTest(deviceId: string): Promise<Result<SelfTestReport>>;
  frameLog(deviceId: string): readonly FrameEntry[] | null;
  readonly demo: DemoControls | null;
}

/**
 * Builds one managed device per configured device and keeps going when any
 * of them fails: a dead scanner must not stop citizens from using the reader.
 * Devices that disappear are reopened when they come back.
 */
export function createDeviceManager(
  configs: readonly DeviceConfig[],
  log: Logger,
  clock: Clock,
): DeviceManager {
  const healthListeners = new Set<(health: readonly DeviceHealth[]) => void>();
  const cardListeners = new Set<(deviceId: string, event: CardEvent) => void>();
  const scanListeners = new Set<(event: ScanEvent) => void>();
  let announced = '';
  const announce = (): void => {
    const list = devices.map((d) => d.health());
    const key = JSON.stringify(list);
    if (key === announced) return;
    const previous = announced === '' ? [] : (JSON.parse(announced) as DeviceHealth[]);
    announced = key;
    for (const health of list) {
      const before = previous.find((p) => p.id === health.id);
      if (before?.state !== health.state) {
        const fields = { device: health.id, state: health.state, error: health.lastError };
        if (health.state === 'ready') log.info('device.state', fields);
        else log.warn('device.state', fields);
      }
    }
    for (const listener of healthListeners) listener(list);
  };

  const idcards: IdCardDevice[] = [];
  const scanners: ScannerDevice[] = [];
  const printers: PrinterDevice[] = [];
  const devices: ManagedDevice[] = configs.map((config): ManagedDevice => {
    const onHealth = (): void => {
      setImmediate(announce);
    };
    switch (config.kind) {
      case 'idcard': {
        const device = createIdCardDevice(config, onHealth, log, clock);
        device.onEvent((event) => {
          for (const listener of cardListeners) listener(config.id, event);
        });
        idcards.push(device);
        return device;
      }
      case 'scanner': {
        const device = createScannerDevice(config, onHealth, clock);
        device.onScan((scan) => {
          for (const listener of scanListeners) listener({ ...scan, deviceId: config.id });
        });
        scanners.push(device);
        return device;
      }
      case 'printer': {
        const device = createPrinterDevice(config, onHealth, clock);
        printers.push(device);
        return device;
      }
      case 'camera':
        return createCameraDevice(config, onHealth);
      default:
        return assertNever(config, 'device kind');
    }
  });
  const byId = (id: string): ManagedDevice | undefined => devices.find((d) => d.config.id === id);

  const simulatedReader = idcards.find(
    (d) => d.simulator !== null || d.config.transport.type === 'simulated',
  );
  const simulatedScanner = scanners.find((d) => d.config.transport.type === 'simulated');
  const demo: DemoControls | null = devices.some((d) => d.config.transport.type === 'simulated')
    ? {
        cards: SAMPLE_CARDS,
        placeCard(sampleId) {
          const card = SAMPLE_CARDS.find((c) => c.id === sampleId);
          const reader = simulatedReader?.simulator ?? null;
          if (card === undefined || reader === null) return false;
          reader.placeCard(card);
          return true;
        },
        removeCard() {
          simulatedReader?.simulator?.removeCard();
        },
        scan(text) {
          const scanner = simulatedScanner?.simulator ?? null;
          if (scanner === null) return false;
          scanner.scan(text);
          return true;
        },
        setFault(deviceId, fault, on) {
          const device = byId(deviceId);
          if (device === undefined || device.config.transport.type !== 'simulated') {
            return err('not_simulated', `device "${deviceId}" is not simulated`);
          }
          if (fault === 'unplugged') {
            const wire =
              [...idcards, ...printers, ...scanners].find((d) => d === device)?.wire ?? null;
            if (wire === null) return err('not_supported', 'this device cannot be unplugged');
            if (on) wire.unplug();
            else wire.replug();
            return ok(undefined);
          }
          const reader = idcards.find((d) => d === device)?.simulator ?? null;
          if (reader !== null && isReaderFault(fault)) {
            if (fault === 'slow') reader.faults.delayMs = on ? 2500 : 0;
            else reader.faults[fault] = on;
            return ok(undefined);
          }
          const printer = printers.find((d) => d === device)?.simulator ?? null;
          if (printer !== null && isPrinterFault(fault)) {
            printer.state[fault] = on;
            return ok(undefined);
          }
          return err('unknown_fault', `device "${deviceId}" has no fault "${fault}"`);
        },
      }
    : null;

  return {
    async start() {
      await Promise.all(devices.map((d) => d.start()));
      log.info('devices.started', { count: devices.length });
    },
    async stop() {
      await Promise.all(devices.map((d) => d.stop()));
    },
    health: () => devices.map((d) => d.health()),
    onHealth(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    onIdCard(listener) {
      cardListeners.add(listener);
      return () => cardListeners.delete(listener);
    },
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
    async print(bytes) {
      const printer = printers[0];
      if (printer === undefined) return err('no_printer', 'no receipt printer is configured');
      return printer.print(bytes);
    },
    paperWidth: () => printers[0]?.paper ?? 58,
    async triggerScan(on) {
      await Promise.all(scanners.map((s) => s.trigger(on)));
    },
    async selfTest(deviceId) {
      const device = byId(deviceId);
      if (device === undefined) return err('unknown_device', `no device "${deviceId}"`);
      const result = await device.selfTest();
      log.info('device.self_test', {
        device: deviceId,
        ok: result.ok,
        code: result.ok ? null : result.error.code,
      });
      return result;
    },
    frameLog: (deviceId) => byId(deviceId)?.frameLog() ?? null,
    demo,
  };
}
