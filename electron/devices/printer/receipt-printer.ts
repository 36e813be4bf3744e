import { systemClock, type Clock } from '../../../core/clock';
import { err, ok, type Result } from '../../../core/result';
import { assertNever } from '../../../base/assert-never';
import type { ByteTransport } from '../transport/byte-transport';
import { statusRequest } from './escpos';
import { decodeStatus, problemOf, type PrinterStatus } from './status';

export interface ReceiptPrinter {
  /** Asks DLE EOT 1, 2 and 4; fails with `timeout` when the printer does not answer. */
  status(): Promise<Result<PrinterStatus>>;
  /**
   * Refuses (paper_out, cover_open, offline, error, timeout) before sending anything it cannot print;
   * `timeout` too when the printer takes no bytes for `writeTimeoutMs` in the middle of a slip.
   */
  print(bytes: Uint8Array): Promise<Result<void>>;
  dispose(): void;
}

export interface ReceiptPrinterOptions {
  readonly replyTimeoutMs: number;
  /** Bytes per write: slow serial printers lose data when flooded. */
  readonly chunkBytes: number;
  /**
   * How long one chunk may wait to be taken (10 s by default: 512 bytes take half a second at
   * 9600 baud, and a printer holding flow control while it prints a picture takes a few).
   */
  readonly writeTimeoutMs?: number;
  /** Whose time the limits run on: the kiosk's clock (the machine's by default). */
  readonly timers?: Pick<Clock, 'after'>;
}

export const defaultPrinterOptions: ReceiptPrinterOptions = {
  replyTimeoutMs: 1000,
  chunkBytes: 512,
};

const DEFAULT_WRITE_TIMEOUT_MS = 10_000;

/** A chunk taken in time; or why not (`stalled`: still not taken at the limit). */
type ChunkOutcome =
  | { readonly kind: 'taken' }
  | { readonly kind: 'stalled' }
  | { readonly kind: 'failed'; readonly message: string };

/** An ESC/POS receipt printer on any byte transport. */
export function createReceiptPrinter(
  transport: ByteTransport,
  options: ReceiptPrinterOptions = defaultPrinterOptions,
): ReceiptPrinter {
  const timers = options.timers ?? systemClock;
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
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
          const cancel = timers.after(options.replyTimeoutMs, giveUp);
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
      // Each chunk has a time limit: a write that never drains (a stalled adapter, a PTY whose other
      // end went away) would otherwise hold the citizen at 「正在打印」 and every later print behind it.
      const writeChunk = (chunk: Uint8Array): Promise<ChunkOutcome> =>
        new Promise((resolve) => {
          const cancel = timers.after(writeTimeoutMs, () => resolve({ kind: 'stalled' }));
          transport.write(chunk).then(
            () => {
              cancel();
              resolve({ kind: 'taken' });
            },
            (cause: unknown) => {
              cancel();
              resolve({
                kind: 'failed',
                message: cause instanceof Error ? cause.message : String(cause),
              });
            },
          );
        });
      const writing = queue.then(async (): Promise<ChunkOutcome> => {
        for (let at = 0; at < bytes.length; at += options.chunkBytes) {
          const outcome = await writeChunk(bytes.subarray(at, at + options.chunkBytes));
          if (outcome.kind !== 'taken') return outcome;
        }
        return { kind: 'taken' };
      });
      queue = writing;
      const outcome = await writing;
      switch (outcome.kind) {
        case 'taken':
          return ok(undefined);
        case 'stalled':
          return err('timeout', `printer took no bytes for ${writeTimeoutMs} ms`);
        case 'failed':
          return err('write_failed', outcome.message);
        default:
          return assertNever(outcome);
      }
    },
    dispose() {
      unsubscribe();
    },
  };
}
