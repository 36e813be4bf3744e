import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { symbologyFromAim } from '../../../electron/devices/scanner/aim';
import { decodeScanText } from '../../../electron/devices/scanner/decode-text';
import {
  createHidPosAssembler,
  hidPosReports,
  parseHidPosReport,
} from '../../../electron/devices/scanner/hid-pos';
import { deframeSsi, ssiPacket, SsiOpcode } from '../../../electron/devices/scanner/ssi';

describe('scanned text', () => {
  it('decodes UTF-8 QR codes and GBK barcodes', () => {
    expect(decodeScanText(Buffer.from('申请编号 20261127', 'utf8'))).toEqual({
      text: '申请编号 20261127',
      encoding: 'utf-8',
    });
    expect(decodeScanText(iconv.encode('公安便民服务', 'gbk'))).toEqual({
      text: '公安便民服务',
      encoding: 'gbk',
    });
  });
  it('names AIM symbologies', () => {
    expect(symbologyFromAim(']Q1')).toBe('QR Code');
    expect(symbologyFromAim(']E0')).toBe('EAN/UPC');
    expect(symbologyFromAim('abc')).toBeNull();
  });
});

describe('Zebra SSI', () => {
  it('computes START_DECODE and STOP_DECODE as in the protocol notes', () => {
    expect(Buffer.from(ssiPacket(SsiOpcode.startDecode)).toString('hex')).toBe('04e40400ff14');
    expect(Buffer.from(ssiPacket(SsiOpcode.stopDecode)).toString('hex')).toBe('04e50400ff13');
  });
  it('finds packets after noise and skips a corrupted one', () => {
    const good = ssiPacket(SsiOpcode.decodeData, [0x1b, 0x41, 0x42], 0x00);
    const bad = Uint8Array.from(good);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    const { packets } = deframeSsi(Uint8Array.from([0x01, 0x02, ...bad, ...good]));
    expect(packets).toHaveLength(1);
    expect(Array.from(packets[0]!.data)).toEqual([0x1b, 0x41, 0x42]);
  });
});

describe('HID-POS reports', () => {
  it('parses one report with its AIM id', () => {
    const [report] = hidPosReports(']Q1', Buffer.from('HELLO'));
    expect(parseHidPosReport(report!)).toEqual({
      aim: ']Q1',
      data: new Uint8Array(Buffer.from('HELLO')),
      more: false,
    });
  });
  it('reassembles a long code sent over several reports', () => {
    const text = '申请编号:20261127-ABC123-X;'.repeat(6);
    const reports = hidPosReports(']Q1', Buffer.from(text, 'utf8'));
    expect(reports.length).toBeGreaterThan(2);
    const assemble = createHidPosAssembler();
    const results = reports.map((r) => assemble(r));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(Buffer.from(results.at(-1)!.data).toString('utf8')).toBe(text);
  });
});
