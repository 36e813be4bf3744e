import type { ByteTransport } from '../transport/byte-transport';
import { RASTER_HEADER_BYTES, rasterHeaderAt } from '../printer/escpos';

export interface PrinterState {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** Unplugged or powered off: answers nothing. */
  silent: boolean;
}

export interface PrinterSimulator {
  readonly state: PrinterState;
  /** Each completed receipt (bytes up to and including a cut). */
  readonly receipts: readonly Uint8Array[];
  onReceipt(listener: (receipt: Uint8Array) => void): () => void;
  dispose(): void;
}

/**
 * An ESC/POS receipt printer: answers DLE EOT 1–4 from its state, keeps
 * everything else as printed bytes and splits them into receipts at each cut.
 */
export function createPrinterSimulator(port: ByteTransport): PrinterSimulator {
  const state: PrinterState = {
    paperOut: false,
    paperNearEnd: false,
    coverOpen: false,
    silent: false,
  };
  const receipts: Uint8Array[] = [];
  const listeners = new Set<(receipt: Uint8Array) => void>();
  let pending: number[] = [];
  let current: number[] = [];
  /** Bytes of a GS v 0 picture still to come: data, never commands. */
  let pictureLeft = 0;

  const statusByte = (n: number): number => {
    const stopped = state.paperOut || state.coverOpen;
    switch (n) {
      case 1:
        return 0x12 | (stopped ? 0x08 : 0);
      case 2:
        return 0x12 | (state.coverOpen ? 0x04 : 0) | (state.paperOut ? 0x20 : 0);
      case 4:
        return (
          0x12 | (state.paperNearEnd || state.paperOut ? 0x0c : 0) | (state.paperOut ? 0x60 : 0)
        );
      default:
        return 0x12;
    }
  };

  const unsubscribe = port.onData((chunk) => {
    if (state.silent) return;
    pending.push(...chunk);
    let i = 0;
    while (i < pending.length) {
      if (pictureLeft > 0) {
        current.push(pending[i] ?? 0);
        pictureLeft -= 1;
        i += 1;
        continue;
      }
      if (pending[i] === 0x10 && i + 2 >= pending.length) break; // wait for the rest of DLE EOT n
      if (pending[i] === 0x10 && pending[i + 1] === 0x04) {
        void port.write(Uint8Array.of(statusByte(pending[i + 2] ?? 0)));
        i += 3;
        continue;
      }
      const byte = pending[i] ?? 0;
      current.push(byte);
      const n = current.length;
      // GS v 0 m xL xH yL yH: the picture's bytes follow.
      const picture = rasterHeaderAt(current, n - RASTER_HEADER_BYTES);
      if (picture !== null) {
        pictureLeft = picture.widthBytes * picture.rows;
        i += 1;
        continue;
      }
      // GS V m [n] ends a receipt.
      const cutFull =
        n >= 3 &&
        current[n - 3] === 0x1d &&
        current[n - 2] === 0x56 &&
        (byte === 0x00 || byte === 0x01 || byte === 0x30 || byte === 0x31);
      const cutFeed =
        n >= 4 &&
        current[n - 4] === 0x1d &&
        current[n - 3] === 0x56 &&
        (current[n - 2] === 0x41 || current[n - 2] === 0x42);
      if (cutFull || cutFeed) {
        const receipt = Uint8Array.from(current);
        current = [];
        receipts.push(receipt);
        for (const listener of listeners) listener(receipt);
      }
      i += 1;
    }
    pending = pending.slice(i);
  });

  return {
    state,
    receipts,
    onReceipt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
    },
  };
}
