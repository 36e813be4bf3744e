import { systemClock, type Clock } from '../../../core/clock';
import { err, ok, type Result } from '../../../core/result';
import type { ByteTransport } from '../transport/byte-transport';
import { statusRequest } from './escpos';
import { decodeStatus, problemOf, type PrinterStatus } from './status';

export interface ReceiptPrinter {
  /** Asks DLE EOT 1, 2 and 4; fails with `timeout` when the printer does not answer. */
  status(): Promise<Result<PrinterStatus>>;
  /** Refuses (paper_out, cover_open, offline, error, timeout) before sending anything it cannot print. */
  print(bytes: Uint8Array): Promise<Result<void>>;
  dispose(): void;
}

export interface ReceiptPrinterOptions {
  readonly replyTimeoutMs: number;
  /** Bytes per write: slow serial printers lose data when flooded. */
  readonly chunkBytes: number;
  /** Whose time the reply limit runs on: the kiosk's clock (the machine's by default). */
  readonly timers?: Pick<Clock, 'after'>;
}

export const defaultPrinterOptions: ReceiptPrinterOptions = {
  replyTimeoutMs: 1000,
  chunkBytes: 512,
};

/** An ESC/POS receipt printer on any byte transport. */
export function createReceiptPrinter(
  transport: ByteTransport,
  options: ReceiptPrinterOptions = defaultPrinterOptions,
): ReceiptPrinter {
  const waiting: ((byte: number) => void)[] = [];
  const unsubscribe = transport.onData((chunk) => {
    for (const byte of chunk) waiting.shift()?.(byte);
  });

  // One status exchange at a time: each DLE EOT gets exactly one byte back.
  let queue: Promise<unknown> = Promise.resolve();
  const ask = (n: 1 | 2 | 4): Promise<number | null> => {
    const exchange = queue.then(
      () =>
        new Promise<number | null>((resolve) => {
          const giveUp = (): void => {
            cancel();
            const index = waiting.indexOf(receive);
            if (index >= 0) waiting.splice(index, 1);
            resolve(null);
          };
          const cancel = (options.timers ?? systemClock).after(options.replyTimeoutMs, giveUp);
          const receive = (byte: number): void => {
            cancel();
            resolve(byte);
          };
          waiting.push(receive);
          // A write that fails (printer unplugged) must not leave a receiver behind to eat a later reply.
          transport.write(statusRequest(n)).catch(giveUp);
        }),
    );
    queue = exchange;
    return exchange;
  };

  const status = async (): Promise<Result<PrinterStatus>> => {
    const printer = await ask(1);
    const cause = printer === null ? null : await ask(2);
    const paper = cause === null ? null : await ask(4);
    if (printer === null || cause === null || paper === null) {
      return err('timeout', `printer did not answer DLE EOT within ${options.replyTimeoutMs} ms`);
    }
    const decoded = decodeStatus(printer, cause, paper);
    return decoded === null
      ? err(
          'bad_status',
          `unexpected status bytes ${[printer, cause, paper].map((b) => b.toString(16)).join(' ')}`,
        )
      : ok(decoded);
  };

  return {
    status,
    async print(bytes) {
      const current = await status();
      if (!current.ok) return current;
      const problem = problemOf(current.value);
      if (problem !== null) return err(problem, `printer reports ${problem.replace('_', ' ')}`);
      // The receipt goes out whole before the next status query: a DLE EOT sent in the middle
      // of a picture's bytes would be taken for picture data (or answered mid-picture).
      const writing = queue.then(async () => {
        for (let at = 0; at < bytes.length; at += options.chunkBytes) {
          await transport.write(bytes.subarray(at, at + options.chunkBytes));
        }
      });
      queue = writing.catch(() => undefined);
      try {
        await writing;
      } catch (cause) {
        return err('write_failed', cause instanceof Error ? cause.message : String(cause));
      }
      return ok(undefined);
    },
    dispose() {
      unsubscribe();
    },
  };
}
