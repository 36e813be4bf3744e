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

/** The picture itself; its schema is in receipt-image-schema.ts, apart, so the screen's first download builds none. */
export interface ReceiptImage {
  readonly width: typeof RECEIPT_IMAGE_WIDTH;
  readonly height: number;
  /** base64 of height × width/8 bytes. */
  readonly bits: string;
}
