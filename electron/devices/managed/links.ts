import type { Clock } from '../../../core/clock';
import type { DeviceConfig } from '../../config/schema';
import { defaultHidOptions, hidTransport, openHid, type HidOptions } from '../transport/hid';
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

/**
 * Opens the byte link to a configured device, kept open across unplugs. The
 * managed devices are given one: `openDeviceLink` in production, the demo
 * rig's (electron/devices/demo) when some device is simulated.
 */
export type OpenLink = (
  config: DeviceConfig,
  hid: Partial<HidOptions>,
  clock: Pick<Clock, 'after' | 'every'>,
) => ReconnectingTransport;

/** Serial ports and HID devices. A simulated device has no real link: it stays offline and says why. */
export const openDeviceLink: OpenLink = (config, hid, clock) => {
  const t = config.transport;
  const description = addressOf(config);
  switch (t.type) {
    case 'serial':
      return createReconnectingTransport(
        () => openSerial(t.path, t.baudRate, clock),
        description,
        undefined,
        clock,
      );
    case 'hid':
      return createReconnectingTransport(
        async () => {
          const handle = await openHid(t.vendorId, t.productId, t.usagePage);
          return hidTransport(handle, `${description} ${handle.path}`, {
            ...defaultHidOptions,
            ...hid,
          });
        },
        description,
        undefined,
        clock,
      );
    case 'simulated':
    case 'uvc':
      return createReconnectingTransport(
        () => Promise.reject(new Error(`${t.type} device: no byte link outside demo mode`)),
        description,
        { initialMs: 60_000, maxMs: 60_000 },
        clock,
      );
  }
};
