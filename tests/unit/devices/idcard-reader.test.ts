import { sleep } from '../../sleep';
import { systemClock } from '../../../core/clock';
import { TEST_TODAY } from '../../test-clock';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdCardReader, type IdCardEvent } from '../../../electron/devices/idcard/reader';
import { createIdCardSimulator } from '../../../electron/devices/sim/idcard-simulator';
import { sampleCard, type SampleCardId } from '../../../electron/devices/sim/sample-cards';
import { createMemoryPair } from '../../../electron/devices/transport/memory-pair';

const options = {
  pollIntervalMs: 20,
  replyTimeoutMs: 300,
  missesForRemoval: 2,
  today: () => TEST_TODAY,
  // Polls over a simulator that answers in its own time: the machine's timers, as on a kiosk.
  clock: systemClock,
};
const card = (id: SampleCardId) => sampleCard(id, TEST_TODAY);

function rig(swapGapPolls = 3) {
  const [host, device] = createMemoryPair();
  const simulator = createIdCardSimulator(device, { swapGapPolls });
  const reader = createIdCardReader(host, options);
  const events: IdCardEvent[] = [];
  reader.onEvent((e) => events.push(e));
  reader.start();
  const waitFor = async (type: IdCardEvent['type'], count = 1): Promise<void> => {
    for (let i = 0; i < 200; i += 1) {
      if (events.filter((e) => e.type === type).length >= count) return;
      await sleep(10, 'the reader polls a simulator on the machine clock');
    }
    throw new Error(`no ${type} event; saw ${events.map((e) => e.type).join(',')}`);
  };
  /** Waits until the reader has polled `n` more times: progress, not a length of time. */
  const morePolls = async (n: number): Promise<void> => {
    const from = simulator.polls;
    for (let i = 0; i < 200 && simulator.polls < from + n; i += 1)
      await sleep(10, 'the reader polls a simulator on the machine clock');
    if (simulator.polls < from + n) throw new Error(`the reader did not poll ${n} more times`);
  };
  return { simulator, reader, events, waitFor, morePolls, stop: () => reader.stop() };
}

describe('ID card reader driver against the wire-level simulator', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
  });

  it('reads a placed card once, even while it stays on the reader', async () => {
    const r = rig();
    stop = r.stop;
    r.simulator.placeCard(card('adult'));
    await r.waitFor('card-read');
    await r.morePolls(5);
    const reads = r.events.filter((e) => e.type === 'card-read');
    expect(reads).toHaveLength(1);
    const read = reads[0] as Extract<IdCardEvent, { type: 'card-read' }>;
    expect(read.identity.name).toBe('王晓明');
    expect(read.identity.hasPhoto).toBe(true);
    expect(read.photo.length).toBe(1024);
    expect(r.events[0]?.type).toBe('card-present');
  });

  it('reports removal, then reads the next card', async () => {
    const r = rig();
    stop = r.stop;
    r.simulator.placeCard(card('adult'));
    await r.waitFor('card-read');
    r.simulator.removeCard();
    await r.waitFor('card-removed');
    r.simulator.placeCard(card('elder'));
    await r.waitFor('card-read', 2);
    const last = r.events.filter((e) => e.type === 'card-read').at(-1) as Extract<
      IdCardEvent,
      { type: 'card-read' }
    >;
    expect(last.identity.name).toBe('李秀英');
    expect(last.identity.validTo).toBe('长期');
  });

  it('reports the removal of a card lifted before it could be read again (a session started with it lying there)', async () => {
    const r = rig();
    stop = r.stop;
    r.simulator.placeCard(card('adult'));
    await r.waitFor('card-read');
    // The next session asks for the card again and its owner lifts it in the same instant.
    r.reader.reread();
    r.simulator.removeCard();
    await r.waitFor('card-removed');
    await r.morePolls(3);
    expect(r.events.filter((e) => e.type === 'card-removed')).toHaveLength(1);
  });

  it('reads the same card again when it is taken off and put straight back', async () => {
    const r = rig();
    stop = r.stop;
    r.simulator.placeCard(card('adult'));
    await r.waitFor('card-read');
    // Off and on again before the reader polls once: a hand still leaves the field empty a moment.
    r.simulator.removeCard();
    r.simulator.placeCard(card('adult'));
    await r.waitFor('card-read', 2);
    expect(r.events.map((e) => e.type)).toEqual([
      'card-present',
      'card-read',
      'card-removed',
      'card-present',
      'card-read',
    ]);
  });

  it('tells a card swapped in an instant from the one already read, by its select reply', async () => {
    const r = rig(0);
    stop = r.stop;
    r.simulator.placeCard(card('adult'));
    await r.waitFor('card-read');
    r.simulator.placeCard(card('polyphone'));
    await r.waitFor('card-read', 2);
    const names = r.events.flatMap((e) => (e.type === 'card-read' ? [e.identity.name] : []));
    expect(names).toEqual(['王晓明', '单雪梅']);
    expect(r.events.filter((e) => e.type === 'card-removed')).toHaveLength(1);
  });

  it('reports a silent reader once as a timeout, not on every poll', async () => {
    const [host, device] = createMemoryPair();
    let polls = 0;
    device.onData(() => (polls += 1));
    const reader = createIdCardReader(host, options);
    const events: IdCardEvent[] = [];
    reader.onEvent((e) => events.push(e));
    reader.start();
    stop = () => reader.stop();
    // Three polls went unanswered (each waits out its timeout): one error, not three.
    for (let i = 0; i < 400 && polls < 3; i += 1)
      await sleep(10, 'the reader polls a simulator on the machine clock');
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(events.filter((e) => e.type === 'error')).toEqual([
      { type: 'error', code: 'timeout', message: 'no reply within 300 ms' },
    ]);
  });
  it("test-reads the card for the technician's self-test without announcing it or saying what it says", async () => {
    const r = rig();
    stop = r.stop;
    await expect(r.reader.testRead()).resolves.toMatchObject({
      ok: false,
      error: { code: 'no_card' },
    });
    r.simulator.placeCard(card('adult'));
    await r.waitFor('card-read');
    const before = r.events.length;
    const test = await r.reader.testRead();
    expect(test).toEqual({
      ok: true,
      value: { kind: 'resident', textBytes: 256, photoBytes: 1024 },
    });
    expect(JSON.stringify(test)).not.toContain('王晓明');
    await r.morePolls(3);
    // The card already read is not read (or announced) again for the citizen.
    expect(r.events.slice(before)).toEqual([]);
    r.simulator.faults.readFailure = true;
    await expect(r.reader.testRead()).resolves.toMatchObject({ ok: false });
  });
});
