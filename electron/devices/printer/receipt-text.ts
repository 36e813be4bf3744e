import iconv from 'iconv-lite';
import { RASTER_HEADER_BYTES, rasterHeaderAt } from './escpos';

/**
 * The text of printed ESC/POS bytes, commands stripped, GBK decoded: what a
 * person would read on the paper. QR payloads come back as `[QR:…]`. Used by
 * the printer simulator and by tests that read the slip off a PTY. Pictures
 * (GS v 0) come back as `[IMAGE width×height]`.
 */
export function receiptText(bytes: Uint8Array): string {
  const out: string[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(iconv.decode(Buffer.from(run), 'gbk'));
    run = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const next = bytes[i + 1] ?? 0;
    if (b === 0x1b) {
      // ESC @ | ESC a n | ESC E n | ESC d n | ESC ! n | ESC t n
      i += next === 0x40 ? 2 : 3;
      continue;
    }
    if (b === 0x1c) {
      i += 2; // FS & / FS .
      continue;
    }
    if (b === 0x10 && next === 0x04) {
      i += 3; // DLE EOT n
      continue;
    }
    if (b === 0x1d) {
      if (next === 0x28 && bytes[i + 2] === 0x6b) {
        const length = (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256;
        if (bytes[i + 5] === 0x31 && bytes[i + 6] === 0x50) {
          flush();
          out.push(`[QR:${Buffer.from(bytes.subarray(i + 8, i + 5 + length)).toString('utf8')}]`);
        }
        i += 5 + length;
        continue;
      }
      const picture = pictureAt(bytes, i);
      if (picture !== null) {
        flush();
        out.push(`[IMAGE ${picture.width}×${picture.height}]`);
        i = picture.end;
        continue;
      }
      if (next === 0x56) {
        const m = bytes[i + 2] ?? 0;
        i += m === 0x41 || m === 0x42 ? 4 : 3; // GS V m [n]
        flush();
        out.push('\n[CUT]\n');
        continue;
      }
      i += 3; // GS ! n and other one-argument GS commands
      continue;
    }
    if (b === 0x0a) {
      flush();
      out.push('\n');
      i += 1;
      continue;
    }
    run.push(b);
    i += 1;
  }
  flush();
  return out.join('');
}

/** A picture a receipt carries (GS v 0), its bands joined: for tests and the simulator to look at. */
export interface ReceiptPicture {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
}

/** The picture starting at `at`: its GS v 0 bands of one width, joined, and where they end. */
function pictureAt(bytes: Uint8Array, at: number): (ReceiptPicture & { end: number }) | null {
  const first = rasterHeaderAt(bytes, at);
  if (first === null) return null;
  const bands: Uint8Array[] = [];
  let height = 0;
  let end = at;
  for (
    let band: ReturnType<typeof rasterHeaderAt> = first;
    band !== null && band.widthBytes === first.widthBytes;
    band = rasterHeaderAt(bytes, end)
  ) {
    const start = end + RASTER_HEADER_BYTES;
    end = start + band.widthBytes * band.rows;
    bands.push(bytes.subarray(start, end));
    height += band.rows;
  }
  return { width: first.widthBytes * 8, height, bits: new Uint8Array(Buffer.concat(bands)), end };
}

/** The pictures in printed ESC/POS bytes, in order; consecutive bands of one width are one picture. */
export function receiptPictures(bytes: Uint8Array): ReceiptPicture[] {
  const pictures: ReceiptPicture[] = [];
  for (let i = 0; i < bytes.length;) {
    const picture = pictureAt(bytes, i);
    if (picture === null) {
      i += 1;
      continue;
    }
    pictures.push({ width: picture.width, height: picture.height, bits: picture.bits });
    i = picture.end;
  }
  return pictures;
}
