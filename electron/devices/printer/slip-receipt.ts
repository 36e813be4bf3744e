import type { ReceiptImage } from '../../../core/receipt-image';
import type { RefusalNoticeLines } from '../../../core/refusal-notice';
import type { SlipLines } from '../../../core/slip-lines';
import { EscPos } from './escpos';
import { displayWidth, twoColumns, wrap } from './text-width';

export const COLUMNS = { 58: 32, 80: 48 } as const;
export type PaperWidth = keyof typeof COLUMNS;

/** A paper's head: its title double size, the station under it, a rule; then left-aligned text. */
function headed(heading: string, station: string, columns: number): EscPos {
  const p = new EscPos().init().align('center').bold(true).size(2, 2);
  for (const line of wrap(heading, Math.floor(columns / 2))) p.line(line);
  p.size(1, 1).bold(false);
  for (const line of wrap(station, columns)) p.line(line);
  return p.line('-'.repeat(columns)).align('left');
}

/**
 * Lays the slip's lines out for a 58 mm (32 columns) or 80 mm (48 columns)
 * roll: every line fits by display width, no character is ever split, and the
 * QR code carries the status-lookup reference. The station heads the slip, so
 * its row is not repeated. A citizen who applied in Uyghur or Tibetan gets the
 * same lines in their language under the Chinese, as a picture the renderer
 * drew (`translation`), before the one cut.
 */
export function slipReceipt(
  slip: SlipLines,
  paper: PaperWidth,
  translation: ReceiptImage | null = null,
): Uint8Array {
  const columns = COLUMNS[paper];
  const rule = '-'.repeat(columns);
  const p = headed(slip.heading, slip.station, columns);
  p.line(slip.applicationNoLabel).bold(true);
  const numberFitsDouble = displayWidth(slip.applicationNo) * 2 <= columns;
  if (numberFitsDouble) p.size(2, 1);
  p.line(slip.applicationNo).size(1, 1).bold(false);
  p.align('center')
    .qr(slip.qrText, paper === 80 ? 7 : 5)
    .line(slip.qrCaption)
    .align('left')
    .line(rule);
  for (const { key, label, value } of slip.rows) {
    if (key === 'station') continue;
    for (const line of twoColumns(`${label}：`, value, columns)) p.line(line);
  }
  if (slip.notice !== null && slip.notice.items.length > 0) {
    p.line(rule).align('center').bold(true).line(slip.notice.title).bold(false).align('left');
    for (const line of wrap(slip.notice.lead, columns)) p.line(line);
    slip.notice.items.forEach((item, i) => {
      const head = `${i + 1}. `;
      const indent = ' '.repeat(displayWidth(head));
      wrap(item.name, columns - indent.length).forEach((line, j) =>
        p.line(`${j === 0 ? head : indent}${line}`),
      );
      if (item.satisfiedBy !== null) {
        for (const line of wrap(item.satisfiedBy, columns - indent.length))
          p.line(`${indent}${line}`);
      }
    });
  }
  if (slip.bring.length > 0) {
    p.line(rule).bold(true).line(slip.bringTitle).bold(false);
    for (const item of slip.bring) for (const line of wrap(`· ${item}`, columns)) p.line(line);
  }
  for (const note of slip.notes) for (const line of wrap(note, columns)) p.line(line);
  // Paid here: the 财政电子票据's link, for the citizen's phone.
  if (slip.receiptQr !== null)
    p.line(rule)
      .align('center')
      .qr(slip.receiptQr.text, paper === 80 ? 6 : 4)
      .line(slip.receiptQr.caption)
      .align('left');
  p.line(rule).bold(true).line(slip.howToQueryTitle).bold(false);
  for (const text of [slip.howToQuery, slip.queryUntilSent])
    for (const line of wrap(text, columns)) p.line(line);
  for (const line of wrap(slip.footer, columns)) p.line(line);
  if (translation !== null) {
    p.line(rule).align('center');
    p.raster(translation.width / 8, Buffer.from(translation.bits, 'base64'));
    p.align('left');
  }
  return p.feed(3).cut().bytes();
}

/**
 * The 一次性告知单 of a citizen the rules stop: heading and station as on a slip, then the rows
 * (the item, where it stopped, when, who to ask), and the reason with its basis in full.
 */
export function refusalReceipt(notice: RefusalNoticeLines, paper: PaperWidth): Uint8Array {
  const columns = COLUMNS[paper];
  const rule = '-'.repeat(columns);
  const p = headed(notice.heading, notice.station, columns);
  for (const { label, value } of notice.rows)
    for (const line of twoColumns(`${label}：`, value, columns)) p.line(line);
  for (const [title, body] of [
    [notice.reasonTitle, notice.reason],
    [notice.basisTitle, notice.basis],
  ] as const) {
    p.line(rule).bold(true).line(title).bold(false);
    for (const line of wrap(body, columns)) p.line(line);
  }
  p.line(rule);
  for (const line of wrap(notice.footer, columns)) p.line(line);
  return p.feed(3).cut().bytes();
}

/** A short page to check the printer from the technician's screen. */
export function testReceipt(lines: readonly string[], paper: PaperWidth): Uint8Array {
  const columns = COLUMNS[paper];
  const p = new EscPos()
    .init()
    .align('center')
    .bold(true)
    .line('打印测试 PRINT TEST')
    .bold(false)
    .align('left');
  p.line('-'.repeat(columns));
  for (const text of lines) for (const line of wrap(text, columns)) p.line(line);
  p.line('中文：申请回执 一次性告知单 ￥120.00');
  p.line('1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns));
  p.align('center').qr('GAKIOSK:TEST', 4);
  return p.feed(3).cut().bytes();
}
