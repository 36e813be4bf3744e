import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createHidPosScanner, type Scan } from '../../electron/devices/scanner/scanner';
import { hidPosScanReports } from '../../electron/devices/sim/scanner-simulator';
import { hidTransport, type HidHandle } from '../../electron/devices/transport/hid';

/** A stand-in with node-hid's HIDAsync shape: /dev/uhid is not available here to make a real one. */
class FakeHid extends EventEmitter implements HidHandle {
  readonly written: Buffer[] = [];
  closed = false;
  async write(values: number[] | Buffer): Promise<number> {
    const buffer = Buffer.from(values);
    this.written.push(buffer);
    return buffer.length;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  /** Delivers input reports as node-hid does, with a numbered report's id in front. */
  deliver(reports: Uint8Array[], reportId?: number): void {
    for (const r of reports)
      this.emit('data', Buffer.from(reportId === undefined ? r : [reportId, ...r]));
  }
}

describe('HID-POS scanner through a node-hid handle', () => {
  it('reassembles a code spread over several reports and keeps its symbology', () => {
    const hid = new FakeHid();
    const scanner = createHidPosScanner(hidTransport(hid, 'HID 0c2e:0b61'));
    const scans: Scan[] = [];
    scanner.onScan((s) => scans.push(s));
    const long = `GAKIOSK:${'20261127-ABC123-X;'.repeat(8)}`;
    hid.deliver(hidPosScanReports(long));
    expect(scans).toEqual([{ text: long, symbology: 'QR Code', encoding: 'utf-8' }]);
  });

  it('strips the report id byte node-hid puts in front of numbered reports', () => {
    const hid = new FakeHid();
    const scanner = createHidPosScanner(
      hidTransport(hid, 'HID', { reportSize: 64, outputReportId: 0, inputReportId: 2 }),
    );
    const scans: Scan[] = [];
    scanner.onScan((s) => scans.push(s));
    hid.deliver(hidPosScanReports('申请编号'), 2);
    expect(scans[0]?.text).toBe('申请编号');
  });

  it('writes output reports of the configured size with the leading report-id byte', async () => {
    const hid = new FakeHid();
    const scanner = createHidPosScanner(
      hidTransport(hid, 'HID', { reportSize: 64, outputReportId: 0 }),
    );
    await scanner.trigger(true);
    expect(hid.written).toHaveLength(1);
    expect(hid.written[0]!.length).toBe(65);
    expect(Array.from(hid.written[0]!.subarray(0, 6))).toEqual([
      0x00, 0xfd, 0x03, 0x16, 0x54, 0x0d,
    ]);
  });

  it('says the device is gone when node-hid reports an error', async () => {
    const hid = new FakeHid();
    const transport = hidTransport(hid, 'HID');
    const reasons: string[] = [];
    transport.onClose((r) => reasons.push(r));
    hid.emit('error', new Error('could not read from HID device'));
    expect(reasons).toEqual(['could not read from HID device']);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/gone/);
  });
});
