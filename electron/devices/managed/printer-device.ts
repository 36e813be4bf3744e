import type { DeviceConfigOf } from '../../config/schema';
import { ok, type Result } from '../../../core/result';
import type { Cancel } from '../../../core/clock';
import { createFrameLog, maskedHex, tapTransport } from '../frame-log';
import { createReceiptPrinter } from '../printer/receipt-printer';
import type { ReceiptImage } from '../../../core/receipt-image';
import type { SlipLines } from '../../../core/slip-lines';
import type { RefusalNoticeLines } from '../../../core/refusal-notice';
import { refusalReceipt, slipReceipt, testReceipt } from '../printer/slip-receipt';
import { problemOf, type PrinterStatus } from '../printer/status';
import type { ManagedDevice, ManagedDeviceDeps } from './device';
import { healthTracker } from './device';
import { addressOf } from './links';

export interface PrinterDevice extends ManagedDevice {
  /**
   * The slip's lines laid out for this printer's roll (58 or 80 mm) in its own
   * commands (ESC/POS), with the citizen's language under them as `picture`.
   */
  printSlip(lines: SlipLines, picture: ReceiptImage | null): Promise<Result<void>>;
  /** A refused citizen's 一次性告知单, laid out for this printer's roll. */
  printRefusal(notice: RefusalNoticeLines): Promise<Result<void>>;
}

export function createPrinterDevice(
  config: DeviceConfigOf<'printer'>,
  { clock, openLink, onHealth }: ManagedDeviceDeps,
): PrinterDevice {
  const frames = createFrameLog(clock);
  const tracker = healthTracker(config, addressOf(config), onHealth);
  const options = config.options;
  const link = openLink(config, options, clock);
  // Printed bytes carry the slip's text: the log shows the command head and the length only.
  const tapped = tapTransport(link, frames, {
    tx: (bytes) => maskedHex(bytes, 6),
    rx: (bytes) => maskedHex(bytes, 4),
  });
  const printer = createReceiptPrinter(tapped, {
    replyTimeoutMs: options.replyTimeoutMs,
    chunkBytes: options.chunkBytes,
    timers: clock,
  });
  tracker.fact('paper', `${options.paperWidthMm} mm`);

  const record = (status: Result<PrinterStatus>): void => {
    if (!status.ok) {
      tracker.set(link.state() === 'open' ? 'fault' : 'offline', status.error.message);
      return;
    }
    const problem = problemOf(status.value);
    tracker.fact('paperNearEnd', status.value.paperNearEnd ? 'yes' : 'no');
    tracker.set(problem === null ? 'ready' : 'fault', problem);
  };
  const check = async (): Promise<void> => record(await printer.status());
  link.onState((state, reason) => {
    if (state === 'open') void check();
    else tracker.set('offline', reason);
  });
  const printAndRecord = async (bytes: Uint8Array): Promise<Result<void>> => {
    const result = await printer.print(bytes);
    if (!result.ok) tracker.set(link.state() === 'open' ? 'fault' : 'offline', result.error.code);
    else void check();
    return result;
  };
  // On the kiosk's clock, as every timer is: a test or a simulation moves it instead of waiting.
  let timer: Cancel | null = null;

  return {
    config,
    health: () => tracker.health(),
    printSlip: (lines, picture) =>
      printAndRecord(slipReceipt(lines, options.paperWidthMm, picture)),
    printRefusal: (notice) => printAndRecord(refusalReceipt(notice, options.paperWidthMm)),
    async start() {
      timer = clock.every(options.statusIntervalMs, () => void check());
    },
    async stop() {
      timer?.();
      timer = null;
      printer.dispose();
      await link.close();
    },
    async selfTest() {
      const status = await printer.status();
      record(status);
      if (!status.ok) return status;
      const printed = await printer.print(
        testReceipt(
          [`${config.id} ${addressOf(config)}`, clock.now().toISOString()],
          options.paperWidthMm,
        ),
      );
      if (!printed.ok) return printed;
      return ok({
        code: 'printer.printed',
        summary: 'test slip printed',
        facts: {
          paperNearEnd: status.value.paperNearEnd ? 'yes' : 'no',
          paper: `${options.paperWidthMm} mm`,
        },
      });
    },
    frameLog: () => frames.entries(),
  };
}
