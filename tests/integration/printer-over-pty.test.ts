import { afterEach, describe, expect, it } from 'vitest';
import {
  createReceiptPrinter,
  type ReceiptPrinter,
} from '../../electron/devices/printer/receipt-printer';
import { receiptText } from '../../electron/devices/printer/receipt-text';
import { slipReceipt, testReceipt } from '../../electron/devices/printer/slip-receipt';
import {
  createPrinterSimulator,
  type PrinterSimulator,
} from '../../electron/devices/sim/printer-simulator';
import type { ByteTransport } from '../../electron/devices/transport/byte-transport';
import {
  createReconnectingTransport,
  type ReconnectingTransport,
} from '../../electron/devices/transport/reconnecting';
import { openSerial } from '../../electron/devices/transport/serial';
import { slipLines } from '../../core/slip-lines';
import { sampleSlip } from '../fixtures/sample-slip';
import { eventually, openPtyPair, type PtyPair } from './pty-pair';

const slip = slipReceipt(slipLines(sampleSlip(), 'zh-CN'), 58);

/** The receipt printer driver and the ESC/POS simulator on a PTY at 9600 baud, as cheap printers run. */
describe('receipt printer over a serial PTY', () => {
  let pair: PtyPair;
  let link: ReconnectingTransport;
  let device: ByteTransport;
  let sim: PrinterSimulator;
  let printer: ReceiptPrinter;

  const setUp = async () => {
    pair = await openPtyPair();
    link = createReconnectingTransport(() => openSerial(pair.kioskEnd, 9600), pair.kioskEnd, {
      initialMs: 50,
      maxMs: 200,
    });
    device = await openSerial(pair.deviceEnd, 9600);
    sim = createPrinterSimulator(device);
    printer = createReceiptPrinter(link, { replyTimeoutMs: 500, chunkBytes: 256 });
    await eventually('the link to open', () => link.state() === 'open');
  };
  afterEach(async () => {
    printer.dispose();
    await link.close();
    await device.close().catch(() => undefined);
    await pair.close();
  });

  it('prints the slip: its ESC/POS bytes come out of the PTY, GBK text, QR and cut', async () => {
    await setUp();
    await expect(printer.print(slip)).resolves.toEqual({ ok: true, value: undefined });
    await eventually('the receipt to arrive', () => sim.receipts.length === 1, 10_000);
    expect(Buffer.from(sim.receipts[0]!).equals(Buffer.from(slip))).toBe(true);
    const text = receiptText(sim.receipts[0]!);
    expect(text).toContain('普通护照首次申请');
    expect(text).toContain('￥120.00');
    expect(text).toContain('[QR:GAKIOSK:20261127-ABC123-X]');
  });

  it.each([
    ['paperOut', 'paper_out'],
    ['coverOpen', 'cover_open'],
  ] as const)('refuses to print when %s, says why, and sends nothing', async (fault, code) => {
    await setUp();
    sim.state[fault] = true;
    const result = await printer.print(slip);
    expect(result).toMatchObject({ ok: false, error: { code } });
    // The port is in order: once a later status query has its answer, anything sent before has arrived.
    await expect(printer.status()).resolves.toMatchObject({ ok: true });
    expect(sim.receipts).toHaveLength(0);
    sim.state[fault] = false;
    await expect(printer.print(testReceipt(['after the fault'], 58))).resolves.toMatchObject({
      ok: true,
    });
    await eventually('the test receipt', () => sim.receipts.length === 1, 10_000);
  });

  it('reports paper near its end while still printing', async () => {
    await setUp();
    sim.state.paperNearEnd = true;
    const status = await printer.status();
    expect(status).toMatchObject({ ok: true, value: { paperNearEnd: true, paperOut: false } });
    await expect(printer.print(testReceipt(['near end'], 58))).resolves.toMatchObject({ ok: true });
  });

  it('says the printer does not answer when it is off', async () => {
    await setUp();
    sim.state.silent = true;
    await expect(printer.print(slip)).resolves.toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
  });

  it('prints again after the printer is unplugged and plugged back in', async () => {
    await setUp();
    await pair.unplug();
    await eventually('offline', () => link.state() === 'offline');
    await expect(printer.print(slip)).resolves.toMatchObject({ ok: false });
    await device.close().catch(() => undefined);
    await pair.replug();
    device = await openSerial(pair.deviceEnd, 9600);
    sim = createPrinterSimulator(device);
    await eventually('the link to reopen', () => link.state() === 'open', 5000);
    await expect(printer.print(slip)).resolves.toMatchObject({ ok: true });
    await eventually('the receipt after replug', () => sim.receipts.length === 1, 10_000);
  });
});
