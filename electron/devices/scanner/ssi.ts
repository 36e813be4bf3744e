/**
 * Zebra/Symbol SSI packets (docs/DEVICES.md §4): [length, opcode, source, status,
 * data…, checksum high, checksum low]; the checksum is the 16-bit two's
 * complement of the sum of every byte before it.
 */
export const SsiOpcode = {
  startDecode: 0xe4,
  stopDecode: 0xe5,
  decodeData: 0xf3,
  ack: 0xd0,
  nak: 0xd1,
} as const;

const HOST = 0x04;

export function ssiPacket(opcode: number, data: readonly number[] = [], source = HOST): Uint8Array {
  const body = [4 + data.length, opcode, source, 0x00, ...data];
  const sum = body.reduce((a, b) => a + b, 0);
  const checksum = (0x10000 - (sum & 0xffff)) & 0xffff;
  return Uint8Array.from([...body, checksum >> 8, checksum & 0xff]);
}

export interface SsiPacket {
  readonly opcode: number;
  readonly source: number;
  readonly data: Uint8Array;
}

/** A complete packet with a good checksum starting at `pos`, or null. */
function packetAt(buffer: Uint8Array, pos: number): SsiPacket | null {
  const length = buffer[pos] ?? 0;
  if (length < 4 || pos + length + 2 > buffer.length) return null;
  const body = buffer.subarray(pos, pos + length);
  const sum = body.reduce((a, b) => a + b, 0);
  const expected = (0x10000 - (sum & 0xffff)) & 0xffff;
  const got = ((buffer[pos + length] ?? 0) << 8) | (buffer[pos + length + 1] ?? 0);
  return got === expected
    ? { opcode: body[1] ?? 0, source: body[2] ?? 0, data: body.slice(4) }
    : null;
}

/**
 * Splits a byte stream into SSI packets. Noise is skipped byte by byte; when a
 * noise byte looks like the length of a packet still arriving, a good packet
 * already complete further on wins, so noise cannot stall the stream.
 */
export function deframeSsi(buffer: Uint8Array): {
  readonly packets: SsiPacket[];
  readonly rest: Uint8Array;
} {
  const packets: SsiPacket[] = [];
  let pos = 0;
  while (pos < buffer.length) {
    const length = buffer[pos] ?? 0;
    if (length < 4) {
      pos += 1;
      continue;
    }
    if (pos + length + 2 > buffer.length) {
      let later = -1;
      for (let j = pos + 1; j < buffer.length && later < 0; j += 1)
        if (packetAt(buffer, j) !== null) later = j;
      if (later < 0) break;
      pos = later;
      continue;
    }
    const packet = packetAt(buffer, pos);
    if (packet === null) {
      pos += 1;
      continue;
    }
    packets.push(packet);
    pos += length + 2;
  }
  return { packets, rest: buffer.slice(pos) };
}
