import { afterEach, describe, expect, it } from 'vitest';
import { createIdCardReader, type IdCardEvent } from '../../electron/devices/idcard/reader';
import { createIdCardSimulator } from '../../electron/devices/sim/idcard-simulator';
import { SAMPLE_CARDS } from '../../electron/devices/sim/sample-cards';
import type { ByteTransport } from '../../electron/devices/transport/byte-transport';
import { openSerial } from '../../electron/devices/transport/serial';
import { openPtyPair, type PtyPair } from './pty-pair';

/** The reader driver and the simulator on two ends of a real PTY, through the serialport bindings. */
describe('ID card reader over a serial PTY', () => {
  let pair: PtyPair | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await pair?.close();
  });

  it('reads a card at 115200 baud, once, and notices its removal', async () => {
    pair = await openPtyPair();
    const kiosk: ByteTransport = await openSerial(pair.kioskEnd, 115200);
    const device: ByteTransport = await openSerial(pair.deviceEnd, 115200);
    cleanups.push(
      () => kiosk.close(),
      () => device.close(),
    );
    const simulator = createIdCardSimulator(device);
    const reader = createIdCardReader(kiosk, {
      pollIntervalMs: 50,
      replyTimeoutMs: 1000,
      missesForRemoval: 2,
      today: () => '2026-11-27',
    });
    cleanups.push(() => reader.stop());
    const events: IdCardEvent[] = [];
    reader.onEvent((e) => events.push(e));
    reader.start();

    const waitFor = async (type: IdCardEvent['type']): Promise<void> => {
      for (let i = 0; i < 300 && !events.some((e) => e.type === type); i += 1)
        await new Promise((r) => setTimeout(r, 10));
      if (!events.some((e) => e.type === type))
        throw new Error(`no ${type}: ${events.map((e) => e.type).join(',')}`);
    };

    simulator.placeCard(SAMPLE_CARDS.find((c) => c.id === 'polyphone')!);
    await waitFor('card-read');
    const read = events.find((e) => e.type === 'card-read') as Extract<
      IdCardEvent,
      { type: 'card-read' }
    >;
    expect(read.identity).toMatchObject({
      name: '单雪梅',
      nation: '满',
      sex: 'female',
      birthDate: '1995-11-20',
    });
    expect(kiosk.description).toBe(`${pair.kioskEnd} @115200`);

    await new Promise((r) => setTimeout(r, 300));
    expect(events.filter((e) => e.type === 'card-read')).toHaveLength(1);

    simulator.removeCard();
    await waitFor('card-removed');
  });
});
