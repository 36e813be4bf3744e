import iconv from 'iconv-lite';
import { hidPosReports } from '../scanner/hid-pos';
import { ssiPacket, SsiOpcode } from '../scanner/ssi';
import type { ByteTransport } from '../transport/byte-transport';

export interface ScannerSimulator {
  /** The scanner reads a code and sends it the way its protocol does. */
  scan(
    text: string,
    options?: { readonly encoding?: 'utf-8' | 'gbk'; readonly aim?: string },
  ): void;
  /** Trigger commands received (Honeywell SYN T/U, SSI start/stop), for tests. */
  readonly triggers: readonly string[];
  dispose(): void;
}

/** A serial scanner: plain codes with a terminator (and AIM prefix), or Zebra SSI packets. */
export function createSerialScannerSimulator(
  port: ByteTransport,
  mode: {
    readonly protocol: 'plain' | 'honeywell' | 'zebra-ssi';
    readonly terminator: 'CR' | 'LF' | 'CRLF';
    readonly aimPrefix: boolean;
  },
): ScannerSimulator {
  const triggers: string[] = [];
  const unsubscribe = port.onData((chunk) => {
    // Several commands may arrive in one chunk: look at every position.
    for (let i = 0; i < chunk.length; i += 1) {
      if (chunk[i] === 0x16 && chunk[i + 1] === 0x54 && chunk[i + 2] === 0x0d)
        triggers.push('honeywell-on');
      if (chunk[i] === 0x16 && chunk[i + 1] === 0x55 && chunk[i + 2] === 0x0d)
        triggers.push('honeywell-off');
      if (chunk[i] === 0x04 && chunk[i + 1] === SsiOpcode.startDecode) triggers.push('ssi-start');
      if (chunk[i] === 0x04 && chunk[i + 1] === SsiOpcode.stopDecode) triggers.push('ssi-stop');
    }
  });
  const terminator = { CR: [0x0d], LF: [0x0a], CRLF: [0x0d, 0x0a] }[mode.terminator];
  return {
    triggers,
    scan(text, options = {}) {
      const payload =
        options.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
      if (mode.protocol === 'zebra-ssi') {
        void port.write(ssiPacket(SsiOpcode.decodeData, [0x1b, ...payload], 0x00));
        return;
      }
      const aim = mode.aimPrefix ? Buffer.from(options.aim ?? ']Q1', 'ascii') : Buffer.alloc(0);
      void port.write(Uint8Array.from([...aim, ...payload, ...terminator]));
    },
    dispose: unsubscribe,
  };
}

/** Reports a HID-POS scanner would send for a code, as a fake node-hid handle would deliver them. */
export function hidPosScanReports(text: string, aim = ']Q1', reportSize = 64): Uint8Array[] {
  return hidPosReports(aim, Buffer.from(text, 'utf8'), reportSize);
}
