import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createStreamDeframer,
  deframe,
  encodeCommand,
  encodeReply,
  frame,
  parseReply,
  readerStatus,
} from '../../../electron/devices/idcard/codec';

const hex = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString('hex').toUpperCase().match(/../g)!.join(' ');
const PRE = 'AA AA AA 96 69';

describe('SAM command frames (docs/DEVICES.md §1)', () => {
  it.each([
    ['resetSam', '00 03 10 FF EC'],
    ['samStatus', '00 03 11 FF ED'],
    ['readSamId', '00 03 12 FF EE'],
    ['findCard', '00 03 20 01 22'],
    ['selectCard', '00 03 20 02 21'],
    ['readText', '00 03 30 01 32'],
    ['readTextWithFingerprint', '00 03 30 10 23'],
  ] as const)('%s is %s', (name, tail) => {
    expect(hex(encodeCommand(name))).toBe(`${PRE} ${tail}`);
  });

  it('encodes the find-card reply of the protocol description byte for byte', () => {
    expect(hex(encodeReply(0x9f, new Uint8Array(4)))).toBe(`${PRE} 00 08 00 00 9F 00 00 00 00 97`);
  });

  it('reads the length big-endian (a 1295-byte read reply has Len 05 08)', () => {
    const reply = encodeReply(0x90, new Uint8Array(4 + 256 + 1024));
    expect(reply.length).toBe(1295);
    expect(hex(reply.subarray(5, 7))).toBe('05 08');
  });
});

describe('deframe', () => {
  const find = encodeReply(0x9f, new Uint8Array(4));
  const noCard = encodeReply(0x80);

  it('returns whole frames and keeps an incomplete one for later', () => {
    const joined = Buffer.concat([find, noCard.subarray(0, 6)]);
    const first = deframe(joined);
    expect(first.events).toHaveLength(1);
    expect(first.rest.length).toBe(6);
    const second = deframe(Buffer.concat([first.rest, noCard.subarray(6)]));
    expect(second.events.map((e) => e.type)).toEqual(['frame']);
    expect(Array.from((second.events[0] as { body: Uint8Array }).body)).toEqual(
      Array.from(noCard.subarray(7, noCard.length - 1)),
    );
    expect(parseReply((second.events[0] as { body: Uint8Array }).body)?.sw3).toBe(0x80);
  });

  it('skips garbage before a frame and says how much', () => {
    const result = deframe(Buffer.concat([Buffer.from([1, 2, 3, 0xaa, 0x55]), find]));
    expect(result.events[0]).toEqual({ type: 'garbage', count: 5 });
    expect(result.events[1]?.type).toBe('frame');
  });

  it('reports a bad checksum and still finds the next good frame', () => {
    const broken = Buffer.from(find);
    broken.writeUInt8(broken.readUInt8(broken.length - 1) ^ 0xff, broken.length - 1);
    const result = deframe(Buffer.concat([broken, noCard]));
    expect(result.events.map((e) => e.type)).toContain('bad-checksum');
    const frames = result.events.filter((e) => e.type === 'frame');
    expect(frames).toHaveLength(1);
    expect(parseReply((frames[0] as { body: Uint8Array }).body)?.sw3).toBe(0x80);
  });

  it('refuses an impossible length instead of waiting for megabytes', () => {
    const result = deframe(
      Buffer.concat([Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff]), noCard]),
    );
    expect(result.events[0]).toEqual({ type: 'bad-length', length: 0xffff });
    expect(result.events.some((e) => e.type === 'frame')).toBe(true);
  });

  it('keeps a partial preamble at the end of a chunk', () => {
    expect(Array.from(deframe(Buffer.from([9, 9, 0xaa, 0xaa])).rest)).toEqual([0xaa, 0xaa]);
  });

  it('never throws and always recovers the next valid frame from random noise', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.uint8Array({ maxLength: 40 }),
        (noise, data) => {
          const good = frame([0x00, 0x00, 0x90, ...data]);
          const stream = Buffer.concat([noise, good]);
          const deframer = createStreamDeframer();
          const frames: Uint8Array[] = [];
          for (let i = 0; i < stream.length; i += 7) {
            for (const e of deframer.push(stream.subarray(i, i + 7)))
              if (e.type === 'frame') frames.push(e.body);
          }
          const last = frames.at(-1);
          expect(last).toBeDefined();
          expect(Buffer.from(last!).equals(Buffer.from([0x00, 0x00, 0x90, ...data]))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reader status codes', () => {
  it.each([
    [0x90, 'ok'],
    [0x9f, 'card_found'],
    [0x80, 'no_card'],
    [0x81, 'select_failed'],
    [0x41, 'read_failed'],
    [0x10, 'checksum'],
    [0x66, 'not_authorised'],
    [0x33, 'verify_failed'],
    [0x12, 'unknown'],
  ] as const)('SW3 %i means %s', (sw3, status) => {
    expect(readerStatus(sw3)).toBe(status);
  });
});
