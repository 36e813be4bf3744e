import type { ByteTransport } from '../transport/byte-transport';
import { symbologyFromAim } from './aim';
import { decodeScanText } from './decode-text';
import { createHidPosAssembler } from './hid-pos';
import { deframeSsi, ssiPacket, SsiOpcode } from './ssi';

export interface Scan {
  readonly text: string;
  readonly symbology?: string;
  readonly encoding: 'utf-8' | 'gbk';
}

export interface Scanner {
  onScan(listener: (scan: Scan) => void): () => void;
  /** Starts a scan on scanners that need a trigger command (Honeywell, Zebra SSI); no-op otherwise. */
  trigger(on: boolean): Promise<void>;
  dispose(): void;
}

/** Model differences, from the device's `options` in the kiosk config. */
export interface SerialScannerOptions {
  /** What ends a code in plain (non-SSI) mode. */
  readonly terminator: 'CR' | 'LF' | 'CRLF';
  /** The scanner sends a 3-character AIM id (]Q1) before each code. */
  readonly aimPrefix: boolean;
  /** Trigger protocol: none (presentation mode), Honeywell SYN T/U, or Zebra SSI packets. */
  readonly protocol: 'plain' | 'honeywell' | 'zebra-ssi';
  /** A code longer than this is noise, not a scan. */
  readonly maxBytes: number;
}

export const defaultSerialScannerOptions: SerialScannerOptions = {
  terminator: 'CR',
  aimPrefix: false,
  protocol: 'plain',
  maxBytes: 4096,
};

const TERMINATORS = { CR: [0x0d], LF: [0x0a], CRLF: [0x0d, 0x0a] } as const;

function toScan(bytes: Uint8Array, aimPrefix: boolean): Scan {
  const aim = aimPrefix ? String.fromCharCode(...bytes.subarray(0, 3)) : '';
  const symbology = aimPrefix ? symbologyFromAim(aim) : null;
  const { text, encoding } = decodeScanText(aimPrefix ? bytes.subarray(3) : bytes);
  return symbology === null ? { text, encoding } : { text, symbology, encoding };
}

/** A serial scanner: codes end with a terminator, or come as Zebra SSI DECODE_DATA packets (acknowledged). */
export function createSerialScanner(
  transport: ByteTransport,
  options: SerialScannerOptions = defaultSerialScannerOptions,
): Scanner {
  const listeners = new Set<(scan: Scan) => void>();
  const emit = (scan: Scan): void => {
    if (scan.text.trim() !== '') for (const listener of listeners) listener(scan);
  };
  const terminator = TERMINATORS[options.terminator];
  let buffer: number[] = [];

  const unsubscribe = transport.onData((chunk) => {
    buffer.push(...chunk);
    if (options.protocol === 'zebra-ssi') {
      const { packets, rest } = deframeSsi(Uint8Array.from(buffer));
      buffer = Array.from(rest);
      for (const packet of packets) {
        if (packet.opcode !== SsiOpcode.decodeData) continue;
        void transport.write(ssiPacket(SsiOpcode.ack)).catch(() => undefined);
        // DECODE_DATA: first byte is Zebra's barcode type, the rest the code.
        emit(toScan(packet.data.subarray(1), false));
      }
      return;
    }
    for (;;) {
      const end = buffer.findIndex((_, i) => terminator.every((t, j) => buffer[i + j] === t));
      if (end < 0) break;
      const code = Uint8Array.from(buffer.slice(0, end));
      buffer = buffer.slice(end + terminator.length);
      if (code.length > 0) emit(toScan(code, options.aimPrefix));
    }
    if (buffer.length > options.maxBytes) buffer = [];
  });

  return {
    onScan(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async trigger(on) {
      switch (options.protocol) {
        case 'plain':
          return;
        case 'honeywell':
          return transport.write(Uint8Array.of(0x16, on ? 0x54 : 0x55, 0x0d));
        case 'zebra-ssi':
          return transport.write(ssiPacket(on ? SsiOpcode.startDecode : SsiOpcode.stopDecode));
      }
    },
    dispose: unsubscribe,
  };
}

/** A HID-POS scanner (usage page 0x8C): reassembles multi-report codes, keeps the AIM symbology. */
export function createHidPosScanner(transport: ByteTransport): Scanner {
  const listeners = new Set<(scan: Scan) => void>();
  const assemble = createHidPosAssembler();
  const unsubscribe = transport.onData((report) => {
    const whole = assemble(report);
    if (whole === null) return;
    const { text, encoding } = decodeScanText(whole.data);
    const symbology = symbologyFromAim(whole.aim);
    const scan = symbology === null ? { text, encoding } : { text, symbology, encoding };
    if (text.trim() !== '') for (const listener of listeners) listener(scan);
  });
  return {
    onScan(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // Honeywell over HID: FD, length, then the same SYN T/U CR command (docs/DEVICES.md §4).
    trigger: (on) => transport.write(Uint8Array.of(0xfd, 0x03, 0x16, on ? 0x54 : 0x55, 0x0d)),
    dispose: unsubscribe,
  };
}
