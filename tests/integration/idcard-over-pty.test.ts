import { systemClock } from '../../core/clock';
import { TEST_TODAY } from '../test-clock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createIdCardReader,
  type IdCardEvent,
  type IdCardReader,
} from '../../electron/devices/idcard/reader';
import {
  createIdCardSimulator,
  type IdCardSimulator,
} from '../../electron/devices/sim/idcard-simulator';
import { sampleCard, type SampleCardId } from '../../electron/devices/sim/sample-cards';
import type { ByteTransport } from '../../electron/devices/transport/byte-transport';
import {
  createReconnectingTransport,
  type ReconnectingTransport,
} from '../../electron/devices/transport/reconnecting';
import { openSerial } from '../../electron/devices/transport/serial';
import { eventually, openPtyPair, type PtyPair } from './pty-pair';

const card = (id: SampleCardId) => sampleCard(id, TEST_TODAY);

/** The reader driver and the simulator on the two ends of a real PTY, through the serialport bindings. */
describe('ID card reader over a serial PTY', () => {
  let pair: PtyPair;
  let link: ReconnectingTransport;
  let device: ByteTransport;
  let sim: IdCardSimulator;
  let reader: IdCardReader;
  let events: IdCardEvent[];

  const setUp = async (replyTimeoutMs = 600) => {
    pair = await openPtyPair();
    link = createReconnectingTransport(() => openSerial(pair.kioskEnd, 115200), pair.kioskEnd, {
      initialMs: 50,
      maxMs: 200,
    });
    device = await openSerial(pair.deviceEnd, 115200);
    sim = createIdCardSimulator(device);
    reader = createIdCardReader(link, {
      pollIntervalMs: 40,
      replyTimeoutMs,
      missesForRemoval: 2,
      today: () => TEST_TODAY,
      clock: systemClock,
    });
    events = [];
    reader.onEvent((e) => events.push(e));
    await eventually('the link to open', () => link.state() === 'open');
    reader.start();
  };
  const count = (type: IdCardEvent['type']) => events.filter((e) => e.type === type).length;
  /** Waits until the reader has polled `n` more times: progress, not a length of time. */
  const morePolls = async (n: number): Promise<void> => {
    const from = sim.polls;
    await eventually(`${n} more polls`, () => sim.polls >= from + n);
  };
  const errors = () =>
    events
      .filter((e): e is Extract<IdCardEvent, { type: 'error' }> => e.type === 'error')
      .map((e) => e.code);

  afterEach(async () => {
    await reader.stop();
    await link.close();
    await device.close().catch(() => undefined);
    await pair.close();
  });

  it('reads a card at 115200 baud once, and notices its removal', async () => {
    await setUp();
    sim.placeCard(card('polyphone'));
    await eventually('a card read', () => count('card-read') === 1);
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
    // The card stays on the reader through five more polls: it is not read a second time.
    await morePolls(5);
    expect(count('card-read')).toBe(1);
    sim.removeCard();
    await eventually('the card removal', () => count('card-removed') === 1);
  });

  it('reads the SAM id for diagnostics', async () => {
    await setUp();
    const id = await reader.readSamId();
    // The simulator's SAM answers bytes 1..16: 01 02 · 03 04 · then 05..08, 09..0C, 0D..10 little-endian.
    expect(id).toEqual({ ok: true, value: '01.02-134678021-0202050057-0269422093' });
  });

  it('reports a read failure once, then reads the card when the fault clears', async () => {
    await setUp();
    sim.faults.readFailure = true;
    sim.placeCard(card('adult'));
    await eventually('a read failure', () => errors().includes('read_failed'));
    await morePolls(5);
    expect(errors().filter((c) => c === 'read_failed')).toHaveLength(1);
    sim.faults.readFailure = false;
    await eventually('the card read after recovery', () => count('card-read') === 1);
  });

  it('reads through noise between frames and replies split into 7-byte pieces', async () => {
    await setUp();
    sim.faults.garbage = true;
    sim.faults.splitFrames = true;
    sim.placeCard(card('elder'));
    await eventually('a card read through noise', () => count('card-read') === 1);
    expect(errors()).toEqual([]);
  });

  it('reports a slow reader as a timeout and recovers when it answers again', async () => {
    await setUp(300);
    sim.faults.delayMs = 800;
    await eventually('a timeout', () => errors().includes('timeout'));
    sim.faults.delayMs = 0;
    await eventually('the reader to recover', () => count('recovered') >= 1, 4000);
    sim.placeCard(card('adult'));
    await eventually('a card read after recovery', () => count('card-read') === 1);
  });

  it('reopens the port when the reader is unplugged and plugged back in', async () => {
    await setUp();
    await pair.unplug();
    await eventually('the link to go offline', () => link.state() === 'offline');
    await device.close().catch(() => undefined);
    await pair.replug();
    device = await openSerial(pair.deviceEnd, 115200);
    sim = createIdCardSimulator(device);
    // Generous: the reopened port's first polls back off, and a loaded machine (the whole suite on 2 cores) is slow.
    await eventually('the link to reopen', () => link.state() === 'open', 15_000);
    sim.placeCard(card('minor'));
    await eventually('a card read after replug', () => count('card-read') === 1, 15_000);
  }, 40_000);
});
