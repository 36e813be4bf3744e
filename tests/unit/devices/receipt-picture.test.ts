import { describe, expect, it } from 'vitest';
import { RECEIPT_IMAGE_WIDTH } from '../../../core/receipt-image';
import { receiptImageSchema } from '../../../core/receipt-image-schema';
import { slipLines } from '../../../core/slip-lines';
import { EscPos, RASTER_BAND_ROWS } from '../../../electron/devices/printer/escpos';
import { receiptPictures, receiptText } from '../../../electron/devices/printer/receipt-text';
import { slipReceipt } from '../../../electron/devices/printer/slip-receipt';
import { createPrinterSimulator } from '../../../electron/devices/sim/printer-simulator';
import { createMemoryPair } from '../../../electron/devices/transport/memory-pair';
import {
  carryIsolates,
  directionOfText,
  wrapText,
} from '../../../renderer/receipt/translation-lines';
import { sampleSlip } from '../../fixtures/sample-slip';

/**
 * A slip in Uyghur or Tibetan goes to the printer as a 1-bit picture (GS v 0)
 * under the Chinese text: the bytes, the simulator that reads them, the
 * schema the renderer's drawing must pass, and the line breaking it uses.
 */
const ROW_BYTES = RECEIPT_IMAGE_WIDTH / 8;

/** A picture whose bytes include what a naive reader takes for commands: DLE EOT 1 and GS V B n. */
function trickyPicture(height: number): {
  image: ReturnType<typeof receiptImageSchema.parse>;
  rows: Uint8Array;
} {
  const rows = new Uint8Array(ROW_BYTES * height);
  rows.forEach((_, i) => (rows[i] = (i * 37) & 0xff));
  rows.set([0x10, 0x04, 0x01, 0x1d, 0x56, 0x42, 0x60], 100);
  const image = receiptImageSchema.parse({
    width: RECEIPT_IMAGE_WIDTH,
    height,
    bits: Buffer.from(rows).toString('base64'),
  });
  return { image, rows };
}

describe('the picture command (GS v 0)', () => {
  it('sends a tall picture in bands of at most 128 rows, each with its own header', () => {
    const rows = new Uint8Array(ROW_BYTES * 300);
    const bytes = new EscPos().raster(ROW_BYTES, rows).bytes();
    const headers = [0, 8 + ROW_BYTES * 128, 2 * (8 + ROW_BYTES * 128)].map((at) =>
      Array.from(bytes.subarray(at, at + 8)),
    );
    expect(RASTER_BAND_ROWS).toBe(128);
    expect(headers).toEqual([
      [0x1d, 0x76, 0x30, 0, ROW_BYTES, 0, 128, 0],
      [0x1d, 0x76, 0x30, 0, ROW_BYTES, 0, 128, 0],
      [0x1d, 0x76, 0x30, 0, ROW_BYTES, 0, 44, 0],
    ]);
    expect(bytes.length).toBe(3 * 8 + rows.length);
  });
});

describe('a slip with its translation', () => {
  const { image, rows } = trickyPicture(300);
  const bytes = slipReceipt(slipLines(sampleSlip(), 'zh-CN'), 58, image);

  it('prints the Chinese slip, then the picture, then one cut', () => {
    const text = receiptText(bytes);
    expect(text).toContain('申请回执');
    expect(text.indexOf('[IMAGE 384×300]')).toBeGreaterThan(text.indexOf('申请回执'));
    expect(text.indexOf('[IMAGE 384×300]')).toBeLessThan(text.indexOf('[CUT]'));
    expect(text.match(/\[CUT\]/g)).toHaveLength(1);
  });

  it('carries the picture bit for bit', () => {
    const pictures = receiptPictures(bytes);
    expect(pictures).toHaveLength(1);
    expect(pictures[0]?.height).toBe(300);
    expect(Buffer.from(pictures[0]!.bits).equals(Buffer.from(rows))).toBe(true);
  });

  it('is one receipt to the printer simulator, which answers no status query hidden in the picture', async () => {
    const [kiosk, device] = createMemoryPair();
    const printer = createPrinterSimulator(device);
    const answers: number[] = [];
    kiosk.onData((chunk) => answers.push(...chunk));
    const printed = new Promise<Uint8Array>((resolve) => printer.onReceipt(resolve));
    // In pieces, as a serial port delivers it.
    for (let at = 0; at < bytes.length; at += 500) await kiosk.write(bytes.subarray(at, at + 500));
    const receipt = await printed;
    await new Promise((resolve) => setImmediate(resolve));
    expect(receipt.length).toBe(bytes.length);
    expect(printer.receipts).toHaveLength(1);
    expect(answers).toEqual([]);
  });
});

describe('the picture the renderer sends', () => {
  it('must hold exactly height × 48 bytes at 384 dots wide', () => {
    const ok = { width: 384, height: 2, bits: Buffer.alloc(96).toString('base64') };
    expect(receiptImageSchema.safeParse(ok).success).toBe(true);
    expect(receiptImageSchema.safeParse({ ...ok, height: 3 }).success).toBe(false);
    expect(receiptImageSchema.safeParse({ ...ok, width: 576 }).success).toBe(false);
    expect(receiptImageSchema.safeParse({ ...ok, height: 6001 }).success).toBe(false);
  });
});

describe('breaking the translation into lines', () => {
  const measure = (s: string): number => Array.from(s).length * 10;
  it('breaks Uyghur after spaces and Tibetan after the tsheg, never inside a word', () => {
    expect(wrapText('ئىلتىماس نومۇرى تاپشۇرۇلدى', 110, measure)).toEqual([
      'ئىلتىماس',
      'نومۇرى',
      'تاپشۇرۇلدى',
    ]);
    expect(wrapText('རེ་ཞུའི་ལན་འཛིན།', 90, measure)).toEqual(['རེ་ཞུའི་', 'ལན་འཛིན།']);
  });
  it('breaks a Chinese run with no spaces between its characters', () => {
    expect(wrapText('补领后作废找到也不能再使用', 50, measure)).toEqual([
      '补领后作废',
      '找到也不能',
      '再使用',
    ]);
  });
});

describe('directions inside a printed line', () => {
  it('reads a paragraph by its first letter', () => {
    expect(directionOfText('ئالاقە تېلېفونى: 010')).toBe('rtl');
    expect(directionOfText('原驾驶证: 补领后作废')).toBe('ltr');
    expect(directionOfText('12389 སྒྲ')).toBe('ltr');
  });
  it('opens a split isolate again on the next line', () => {
    expect(carryIsolates(['label: \u2068010-', '00000000\u2069', 'next'])).toEqual([
      'label: \u2068010-',
      '\u206800000000\u2069',
      'next',
    ]);
  });
});
