import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../electron/config/schema';
import {
  createIdCardDevice,
  type CardEvent,
} from '../../../electron/devices/managed/idcard-device';
import { SAMPLE_CARDS } from '../../../electron/devices/sim/sample-cards';
import type { Logger } from '../../../electron/shared/log';

const readerConfig = () => {
  const parsed = kioskConfigSchema.parse({
    station: { code: '110105001', name: '示例派出所', address: '示例路1号', phone: '010-00000000' },
    kioskId: 'UNIT-01',
    devices: [
      {
        id: 'idcard-1',
        kind: 'idcard',
        transport: { type: 'simulated' },
        options: { pollIntervalMs: 50 },
      },
    ],
    backOffice: null,
  });
  const device = parsed.devices[0];
  if (device?.kind !== 'idcard') throw new Error('no reader in the config');
  return device;
};

const until = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the managed ID card reader', () => {
  it('keeps delivering card events after a listener fails, and says so in the log', async () => {
    const logged: string[] = [];
    const log: Logger = {
      info: () => undefined,
      warn: () => undefined,
      error: (event) => logged.push(event),
    };
    const device = createIdCardDevice(readerConfig(), () => undefined, log);
    const seen: CardEvent['type'][] = [];
    let failed = false;
    device.onEvent((event) => {
      seen.push(event.type);
      if (!failed) {
        failed = true;
        throw new Error('a listener bug');
      }
    });
    await device.start();
    try {
      device.simulator!.placeCard(SAMPLE_CARDS[0]!);
      await until(() => seen.includes('card-read'), 'the card read');
      device.simulator!.removeCard();
      await until(() => seen.includes('card-removed'), 'the removal');
      expect(seen).toEqual(['card-present', 'card-read', 'card-removed']);
      expect(logged).toEqual(['idcard.eventFailed']);
    } finally {
      await device.stop();
    }
  });
});
