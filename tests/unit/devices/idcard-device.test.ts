import { testClock } from '../../test-clock';
import { describe, expect, it } from 'vitest';
import { deviceConfigSchema } from '../../../electron/config/schema';
import {
  createIdCardDevice,
  type CardEvent,
} from '../../../electron/devices/managed/idcard-device';
import { createDemoRig } from '../../../electron/devices/demo/demo-rig';
import type { Logger } from '../../../electron/shared/log';
import { eventually } from '../../integration/pty-pair';

const readerConfig = () => {
  const config = deviceConfigSchema.parse({
    id: 'idcard-1',
    kind: 'idcard',
    transport: { type: 'simulated' },
    options: { pollIntervalMs: 50 },
  });
  if (config.kind !== 'idcard') throw new Error('not a reader config');
  return config;
};

describe('the managed ID card reader', () => {
  it('keeps delivering card events after a listener fails, and says so in the log', async () => {
    const logged: string[] = [];
    const log: Logger = {
      info: () => undefined,
      warn: () => undefined,
      error: (event) => logged.push(event),
    };
    const clock = testClock();
    const rig = createDemoRig([readerConfig()], clock);
    const device = createIdCardDevice(readerConfig(), {
      log,
      clock,
      openLink: rig.openLink,
      onHealth: () => undefined,
    });
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
      await eventually('the card placed on the simulated reader', () =>
        rig.controls.placeCard('adult'),
      );
      await eventually('the card read', () => seen.includes('card-read'), 2000);
      rig.controls.removeCard();
      await eventually('the removal', () => seen.includes('card-removed'), 2000);
      expect(seen).toEqual(['card-present', 'card-read', 'card-removed']);
      expect(logged).toEqual(['idcard.event_failed']);
    } finally {
      await device.stop();
    }
  });
});
