import iconv from 'iconv-lite';

/**
 * An ESC/POS command builder for Chinese receipts. Text goes out as GBK (not
 * GB18030: ¥ would become 4 bytes that print as "0 6"); QR data as UTF-8.
 */
export type Align = 'left' | 'center' | 'right';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
/** Rows per GS v 0 command. */
export const RASTER_BAND_ROWS = 128;
/** GS v 0 m xL xH yL yH: the bytes before a picture's data. */
export const RASTER_HEADER_BYTES = 8;

/** The GS v 0 header starting at `at`, if one does: its row width in bytes and its rows. */
export function rasterHeaderAt(
  bytes: ArrayLike<number>,
  at: number,
): { readonly widthBytes: number; readonly rows: number } | null {
  if (at + RASTER_HEADER_BYTES > bytes.length) return null;
  if (bytes[at] !== GS || bytes[at + 1] !== 0x76 || bytes[at + 2] !== 0x30) return null;
  return {
    widthBytes: (bytes[at + 4] ?? 0) + (bytes[at + 5] ?? 0) * 256,
    rows: (bytes[at + 6] ?? 0) + (bytes[at + 7] ?? 0) * 256,
  };
}

export class EscPos {
  private readonly parts: Uint8Array[] = [];

  private push(...bytes: number[]): this {
    this.parts.push(Uint8Array.from(bytes));
    return this;
  }

  /** ESC @, then FS & (Chinese double-byte mode on: whether it starts on is a factory setting). */
  init(): this {
    return this.push(ESC, 0x40).push(FS, 0x26);
  }

  align(align: Align): this {
    return this.push(ESC, 0x61, align === 'left' ? 0 : align === 'center' ? 1 : 2);
  }

  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** GS ! — width and height multipliers 1–8. */
  size(width: number, height: number): this {
    const w = Math.min(8, Math.max(1, Math.round(width))) - 1;
    const h = Math.min(8, Math.max(1, Math.round(height))) - 1;
    return this.push(GS, 0x21, (w << 4) | h);
  }

  /** Text in GBK. A character GBK lacks (𠮷, most 生僻字) prints as its code, 〔U+20BB7〕, never as "?". */
  text(text: string): this {
    this.parts.push(encodeGbk(text));
    return this;
  }

  line(text = ''): this {
    return this.text(text).push(0x0a);
  }

  feed(lines: number): this {
    return this.push(ESC, 0x64, Math.min(255, Math.max(0, lines)));
  }

  /** Model 2 QR with GS ( k: model, module size, error correction M, store (UTF-8), print. */
  qr(data: string, moduleSize = 6): this {
    const bytes = Buffer.from(data, 'utf8');
    const length = bytes.length + 3;
    this.push(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, Math.min(16, Math.max(1, moduleSize)));
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31);
    this.push(GS, 0x28, 0x6b, length & 0xff, (length >> 8) & 0xff, 0x31, 0x50, 0x30);
    this.parts.push(Uint8Array.from(bytes));
    return this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
  }

  /**
   * GS v 0: a 1-bit picture, rows of `widthBytes` bytes. Sent in bands of at
   * most 128 rows, as small printers' buffers want.
   */
  raster(widthBytes: number, rows: Uint8Array): this {
    const height = Math.floor(rows.length / widthBytes);
    for (let top = 0; top < height; top += RASTER_BAND_ROWS) {
      const band = Math.min(RASTER_BAND_ROWS, height - top);
      this.push(GS, 0x76, 0x30, 0x00, widthBytes & 0xff, widthBytes >> 8, band & 0xff, band >> 8);
      this.parts.push(rows.slice(top * widthBytes, (top + band) * widthBytes));
    }
    return this;
  }

  /** GS V 66 n: feed n dots then partial cut, so the tear line clears the print head. */
  cut(feedDots = 96): this {
    return this.push(GS, 0x56, 0x42, Math.min(255, feedDots));
  }

  bytes(): Uint8Array {
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** Whether the printer's GBK font has `char`: it survives the round trip. */
const inGbk = (char: string): boolean => iconv.decode(iconv.encode(char, 'gbk'), 'gbk') === char;

/**
 * GBK bytes; the full-width ￥ (A3 A4) stays two bytes, unlike GB18030's ¥.
 * A character GBK lacks is marked with its code point, so the clerk can look
 * it up (the A4 form and the back office carry the character itself).
 */
export function encodeGbk(text: string): Uint8Array {
  const marked = [...text.replace(/¥/g, '￥')]
    .map((char) =>
      char.charCodeAt(0) < 0x80 || inGbk(char)
        ? char
        : `〔U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}〕`,
    )
    .join('');
  return Uint8Array.from(iconv.encode(marked, 'gbk'));
}

/** Real-time status request DLE EOT n (1 printer, 2 offline cause, 3 error, 4 paper). */
export const statusRequest = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);
