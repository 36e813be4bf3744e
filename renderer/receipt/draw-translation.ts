import {
  MAX_RECEIPT_IMAGE_HEIGHT,
  RECEIPT_IMAGE_WIDTH,
  type ReceiptImage,
} from '../../core/receipt-image';
import type { SlipLines } from '../../core/slip-lines';
import { directionOf, type Locale } from '../i18n/locale';
import {
  carryIsolates,
  directionOfText,
  translationParagraphs,
  wrapText,
  type Paragraph,
} from './translation-lines';

const FAMILY = "'Noto Sans SC', 'Noto Naskh Arabic', 'Noto Serif Tibetan', sans-serif";
const MARGIN = 8;
const fontOf = (p: Paragraph): string => `${p.bold ? 700 : 400} ${p.size}px ${FAMILY}`;

/**
 * Draws the slip's lines in the citizen's Uyghur or Tibetan as a 1-bit
 * picture for the receipt printer: the browser shapes the script (Arabic
 * joining, Tibetan stacks) with the bundled fonts, which a printer's GB18030
 * fonts cannot. Right to left for Uyghur.
 */
export async function drawTranslation(lines: SlipLines, locale: Locale): Promise<ReceiptImage> {
  const paragraphs = translationParagraphs(lines);
  // The fonts' unicode-range slices load on demand: ask for the ones these words need.
  await Promise.all(paragraphs.map((p) => document.fonts.load(fontOf(p), p.text)));
  const canvas = document.createElement('canvas');
  canvas.width = RECEIPT_IMAGE_WIDTH;
  // One context: measured first, then drawn on once the height is known (resizing clears it).
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D canvas');
  const textWidth = RECEIPT_IMAGE_WIDTH - 2 * MARGIN;
  const laid = paragraphs.map((p) => {
    ctx.font = fontOf(p);
    const wrapped = carryIsolates(wrapText(p.text, textWidth, (s) => ctx.measureText(s).width));
    return { p, wrapped, lineHeight: Math.ceil(p.size * (locale === 'bo' ? 1.9 : 1.6)) };
  });
  const height = Math.min(
    laid.reduce((h, { wrapped, lineHeight }) => h + wrapped.length * lineHeight, 2 * MARGIN),
    // A slip longer than the printer takes is cut short rather than refused: the Chinese above is whole.
    MAX_RECEIPT_IMAGE_HEIGHT,
  );
  canvas.height = height;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';
  // Uyghur lines up on the right, Chinese left untranslated too; each paragraph reads in its own direction.
  const rtl = directionOf(locale) === 'rtl';
  ctx.textAlign = rtl ? 'right' : 'left';
  const x = rtl ? RECEIPT_IMAGE_WIDTH - MARGIN : MARGIN;
  let y = MARGIN;
  for (const { p, wrapped, lineHeight } of laid) {
    ctx.font = fontOf(p);
    ctx.direction = directionOfText(p.text);
    for (const line of wrapped) {
      ctx.fillText(line, x, y + lineHeight / 2);
      y += lineHeight;
    }
  }
  return {
    width: RECEIPT_IMAGE_WIDTH,
    height,
    bits: packBits(ctx.getImageData(0, 0, canvas.width, height)),
  };
}

/** Pixels darker than mid-grey are printed dots: rows of width/8 bytes, leftmost dot in the high bit, in base64. */
function packBits(image: ImageData): string {
  const rowBytes = image.width / 8;
  const bits = new Uint8Array(rowBytes * image.height);
  const { data } = image;
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1) {
      const at = (y * image.width + x) * 4;
      const light = ((data[at] ?? 255) + (data[at + 1] ?? 255) + (data[at + 2] ?? 255)) / 3;
      const byte = y * rowBytes + (x >> 3);
      if (light < 128) bits[byte] = (bits[byte] ?? 0) | (0x80 >> (x & 7));
    }
  let binary = '';
  for (let i = 0; i < bits.length; i += 0x8000)
    binary += String.fromCharCode(...bits.subarray(i, i + 0x8000));
  return btoa(binary);
}
