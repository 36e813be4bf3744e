/**
 * Wire-level device simulators on real serial ports (or PTYs from socat),
 * for integration tests and for demos on a real kiosk config:
 *
 *   node build/scripts/run-ts.mjs electron/devices/sim/sim-cli.ts \
 *     --idcard /tmp/pty/idcard-dev --printer /tmp/pty/printer-dev --scanner /tmp/pty/scanner-dev
 *
 * Commands, one JSON object per line on stdin:
 *   {"place":"adult"}  {"remove":true}  {"scan":"text"}
 *   {"fault":"readFailure|garbage|splitFrames|slow|silent|paperOut|paperNearEnd|coverOpen","on":true}
 * Each printed receipt is written to stdout as {"receipt":"<text>","bytes":<n>,"pictures":[…]}
 * (pictures: GS v 0 images as {width, height, bits in base64}).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { receiptPictures, receiptText } from '../printer/receipt-text';
import { openSerial } from '../transport/serial';
import { createIdCardSimulator, type IdCardSimulator } from './idcard-simulator';
import { createPrinterSimulator, type PrinterSimulator } from './printer-simulator';
import { isSampleCardId, sampleCard } from './sample-cards';
import { systemClock } from '../../../core/clock';
import { todayInChina } from '../../../base/dates';
import { createSerialScannerSimulator, type ScannerSimulator } from './scanner-simulator';

const { values } = parseArgs({
  options: {
    idcard: { type: 'string' },
    printer: { type: 'string' },
    scanner: { type: 'string' },
    baud: { type: 'string', default: '115200' },
    'printer-baud': { type: 'string', default: '9600' },
  },
});

const say = (message: object): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

async function main(): Promise<void> {
  let idcard: IdCardSimulator | null = null;
  let printer: PrinterSimulator | null = null;
  let scanner: ScannerSimulator | null = null;
  if (values.idcard)
    idcard = createIdCardSimulator(await openSerial(values.idcard, Number(values.baud)));
  if (values.printer) {
    printer = createPrinterSimulator(
      await openSerial(values.printer, Number(values['printer-baud'])),
    );
    printer.onReceipt((bytes) =>
      say({
        receipt: receiptText(bytes),
        bytes: bytes.length,
        pictures: receiptPictures(bytes).map((p) => ({
          width: p.width,
          height: p.height,
          bits: Buffer.from(p.bits).toString('base64'),
        })),
      }),
    );
  }
  if (values.scanner) {
    scanner = createSerialScannerSimulator(await openSerial(values.scanner, Number(values.baud)), {
      protocol: 'plain',
      terminator: 'CR',
      aimPrefix: true,
    });
  }
  say({ ready: true });

  createInterface({ input: process.stdin }).on('line', (line) => {
    let command: Record<string, unknown>;
    try {
      command = JSON.parse(line) as Record<string, unknown>;
    } catch {
      say({ error: 'not JSON' });
      return;
    }
    if (typeof command['place'] === 'string') {
      const id = command['place'];
      const known = isSampleCardId(id);
      // The cards read as they would today: a simulator on its own runs on the system clock.
      if (known && idcard) idcard.placeCard(sampleCard(id, todayInChina(systemClock.now())));
      say({ ok: known && idcard !== null });
    } else if (command['remove'] === true) {
      idcard?.removeCard();
      say({ ok: true });
    } else if (typeof command['scan'] === 'string') {
      scanner?.scan(command['scan']);
      say({ ok: scanner !== null });
    } else if (typeof command['fault'] === 'string') {
      const on = command['on'] === true;
      const fault = command['fault'];
      if (
        idcard &&
        (fault === 'readFailure' ||
          fault === 'garbage' ||
          fault === 'splitFrames' ||
          fault === 'silent')
      )
        idcard.faults[fault] = on;
      else if (idcard && fault === 'slow') idcard.faults.delayMs = on ? 2500 : 0;
      else if (
        printer &&
        (fault === 'paperOut' || fault === 'paperNearEnd' || fault === 'coverOpen')
      )
        printer.state[fault] = on;
      else if (printer && fault === 'printerSilent') printer.state.silent = on;
      else {
        say({ error: `unknown fault ${fault}` });
        return;
      }
      say({ ok: true });
    } else {
      say({ error: 'unknown command' });
    }
  });
}

main().catch((cause: unknown) => {
  process.stderr.write(`${cause instanceof Error ? cause.message : String(cause)}\n`);
  process.exit(1);
});
