import { afterEach, describe, expect, it } from 'vitest';
import {
  createSerialScanner,
  defaultSerialScannerOptions,
  type Scan,
  type Scanner,
  type SerialScannerOptions,
} from '../../electron/devices/scanner/scanner';
import {
  createSerialScannerSimulator,
  type ScannerSimulator,
} from '../../electron/devices/sim/scanner-simulator';
import type { ByteTransport } from '../../electron/devices/transport/byte-transport';
import { openSerial } from '../../electron/devices/transport/serial';
import { eventually, openPtyPair, type PtyPair } from './pty-pair';

describe('serial scanners over a PTY', () => {
  let pair: PtyPair;
  let kiosk: ByteTransport;
  let device: ByteTransport;
  let sim: ScannerSimulator;
  let scanner: Scanner;
  let scans: Scan[];

  const setUp = async (options: Partial<SerialScannerOptions>) => {
    const full = { ...defaultSerialScannerOptions, ...options };
    pair = await openPtyPair();
    kiosk = await openSerial(pair.kioskEnd, 115200);
    device = await openSerial(pair.deviceEnd, 115200);
    sim = createSerialScannerSimulator(device, full);
    scanner = createSerialScanner(kiosk, full);
    scans = [];
    scanner.onScan((s) => scans.push(s));
  };
  afterEach(async () => {
    scanner.dispose();
    await kiosk.close();
    await device.close();
    await pair.close();
  });

  it('reads UTF-8 QR codes ended by CR, with the AIM symbology', async () => {
    await setUp({ aimPrefix: true });
    sim.scan('GAKIOSK:20261127-ABC123-X');
    sim.scan('预约号 A-0042');
    await eventually('two scans', () => scans.length === 2);
    expect(scans).toEqual([
      { text: 'GAKIOSK:20261127-ABC123-X', symbology: 'QR Code', encoding: 'utf-8' },
      { text: '预约号 A-0042', symbology: 'QR Code', encoding: 'utf-8' },
    ]);
  });

  it('decodes GBK codes from older scanners, ended by CR LF', async () => {
    await setUp({ terminator: 'CRLF' });
    sim.scan('公安便民服务', { encoding: 'gbk' });
    await eventually('a scan', () => scans.length === 1);
    expect(scans[0]).toEqual({ text: '公安便民服务', encoding: 'gbk' });
  });

  it('sends Honeywell trigger commands', async () => {
    await setUp({ protocol: 'honeywell' });
    await scanner.trigger(true);
    await scanner.trigger(false);
    await eventually('two triggers', () => sim.triggers.length === 2);
    expect(sim.triggers).toEqual(['honeywell-on', 'honeywell-off']);
  });

  it('speaks Zebra SSI: start decode, DECODE_DATA packets', async () => {
    await setUp({ protocol: 'zebra-ssi' });
    await scanner.trigger(true);
    sim.scan('GAKIOSK:20261127-ABC123-X');
    await eventually('an SSI scan', () => scans.length === 1);
    expect(scans[0]?.text).toBe('GAKIOSK:20261127-ABC123-X');
    expect(sim.triggers).toContain('ssi-start');
  });
});
