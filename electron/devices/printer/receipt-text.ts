import iconv from 'iconv-lite';

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
      if (next === 0x76 && bytes[i + 2] === 0x30) {
        // GS v 0 m xL xH yL yH d…: a picture; its bands read as one [IMAGE width×height].
        const widthBytes = (bytes[i + 4] ?? 0) + (bytes[i + 5] ?? 0) * 256;
        const rows = (bytes[i + 6] ?? 0) + (bytes[i + 7] ?? 0) * 256;
        flush();
        const last = out.at(-1);
        const joined = last === undefined ? null : /^\[IMAGE (\d+)×(\d+)\]$/.exec(last);
        if (joined !== null && Number(joined[1]) === widthBytes * 8)
          out[out.length - 1] = `[IMAGE ${widthBytes * 8}×${Number(joined[2]) + rows}]`;
        else out.push(`[IMAGE ${widthBytes * 8}×${rows}]`);
        i += 8 + widthBytes * rows;
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

/** The pictures in printed ESC/POS bytes, in order; consecutive bands of one width are one picture. */
export function receiptPictures(bytes: Uint8Array): ReceiptPicture[] {
  const pictures: { width: number; height: number; bands: Uint8Array[] }[] = [];
  let lastEnd = -1;
  for (let i = 0; i + 8 <= bytes.length; i += 1) {
    if (bytes[i] !== 0x1d || bytes[i + 1] !== 0x76 || bytes[i + 2] !== 0x30) continue;
    const widthBytes = (bytes[i + 4] ?? 0) + (bytes[i + 5] ?? 0) * 256;
    const rows = (bytes[i + 6] ?? 0) + (bytes[i + 7] ?? 0) * 256;
    const data = bytes.subarray(i + 8, i + 8 + widthBytes * rows);
    const last = pictures.at(-1);
    if (last !== undefined && lastEnd === i && last.width === widthBytes * 8) {
      last.height += rows;
      last.bands.push(data);
    } else pictures.push({ width: widthBytes * 8, height: rows, bands: [data] });
    lastEnd = i + 8 + widthBytes * rows;
    i = lastEnd - 1;
  }
  return pictures.map(({ width, height, bands }) => {
    const bits = new Uint8Array(bands.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const band of bands) {
      bits.set(band, at);
      at += band.length;
    }
    return { width, height, bits };
  });
}
