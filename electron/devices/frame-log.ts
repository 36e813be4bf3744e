import type { Clock } from '../../core/clock';
import type { ByteTransport } from './transport/byte-transport';

/**
 * The last frames to and from a device, for the technician's live view.
 * Entries are already masked: card data, scanned payloads and printed text
 * never appear, only their length (a slip holds a name; a QR may hold more).
 */
export interface FrameEntry {
  readonly at: string;
  readonly dir: 'tx' | 'rx' | 'note';
  readonly text: string;
}

export interface FrameLog {
  add(dir: FrameEntry['dir'], text: string): void;
  entries(): readonly FrameEntry[];
}

export function createFrameLog(clock: Clock, capacity = 200): FrameLog {
  const entries: FrameEntry[] = [];
  return {
    add(dir, text) {
      entries.push({ at: clock.now().toISOString(), dir, text });
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    entries: () => [...entries],
  };
}

export const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

/** Shows the first `keep` bytes and replaces the rest by its length. */
export function maskedHex(bytes: Uint8Array, keep: number): string {
  if (bytes.length <= keep) return hex(bytes);
  return `${hex(bytes.subarray(0, keep))} … [${bytes.length - keep} bytes masked]`;
}

/** Wraps a transport so writes and reads are logged through a masking policy. */
export function tapTransport(
  transport: ByteTransport,
  log: FrameLog,
  mask: { readonly tx: (bytes: Uint8Array) => string; readonly rx: (bytes: Uint8Array) => string },
): ByteTransport {
  return {
    description: transport.description,
    async write(bytes) {
      log.add('tx', mask.tx(bytes));
      await transport.write(bytes);
    },
    onData(listener) {
      return transport.onData((chunk) => {
        log.add('rx', mask.rx(chunk));
        listener(chunk);
      });
    },
    onClose: (listener) => transport.onClose(listener),
    close: () => transport.close(),
  };
}
