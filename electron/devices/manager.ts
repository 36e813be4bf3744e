import type { Clock } from '../../core/clock';
import { assertNever } from '../../base/assert-never';
import type { DeviceConfig } from '../config/schema';
import type { Logger } from '../shared/log';
import { err, type Result } from '../../core/result';
import type { FrameEntry } from './frame-log';
import { createCameraDevice } from './managed/camera-device';
import type { DeviceHealth, ManagedDevice, SelfTestReport } from './managed/device';
import { createIdCardDevice, type CardEvent, type IdCardDevice } from './managed/idcard-device';
import { createPrinterDevice, type PrinterDevice } from './managed/printer-device';
import { createScannerDevice, type ScannerDevice } from './managed/scanner-device';
import type { ReceiptImage } from '../../core/receipt-image';
import type { RefusalNoticeLines } from '../../core/refusal-notice';
import type { SlipLines } from '../../core/slip-lines';
import type { Scan } from './scanner/scanner';
import type { OpenLink } from './managed/links';

export type { DeviceHealth, DeviceState } from './managed/device';

export interface ScanEvent extends Scan {
  readonly deviceId: string;
}

export interface DeviceManager {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): readonly DeviceHealth[];
  onHealth(listener: (health: readonly DeviceHealth[]) => void): () => void;
  onIdCard(listener: (deviceId: string, event: CardEvent) => void): () => void;
  /** Every reader reads the card lying on it again. */
  rereadIdCards(): void;
  onScan(listener: (event: ScanEvent) => void): () => void;
  /** Prints a slip on the first configured printer; says why it cannot (no_printer, paper_out, …). */
  printSlip(lines: SlipLines, picture: ReceiptImage | null): Promise<Result<void>>;
  /** Prints a refused citizen's 一次性告知单 on the first configured printer. */
  printRefusal(notice: RefusalNoticeLines): Promise<Result<void>>;
  triggerScan(on: boolean): Promise<void>;
  selfTest(deviceId: string): Promise<Result<SelfTestReport>>;
  frameLog(deviceId: string): readonly FrameEntry[] | null;
}

export interface DeviceManagerDeps {
  readonly log: Logger;
  readonly clock: Clock;
  /** `openDeviceLink` for real devices; the demo rig's when some device is simulated. */
  readonly openLink: OpenLink;
}

/**
 * Builds one managed device per configured device and keeps going when any
 * of them fails: a dead scanner must not stop citizens from using the reader.
 * Devices that disappear are reopened when they come back.
 */
export function createDeviceManager(
  configs: readonly DeviceConfig[],
  { log, clock, openLink }: DeviceManagerDeps,
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
  /** Papers go to the first configured printer; without one, `no_printer`. */
  const onFirstPrinter = async (
    print: (printer: PrinterDevice) => Promise<Result<void>>,
  ): Promise<Result<void>> => {
    const printer = printers[0];
    return printer === undefined
      ? err('no_printer', 'no receipt printer is configured')
      : print(printer);
  };
  const devices: ManagedDevice[] = configs.map((config): ManagedDevice => {
    const deps = {
      log,
      clock,
      openLink,
      onHealth: (): void => {
        setImmediate(announce);
      },
    };
    switch (config.kind) {
      case 'idcard': {
        const device = createIdCardDevice(config, deps);
        device.onEvent((event) => {
          for (const listener of cardListeners) listener(config.id, event);
        });
        idcards.push(device);
        return device;
      }
      case 'scanner': {
        const device = createScannerDevice(config, deps);
        device.onScan((scan) => {
          for (const listener of scanListeners) listener({ ...scan, deviceId: config.id });
        });
        scanners.push(device);
        return device;
      }
      case 'printer': {
        const device = createPrinterDevice(config, deps);
        printers.push(device);
        return device;
      }
      case 'camera':
        return createCameraDevice(config, deps.onHealth);
      default:
        return assertNever(config, 'device kind');
    }
  });
  const byId = (id: string): ManagedDevice | undefined => devices.find((d) => d.config.id === id);

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
    rereadIdCards() {
      for (const reader of idcards) reader.reread();
    },
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
    printSlip: (lines, picture) => onFirstPrinter((printer) => printer.printSlip(lines, picture)),
    printRefusal: (notice) => onFirstPrinter((printer) => printer.printRefusal(notice)),
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
  };
}
