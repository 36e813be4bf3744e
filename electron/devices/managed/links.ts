import type { DeviceConfig } from '../../config/schema';
import type { ByteTransport } from '../transport/byte-transport';
import { defaultHidOptions, hidTransport, openHid, type HidOptions } from '../transport/hid';
import { createMemoryPair } from '../transport/memory-pair';
import { createReconnectingTransport, type ReconnectingTransport } from '../transport/reconnecting';
import { openSerial } from '../transport/serial';

export function addressOf(config: DeviceConfig): string {
  const t = config.transport;
  switch (t.type) {
    case 'serial':
      return `${t.path} @${t.baudRate}`;
    case 'hid': {
      const hex = (n: number) => n.toString(16).padStart(4, '0');
      return `HID ${hex(t.vendorId)}:${hex(t.productId)}${t.usagePage === undefined ? '' : ` (usage page 0x${t.usagePage.toString(16)})`}`;
    }
    case 'simulated':
      return 'simulated';
    case 'uvc':
      return t.label ?? 'UVC camera';
  }
}

/** A simulated device's wire: the driver's end is kept; `unplug`/`replug` drop and restore the link. */
export interface SimulatedWire {
  /** Called with the device's end each time the link comes up, so a simulator can attach. */
  readonly attach: (deviceEnd: ByteTransport) => () => void;
  unplug(): void;
  replug(): void;
}

/**
 * The driver's transport for a configured device, kept open across unplugs.
 * Simulated devices get an in-process wire that can be unplugged too.
 */
export function openLink(
  config: DeviceConfig,
  hid: Partial<HidOptions>,
  simulated: ((deviceEnd: ByteTransport) => () => void) | null,
): { readonly link: ReconnectingTransport; readonly wire: SimulatedWire | null } {
  const t = config.transport;
  const description = addressOf(config);
  switch (t.type) {
    case 'serial':
      return {
        link: createReconnectingTransport(() => openSerial(t.path, t.baudRate), description),
        wire: null,
      };
    case 'hid':
      return {
        link: createReconnectingTransport(async () => {
          const handle = await openHid(t.vendorId, t.productId, t.usagePage);
          return hidTransport(handle, `${description} ${handle.path}`, {
            ...defaultHidOptions,
            ...hid,
          });
        }, description),
        wire: null,
      };
    case 'simulated':
    case 'uvc': {
      let plugged = true;
      let current: ByteTransport | null = null;
      let detach: (() => void) | null = null;
      const link = createReconnectingTransport(
        async () => {
          if (!plugged) throw new Error('simulated device unplugged');
          const [host, device] = createMemoryPair('simulated');
          current = host;
          detach = simulated?.(device) ?? null;
          return host;
        },
        description,
        { initialMs: 100, maxMs: 1000 },
      );
      return {
        link,
        wire: {
          attach: simulated ?? (() => () => undefined),
          unplug() {
            plugged = false;
            detach?.();
            void current?.close();
          },
          replug() {
            plugged = true;
          },
        },
      };
    }
  }
}
