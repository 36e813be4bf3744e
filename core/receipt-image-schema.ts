import { z } from 'zod';
import { MAX_RECEIPT_IMAGE_HEIGHT, RECEIPT_IMAGE_WIDTH, type ReceiptImage } from './receipt-image';

/** The bytes a base64 string holds, without decoding it (core runs in the renderer too: no Buffer). */
const base64Bytes = (text: string): number =>
  (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

/** What the main process accepts as a picture: the output is a `ReceiptImage`, checked by the compiler. */
export const receiptImageSchema: z.ZodType<ReceiptImage> = z
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
