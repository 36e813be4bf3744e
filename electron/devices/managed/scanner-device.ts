import type { DeviceConfigOf } from '../../config/schema';
import { err, ok } from '../../../core/result';
import { createFrameLog, maskedHex, tapTransport } from '../frame-log';
import {
  createHidPosScanner,
  createSerialScanner,
  defaultSerialScannerOptions,
  type Scan,
  type Scanner,
} from '../scanner/scanner';
import type { ManagedDevice, ManagedDeviceDeps } from './device';
import { healthTracker } from './device';
import { addressOf } from './links';

export interface ScannerDevice extends ManagedDevice {
  onScan(listener: (scan: Scan) => void): () => void;
  trigger(on: boolean): Promise<void>;
}

const SELF_TEST_WAIT_MS = 20_000;

export function createScannerDevice(
  config: DeviceConfigOf<'scanner'>,
  { clock, openLink, onHealth }: ManagedDeviceDeps,
): ScannerDevice {
  const frames = createFrameLog(clock);
  const tracker = healthTracker(config, addressOf(config), onHealth);
  const options = config.options;
  const link = openLink(config, options, clock);
  // Scanned codes may hold personal data: the log keeps only their length.
  const tapped = tapTransport(link, frames, {
    tx: (bytes) => maskedHex(bytes, 8),
    rx: (bytes) => `${bytes.length} bytes of scan data (masked)`,
  });
  const scanner: Scanner =
    config.transport.type === 'hid'
      ? createHidPosScanner(tapped)
      : createSerialScanner(tapped, { ...defaultSerialScannerOptions, ...options });
  tracker.fact('protocol', config.transport.type === 'hid' ? 'HID-POS' : options.protocol);

  link.onState((state, reason) =>
    tracker.set(state === 'open' ? 'ready' : 'offline', state === 'open' ? null : reason),
  );

  return {
    config,
    health: () => tracker.health(),
    onScan: (listener) => scanner.onScan(listener),
    trigger: (on) => scanner.trigger(on).catch(() => undefined),
    async start() {},
    async stop() {
      scanner.dispose();
      await link.close();
    },
    async selfTest() {
      await scanner.trigger(true).catch(() => undefined);
      const scan = await new Promise<Scan | null>((resolve) => {
        const cancel = clock.after(SELF_TEST_WAIT_MS, () => {
          off();
          resolve(null);
        });
        const off = scanner.onScan((s) => {
          cancel();
          off();
          resolve(s);
        });
      });
      await scanner.trigger(false).catch(() => undefined);
      if (scan === null)
        return err('no_scan', `no code scanned within ${SELF_TEST_WAIT_MS / 1000} s`);
      return ok({
        code: 'scanner.read',
        summary: 'code read',
        facts: {
          symbology: scan.symbology ?? 'unknown',
          encoding: scan.encoding,
          // A test card's text, cut short: a stranger's QR must not end up on the screen whole.
          text:
            Array.from(scan.text).slice(0, 24).join('') +
            (Array.from(scan.text).length > 24 ? '…' : ''),
        },
      });
    },
    frameLog: () => frames.entries(),
  };
}
