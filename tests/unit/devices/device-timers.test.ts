import { describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../../core/clock';
import { encodeCommand, encodeReply } from '../../../electron/devices/idcard/codec';
import { createSamLink } from '../../../electron/devices/idcard/sam-link';
import { createReceiptPrinter } from '../../../electron/devices/printer/receipt-printer';
import type { ByteTransport } from '../../../electron/devices/transport/byte-transport';
import { createMemoryPair } from '../../../electron/devices/transport/memory-pair';
import { createReconnectingTransport } from '../../../electron/devices/transport/reconnecting';

/**
 * The device drivers' time limits and retries run on the kiosk's clock: a
 * silent reader, a printer that never answers and a device that stays
 * unplugged are tested by moving a manual clock, not by waiting.
 */
const START = new Date('2026-06-15T02:00:00.000Z');

/** Lets the promise callbacks and a memory pair's setImmediate deliveries run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Moves the clock `ms` in steps of 100 ms, letting what each step started
 * finish before the next: a retry is armed only once its failed try has settled.
 */
async function run(clock: ManualClock, ms: number): Promise<void> {
  for (let moved = 0; moved < ms; moved += 100) {
    clock.advance(Math.min(100, ms - moved));
    await settle();
  }
}

describe('a device that stays unplugged', () => {
  it('is tried again after 500 ms, then 1, 2, 4, 8 s, then every 10 s, on the clock it was given', async () => {
    const clock = manualClock(START);
    const tries: number[] = [];
    const link = createReconnectingTransport(
      async () => {
        tries.push(clock.nowMs() - START.getTime());
        throw new Error('ENOENT /dev/ttyUSB0');
      },
      '/dev/ttyUSB0 @115200',
      undefined,
      clock,
    );
    await settle();
    await run(clock, 60_000);
    expect(tries).toEqual([0, 500, 1500, 3500, 7500, 15_500, 25_500, 35_500, 45_500, 55_500]);
    expect(link.state()).toBe('offline');
    await link.close();
    await run(clock, 60_000);
    expect(tries).toHaveLength(10);
    expect(clock.pending()).toBe(0);
  });

  it('is open again at the first try after it comes back, and the delay starts over', async () => {
    const clock = manualClock(START);
    let plugged = false;
    const ends: ByteTransport[] = [];
    const link = createReconnectingTransport(
      async () => {
        if (!plugged) throw new Error('unplugged');
        const [host, device] = createMemoryPair();
        ends.push(device);
        return host;
      },
      'printer',
      undefined,
      clock,
    );
    await settle();
    await run(clock, 1500);
    expect(link.state()).toBe('offline');
    plugged = true;
    // The next try is 2 s after the one at 1.5 s: the device is found then, not before.
    await run(clock, 1900);
    expect(link.state()).toBe('offline');
    await run(clock, 100);
    expect(link.state()).toBe('open');
    await ends[0]!.close();
    expect(link.state()).toBe('offline');
    // Unplugged again: the first retry is 500 ms away again, not 4 s.
    await run(clock, 500);
    expect(link.state()).toBe('open');
    await link.close();
  });
});

describe('a reader that does not answer', () => {
  it('times out when the clock passes the limit, not before, and a late reply is dropped', async () => {
    const clock = manualClock(START);
    const [host, device] = createMemoryPair();
    const link = createSamLink(host, undefined, clock);
    let answered: unknown = null;
    const request = link.request(encodeCommand('findCard'), 3000).then((r) => (answered = r));
    await settle();
    clock.advance(2999);
    await settle();
    expect(answered).toBeNull();
    clock.advance(1);
    await request;
    expect(answered).toMatchObject({ ok: false, error: { code: 'timeout' } });
    await device.write(encodeReply(0x9f));
    await settle();
    expect(link.takeFramingEvents()).toEqual([]);
    link.dispose();
  });

  it('times out a write that never drains (a stalled adapter), and the reader can ask again', async () => {
    const clock = manualClock(START);
    const [host, device] = createMemoryPair();
    let stalled = true;
    const stalling: ByteTransport = {
      ...host,
      write: (bytes) => (stalled ? new Promise<void>(() => undefined) : host.write(bytes)),
    };
    const link = createSamLink(stalling, undefined, clock);
    let answered: unknown = null;
    const request = link.request(encodeCommand('findCard'), 3000).then((r) => (answered = r));
    await settle();
    clock.advance(3000);
    await request;
    expect(answered).toMatchObject({ ok: false, error: { code: 'timeout' } });
    stalled = false;
    device.onData(() => void device.write(encodeReply(0x9f)));
    expect((await link.request(encodeCommand('findCard'), 3000)).ok).toBe(true);
    link.dispose();
  });

  it('a reply within the limit is taken, and its timer is cancelled', async () => {
    const clock = manualClock(START);
    const [host, device] = createMemoryPair();
    const link = createSamLink(host, undefined, clock);
    device.onData(() => void device.write(encodeReply(0x9f)));
    const reply = await link.request(encodeCommand('findCard'), 3000);
    expect(reply.ok).toBe(true);
    expect(clock.pending()).toBe(0);
    link.dispose();
  });
});

describe('a printer that does not answer its status request', () => {
  it('is reported as timed out after replyTimeoutMs of the clock, with nothing sent to print', async () => {
    const clock = manualClock(START);
    const [host, device] = createMemoryPair();
    const received: number[] = [];
    device.onData((chunk) => received.push(...chunk));
    const printer = createReceiptPrinter(host, {
      replyTimeoutMs: 1000,
      chunkBytes: 512,
      timers: clock,
    });
    let result: unknown = null;
    const printing = printer.print(Uint8Array.of(0x1b, 0x40)).then((r) => (result = r));
    await settle();
    clock.advance(999);
    await settle();
    expect(result).toBeNull();
    clock.advance(1);
    await printing;
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    // Only the first status request (DLE EOT 1) went out: not the slip.
    expect(received).toEqual([0x10, 0x04, 0x01]);
    printer.dispose();
  });
});

describe('a printer that stops taking bytes in the middle of a slip', () => {
  it('says timeout at writeTimeoutMs of the clock, sends nothing more of that slip, and the next print goes out', async () => {
    const clock = manualClock(START);
    const [host, device] = createMemoryPair();
    const received: number[] = [];
    // A ready printer: every status request (DLE EOT n) is answered 0x12, "nothing wrong".
    device.onData((chunk) => {
      received.push(...chunk);
      if (chunk[0] === 0x10 && chunk[1] === 0x04) void device.write(Uint8Array.of(0x12));
    });
    let stallAfter = Infinity;
    let slipChunks = 0;
    const stalling: ByteTransport = {
      ...host,
      write: (bytes) => {
        if (bytes[0] === 0x10 && bytes.length === 3) return host.write(bytes);
        slipChunks += 1;
        return slipChunks > stallAfter ? new Promise<void>(() => undefined) : host.write(bytes);
      },
    };
    const printer = createReceiptPrinter(stalling, {
      replyTimeoutMs: 1000,
      chunkBytes: 4,
      writeTimeoutMs: 5000,
      timers: clock,
    });
    const slip = Uint8Array.from({ length: 12 }, (_, i) => 0x41 + i);
    stallAfter = 1;
    let result: unknown = null;
    const printing = printer.print(slip).then((r) => (result = r));
    // The status exchange and the first chunk need no time on the clock, only turns of the loop.
    for (let turn = 0; turn < 50 && slipChunks < 2; turn += 1) await settle();
    expect(slipChunks).toBe(2);
    await run(clock, 4900);
    expect(result).toBeNull();
    await run(clock, 100);
    await printing;
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    // The first chunk went out, the second never drained, the third was not sent.
    expect(slipChunks).toBe(2);
    stallAfter = Infinity;
    received.length = 0;
    expect((await printer.print(slip)).ok).toBe(true);
    await settle();
    expect(received.slice(-12)).toEqual([...slip]);
    printer.dispose();
  });
});
