import type { Clock } from '../../../core/clock';
import { err, ok, type KioskError, type Result } from '../../../core/result';
import { todayInChina } from '../../../base/dates';
import type { LocalText } from '../../../rules/engine/schema';
import type { DeviceConfig, DeviceKind } from '../../config/schema';
import { addressOf, openDeviceLink, type OpenLink } from '../managed/links';
import { createIdCardSimulator, type IdCardFaults } from '../sim/idcard-simulator';
import { createPrinterSimulator, type PrinterState } from '../sim/printer-simulator';
import { isSampleCardId, sampleCard, sampleCards } from '../sim/sample-cards';
import { createSerialScannerSimulator, type ScannerSimulator } from '../sim/scanner-simulator';
import type { ByteTransport } from '../transport/byte-transport';
import { createMemoryPair } from '../transport/memory-pair';
import { createReconnectingTransport } from '../transport/reconnecting';

/** Faults a simulated device can be put into, from the diagnostics screen or a test. */
export const SIMULATED_FAULTS = {
  idcard: ['readFailure', 'garbage', 'splitFrames', 'slow', 'silent', 'unplugged'],
  printer: ['paperOut', 'paperNearEnd', 'coverOpen', 'silent', 'unplugged'],
  scanner: ['unplugged'],
  camera: [],
} as const satisfies Record<DeviceKind, readonly string[]>;
export type SimulatedFault = (typeof SIMULATED_FAULTS)[DeviceKind][number];

export const isSimulatedFault = (fault: string): fault is SimulatedFault =>
  Object.values(SIMULATED_FAULTS).some((list) => (list as readonly string[]).includes(fault));

export type DemoError = KioskError<'not_simulated' | 'not_supported' | 'unknown_fault'>;

/** One fault a technician can put a simulated device into, and whether it is on. */
export interface DemoFaultState {
  readonly fault: string;
  readonly on: boolean;
}

/** The demo dock's and the tests' hands on the simulators. */
export interface DemoControls {
  /** The sample cards as they read today. */
  cards(): readonly { readonly id: string; readonly label: LocalText }[];
  placeCard(sampleId: string): boolean;
  removeCard(): void;
  scan(text: string): boolean;
  setFault(deviceId: string, fault: SimulatedFault, on: boolean): Result<void, DemoError>;
  /** Per simulated device, the faults it can be put into, and whether each is on now. */
  faults(): Readonly<Record<string, readonly DemoFaultState[]>>;
}

/**
 * Demo mode in one place: a device configured as `simulated` gets an
 * in-process wire with a wire-level simulator on its far end, which the
 * driver talks to exactly as to a real device. The managed devices and the
 * manager never know: they are given `openLink`, like any link opener.
 */
export interface DemoRig {
  readonly openLink: OpenLink;
  readonly controls: DemoControls;
}

/** A simulated device's wire: each time the link comes up, a simulator attaches to the far end. */
interface Wire {
  readonly config: DeviceConfig;
  plugged: boolean;
  /** Closes the current far end (unplugging) and detaches its simulator. */
  drop: (() => void) | null;
}

type ReaderFault = Exclude<(typeof SIMULATED_FAULTS)['idcard'][number], 'unplugged'>;
type PrinterFault = Exclude<(typeof SIMULATED_FAULTS)['printer'][number], 'unplugged'>;
const isIn = <T extends string>(list: readonly string[], value: string): value is T =>
  list.includes(value);

export const hasSimulatedDevice = (configs: readonly DeviceConfig[]): boolean =>
  configs.some((c) => c.transport.type === 'simulated');

/**
 * What a technician switched on, per device: the diagnostics screen shows it again after a
 * new sign-in, so a fault left on is seen, not forgotten.
 */
function faultMemory(configs: readonly DeviceConfig[]): {
  readonly remember: (deviceId: string, fault: string, on: boolean) => Result<void, DemoError>;
  readonly faults: DemoControls['faults'];
} {
  const faultsOn = new Map<string, Set<string>>();
  return {
    remember(deviceId, fault, on) {
      const active = faultsOn.get(deviceId) ?? new Set<string>();
      if (on) active.add(fault);
      else active.delete(fault);
      faultsOn.set(deviceId, active);
      return ok(undefined);
    },
    faults: () =>
      Object.fromEntries(
        configs
          .filter((c) => c.transport.type === 'simulated')
          .map((c) => [
            c.id,
            SIMULATED_FAULTS[c.kind].map((fault) => ({
              fault,
              on: faultsOn.get(c.id)?.has(fault) ?? false,
            })),
          ]),
      ),
  };
}

export function createDemoRig(configs: readonly DeviceConfig[], clock: Clock): DemoRig {
  const wires = new Map<string, Wire>();
  // What a simulator holds outlives one attachment, as a real device keeps its state across a replug.
  const readerFaults: IdCardFaults = {
    readFailure: false,
    garbage: false,
    splitFrames: false,
    delayMs: 0,
    silent: false,
  };
  const printerStates = new Map<string, PrinterState>();
  const printers = new Map<string, PrinterState>();
  let reader: ReturnType<typeof createIdCardSimulator> | null = null;
  let scanner: ScannerSimulator | null = null;

  const attach = (config: DeviceConfig, end: ByteTransport): (() => void) => {
    switch (config.kind) {
      case 'idcard': {
        const sim = createIdCardSimulator(end);
        Object.assign(sim.faults, readerFaults);
        reader = sim;
        return () => sim.dispose();
      }
      case 'printer': {
        const sim = createPrinterSimulator(end);
        Object.assign(sim.state, printerStates.get(config.id));
        printers.set(config.id, sim.state);
        return () => sim.dispose();
      }
      case 'scanner': {
        const sim = createSerialScannerSimulator(end, config.options);
        scanner = sim;
        return () => sim.dispose();
      }
      case 'camera':
        return () => undefined;
    }
  };

  const openLink: OpenLink = (config, hid, timers) => {
    if (config.transport.type !== 'simulated') return openDeviceLink(config, hid, timers);
    const wire: Wire = { config, plugged: true, drop: null };
    wires.set(config.id, wire);
    if (config.kind === 'printer') {
      printerStates.set(config.id, {
        paperOut: false,
        paperNearEnd: false,
        coverOpen: false,
        silent: false,
      });
    }
    return createReconnectingTransport(
      async () => {
        if (!wire.plugged) throw new Error('simulated device unplugged');
        const [host, device] = createMemoryPair('simulated');
        const detach = attach(config, device);
        wire.drop = () => {
          detach();
          void host.close();
        };
        return host;
      },
      addressOf(config),
      { initialMs: 100, maxMs: 1000 },
      timers,
    );
  };

  const today = (): string => todayInChina(clock.now());
  const simulatedOf = (kind: DeviceKind): DeviceConfig | undefined =>
    configs.find((c) => c.kind === kind && c.transport.type === 'simulated');

  const { remember, faults } = faultMemory(configs);

  const controls: DemoControls = {
    cards: () => sampleCards(today()).map(({ id, label }) => ({ id, label })),
    placeCard(sampleId) {
      if (!isSampleCardId(sampleId) || reader === null || simulatedOf('idcard') === undefined) {
        return false;
      }
      reader.placeCard(sampleCard(sampleId, today()));
      return true;
    },
    removeCard() {
      reader?.removeCard();
    },
    scan(text) {
      if (scanner === null || simulatedOf('scanner') === undefined) return false;
      scanner.scan(text);
      return true;
    },
    setFault(deviceId, fault, on) {
      const wire = wires.get(deviceId);
      if (wire === undefined) return err('not_simulated', `device "${deviceId}" is not simulated`);
      const { kind } = wire.config;
      if (fault === 'unplugged') {
        if (kind === 'camera') return err('not_supported', 'this device cannot be unplugged');
        wire.plugged = !on;
        if (on) {
          wire.drop?.();
          wire.drop = null;
        }
        return remember(deviceId, fault, on);
      }
      // The rig's record and the attached simulator both: the fault survives a replug.
      if (kind === 'idcard' && isIn<ReaderFault>(SIMULATED_FAULTS.idcard, fault)) {
        for (const faults of [readerFaults, reader?.faults]) {
          if (faults === undefined) continue;
          if (fault === 'slow') faults.delayMs = on ? 2500 : 0;
          else faults[fault] = on;
        }
        return remember(deviceId, fault, on);
      }
      if (kind === 'printer' && isIn<PrinterFault>(SIMULATED_FAULTS.printer, fault)) {
        for (const state of [printerStates.get(deviceId), printers.get(deviceId)])
          if (state !== undefined) state[fault] = on;
        return remember(deviceId, fault, on);
      }
      return err('unknown_fault', `device "${deviceId}" has no fault "${fault}"`);
    },
    faults,
  };
  return { openLink, controls };
}
