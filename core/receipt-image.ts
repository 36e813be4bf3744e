import { z } from 'zod';

/**
 * A 1-bit picture for the receipt printer: rows of `width / 8` bytes, most
 * significant bit leftmost, 1 = black. It carries the slip's lines in Uyghur
 * or Tibetan, drawn by the renderer (the one place with a text shaper for
 * Arabic joining and Tibetan stacks), since the printer's own fonts are GB18030
 * only. 384 dots is the print width of a 58 mm roll; an 80 mm roll (576) takes
 * it centred.
 */
export const RECEIPT_IMAGE_WIDTH = 384;
/** About 75 cm of paper at 8 dots/mm: a slip's translation is a fraction of that. */
export const MAX_RECEIPT_IMAGE_HEIGHT = 6000;

/** The bytes a base64 string holds, without decoding it (core runs in the renderer too: no Buffer). */
const base64Bytes = (text: string): number =>
  (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

export const receiptImageSchema = z
  .strictObject({
    width: z.literal(RECEIPT_IMAGE_WIDTH),
    height: z.number().int().min(1).max(MAX_RECEIPT_IMAGE_HEIGHT),
    /** base64 of height × width/8 bytes. */
    bits: z.base64().max(Math.ceil((MAX_RECEIPT_IMAGE_HEIGHT * RECEIPT_IMAGE_WIDTH) / 8 / 3) * 4),
  })
  .refine((image) => base64Bytes(image.bits) === (image.height * image.width) / 8, {
    message: 'bits must hold height × width / 8 bytes',
    path: ['bits'],
  });
export type ReceiptImage = z.output<typeof receiptImageSchema>;
