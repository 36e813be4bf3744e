/**
 * The SAM_V frame protocol of second-generation ID card readers, as pure
 * functions over bytes (see docs/DEVICES.md §1).
 *
 *   host → reader: AA AA AA 96 69 · Len(BE, 2) · CMD · Para · Data… · CHK
 *   reader → host: AA AA AA 96 69 · Len(BE, 2) · SW1 SW2 SW3 · Data… · CHK
 *
 * Len counts every byte after itself, CHK included; CHK is the XOR of Len1
 * through the last data byte.
 */

export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** The longest reply (text + photo + two fingerprints) is 2321 bytes; anything longer is noise. */
export const MAX_FRAME_BYTES = 2400;
const HEADER_BYTES = PREAMBLE.length + 2;

export const Command = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readText: [0x30, 0x01],
  readTextWithFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;

export type CommandName = keyof typeof Command;

function xor(bytes: Uint8Array, from: number, to: number): number {
  let chk = 0;
  for (let i = from; i < to; i += 1) chk ^= bytes[i] ?? 0;
  return chk;
}

/** Wraps a body (CMD+Para+Data, or SW1..SW3+Data) in preamble, length and checksum. */
export function frame(body: Uint8Array | readonly number[]): Uint8Array {
  const length = body.length + 1;
  const out = new Uint8Array(HEADER_BYTES + length);
  out.set(PREAMBLE, 0);
  out[5] = (length >> 8) & 0xff;
  out[6] = length & 0xff;
  out.set(body, HEADER_BYTES);
  out[out.length - 1] = xor(out, 5, out.length - 1);
  return out;
}

export function encodeCommand(name: CommandName, data: readonly number[] = []): Uint8Array {
  return frame([...Command[name], ...data]);
}

export function encodeReply(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[2] = sw3;
  body.set(data, 3);
  return frame(body);
}

export type DeframeEvent =
  | { readonly type: 'frame'; readonly body: Uint8Array }
  | { readonly type: 'bad-checksum'; readonly length: number }
  | { readonly type: 'bad-length'; readonly length: number }
  | { readonly type: 'garbage'; readonly count: number };

export interface DeframeResult {
  readonly events: readonly DeframeEvent[];
  /** Bytes to keep for the next call: an incomplete frame, or a possible preamble prefix. */
  readonly rest: Uint8Array;
}

function indexOfPreamble(buffer: Uint8Array, from: number): number {
  outer: for (let i = from; i <= buffer.length - PREAMBLE.length; i += 1) {
    for (let j = 0; j < PREAMBLE.length; j += 1) if (buffer[i + j] !== PREAMBLE[j]) continue outer;
    return i;
  }
  return -1;
}

/** Longest suffix of `buffer` that could still grow into a preamble. */
function preamblePrefixLength(buffer: Uint8Array): number {
  for (let n = Math.min(PREAMBLE.length - 1, buffer.length); n > 0; n -= 1) {
    let match = true;
    for (let j = 0; j < n; j += 1) {
      if (buffer[buffer.length - n + j] !== PREAMBLE[j]) {
        match = false;
        break;
      }
    }
    if (match) return n;
  }
  return 0;
}

/**
 * Splits a byte stream into frame bodies. Never throws: garbage is skipped,
 * a frame with a bad checksum or impossible length is reported and the search
 * resumes one byte after its preamble, so the next valid frame is always found.
 */
export function deframe(buffer: Uint8Array): DeframeResult {
  const events: DeframeEvent[] = [];
  let pos = 0;
  for (;;) {
    const start = indexOfPreamble(buffer, pos);
    if (start < 0) {
      const keep = preamblePrefixLength(buffer.subarray(pos));
      const dropped = buffer.length - pos - keep;
      if (dropped > 0) events.push({ type: 'garbage', count: dropped });
      return { events, rest: buffer.slice(buffer.length - keep) };
    }
    if (start > pos) events.push({ type: 'garbage', count: start - pos });
    if (buffer.length < start + HEADER_BYTES) return { events, rest: buffer.slice(start) };
    const length = ((buffer[start + 5] ?? 0) << 8) | (buffer[start + 6] ?? 0);
    if (length < 2 || HEADER_BYTES + length > MAX_FRAME_BYTES) {
      events.push({ type: 'bad-length', length });
      pos = start + 1;
      continue;
    }
    const end = start + HEADER_BYTES + length;
    if (buffer.length < end) return { events, rest: buffer.slice(start) };
    if (xor(buffer, start + 5, end - 1) !== buffer[end - 1]) {
      events.push({ type: 'bad-checksum', length });
      pos = start + 1;
      continue;
    }
    events.push({ type: 'frame', body: buffer.slice(start + HEADER_BYTES, end - 1) });
    pos = end;
  }
}

/** `deframe` over a byte stream: keeps the unfinished tail between chunks. */
export interface StreamDeframer {
  push(chunk: Uint8Array): readonly DeframeEvent[];
  /** Drops a half-received frame, e.g. before a new request after a timeout. */
  reset(): void;
}

export function createStreamDeframer(): StreamDeframer {
  let rest: Uint8Array = new Uint8Array(0);
  return {
    push(chunk) {
      const joined = new Uint8Array(rest.length + chunk.length);
      joined.set(rest, 0);
      joined.set(chunk, rest.length);
      const result = deframe(joined);
      rest = result.rest;
      return result.events;
    },
    reset() {
      rest = new Uint8Array(0);
    },
  };
}

export interface Reply {
  readonly sw1: number;
  readonly sw2: number;
  readonly sw3: number;
  readonly data: Uint8Array;
}

export function parseReply(body: Uint8Array): Reply | null {
  if (body.length < 3) return null;
  return { sw1: body[0] ?? 0, sw2: body[1] ?? 0, sw3: body[2] ?? 0, data: body.subarray(3) };
}

export interface ParsedCommand {
  readonly cmd: number;
  readonly para: number;
  readonly data: Uint8Array;
}

export function parseCommand(body: Uint8Array): ParsedCommand | null {
  if (body.length < 2) return null;
  return { cmd: body[0] ?? 0, para: body[1] ?? 0, data: body.subarray(2) };
}

/** SW3, the reader's own status, as a stable error code. */
export type ReaderStatus =
  | 'ok'
  | 'card_found'
  | 'no_card'
  | 'select_failed'
  | 'read_failed'
  | 'checksum'
  | 'length'
  | 'command'
  | 'auth_failed'
  | 'verify_failed'
  | 'wrong_card'
  | 'not_authorised'
  | 'self_test_failed'
  | 'no_content'
  | 'unknown';

export function readerStatus(sw3: number): ReaderStatus {
  switch (sw3) {
    case 0x90:
      return 'ok';
    case 0x9f:
      return 'card_found';
    case 0x80:
      return 'no_card';
    case 0x81:
      return 'select_failed';
    case 0x41:
      return 'read_failed';
    case 0x10:
      return 'checksum';
    case 0x11:
      return 'length';
    case 0x21:
      return 'command';
    case 0x31:
    case 0x32:
    case 0x47:
      return 'auth_failed';
    case 0x33:
      return 'verify_failed';
    case 0x40:
      return 'wrong_card';
    case 0x66:
      return 'not_authorised';
    case 0x60:
      return 'self_test_failed';
    case 0x91:
      return 'no_content';
    default:
      return 'unknown';
  }
}

/**
 * The SAM module's id as readers print it on their label and in vendor tools:
 * "05.01-20101215-0012345678-1234567890" from the 16 bytes of a 12 FF reply
 * (two version bytes, a reserved pair, then three little-endian 32-bit numbers).
 */
export function formatSamId(data: Uint8Array): string | null {
  if (data.length < 16) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const two = (n: number) => n.toString().padStart(2, '0');
  return [
    `${two(data[0] ?? 0)}.${two(data[1] ?? 0)}`,
    view.getUint32(4, true).toString().padStart(8, '0'),
    view.getUint32(8, true).toString().padStart(10, '0'),
    view.getUint32(12, true).toString().padStart(10, '0'),
  ].join('-');
}
