import type { DeviceConfig, DeviceKind } from '../config/schema';
import { assertNever } from '../../rules/engine/assert-never';
import type { Logger } from '../shared/log';
import {
  createIdCardReader,
  defaultReaderOptions,
  type IdCardEvent,
  type IdCardReader,
} from './idcard/reader';
import { createIdCardSimulator, type IdCardSimulator } from './sim/idcard-simulator';
import { SAMPLE_CARDS, type SampleCard } from './sim/sample-cards';
import type { ByteTransport } from './transport/byte-transport';
import { createMemoryPair } from './transport/memory-pair';
import { openSerial } from './transport/serial';

export type DeviceState = 'ready' | 'offline' | 'unsupported';

export interface DeviceHealth {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly transport: string;
  readonly state: DeviceState;
  /** Technician-facing; never personal data. */
  readonly lastError: string | null;
}

export interface ScanEvent {
  readonly deviceId: string;
  readonly text: string;
}

/** Present only when some device is simulated: drives the simulators from the demo dock. */
export interface DemoControls {
  readonly cards: readonly SampleCard[];
  placeCard(sampleId: string): boolean;
  removeCard(): void;
  scan(text: string): void;
}

export interface DeviceManager {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): readonly DeviceHealth[];
  onIdCard(listener: (deviceId: string, event: IdCardEvent) => void): () => void;
  onScan(listener: (event: ScanEvent) => void): () => void;
  readonly demo: DemoControls | null;
}

interface Slot {
  readonly config: DeviceConfig;
  health: DeviceHealth;
  reader?: IdCardReader;
  simulator?: IdCardSimulator;
  transport?: ByteTransport;
}

const numberOption = (config: DeviceConfig, key: string, fallback: number): number => {
  const value = config.options[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

/**
 * Builds one driver per configured device and keeps going when any of them
 * fails: a dead scanner must not stop citizens from using the ID reader.
 */
export function createDeviceManager(devices: readonly DeviceConfig[], log: Logger): DeviceManager {
  const slots: Slot[] = devices.map((config) => ({
    config,
    health: {
      id: config.id,
      kind: config.kind,
      transport: config.transport.type,
      state: 'offline',
      lastError: null,
    },
  }));
  const cardListeners = new Set<(deviceId: string, event: IdCardEvent) => void>();
  const scanListeners = new Set<(event: ScanEvent) => void>();

  const setHealth = (slot: Slot, patch: Partial<DeviceHealth>): void => {
    slot.health = { ...slot.health, ...patch };
  };

  const openTransport = async (slot: Slot): Promise<ByteTransport | null> => {
    const { transport } = slot.config;
    switch (transport.type) {
      case 'simulated': {
        const [host, device] = createMemoryPair('simulated');
        if (slot.config.kind === 'idcard') slot.simulator = createIdCardSimulator(device);
        return host;
      }
      case 'serial':
        try {
          return await openSerial(transport.path, transport.baudRate);
        } catch (cause) {
          const message = cause instanceof Error ? cause.message : String(cause);
          setHealth(slot, { state: 'offline', lastError: message });
          log.warn('device.open_failed', { device: slot.config.id, reason: message });
          return null;
        }
      case 'hid':
        setHealth(slot, {
          state: 'unsupported',
          lastError: 'HID transport is not available in this build',
        });
        return null;
      default:
        return assertNever(transport, 'transport');
    }
  };

  const startSlot = async (slot: Slot): Promise<void> => {
    const { kind } = slot.config;
    switch (kind) {
      case 'idcard': {
        const transport = await openTransport(slot);
        if (transport === null) return;
        slot.transport = transport;
        setHealth(slot, { transport: transport.description });
        const reader = createIdCardReader(transport, {
          ...defaultReaderOptions,
          pollIntervalMs: numberOption(
            slot.config,
            'pollIntervalMs',
            defaultReaderOptions.pollIntervalMs,
          ),
          replyTimeoutMs: numberOption(
            slot.config,
            'replyTimeoutMs',
            defaultReaderOptions.replyTimeoutMs,
          ),
        });
        reader.onEvent((event) => {
          if (event.type === 'error') {
            setHealth(slot, {
              state: event.code === 'timeout' ? 'offline' : 'ready',
              lastError: event.message,
            });
            log.warn('idcard.error', { device: slot.config.id, code: event.code });
          } else {
            setHealth(slot, { state: 'ready', lastError: null });
          }
          for (const listener of cardListeners) listener(slot.config.id, event);
        });
        reader.start();
        slot.reader = reader;
        setHealth(slot, { state: 'ready' });
        return;
      }
      case 'scanner':
      case 'printer':
      case 'camera':
        if (slot.config.transport.type === 'simulated')
          setHealth(slot, { state: 'ready', transport: 'simulated' });
        else
          setHealth(slot, {
            state: 'unsupported',
            lastError: `${kind} drivers arrive with the device layer`,
          });
        return;
      default:
        return assertNever(kind, 'device kind');
    }
  };

  const simulatedReader = slots.find(
    (s) => s.config.kind === 'idcard' && s.config.transport.type === 'simulated',
  );
  const simulatedScanner = slots.find(
    (s) => s.config.kind === 'scanner' && s.config.transport.type === 'simulated',
  );
  const demo: DemoControls | null = slots.some((s) => s.config.transport.type === 'simulated')
    ? {
        cards: SAMPLE_CARDS,
        placeCard(sampleId) {
          const card = SAMPLE_CARDS.find((c) => c.id === sampleId);
          if (card === undefined || simulatedReader?.simulator === undefined) return false;
          simulatedReader.simulator.placeCard(card);
          return true;
        },
        removeCard() {
          simulatedReader?.simulator?.removeCard();
        },
        scan(text) {
          if (simulatedScanner === undefined) return;
          for (const listener of scanListeners)
            listener({ deviceId: simulatedScanner.config.id, text });
        },
      }
    : null;

  return {
    async start() {
      await Promise.all(slots.map((slot) => startSlot(slot)));
      log.info('devices.started', { count: slots.length });
    },
    async stop() {
      await Promise.all(
        slots.map(async (slot) => {
          await slot.reader?.stop();
          slot.simulator?.dispose();
          await slot.transport?.close();
        }),
      );
    },
    health: () => slots.map((s) => s.health),
    onIdCard(listener) {
      cardListeners.add(listener);
      return () => cardListeners.delete(listener);
    },
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
    demo,
  };
}
