import iconv from 'iconv-lite';

/**
 * The text of printed ESC/POS bytes, commands stripped, GBK decoded: what a
 * person would read on the paper. QR payloads come back as `[QR:…]`. Used by
 * the printer simulator and by tests that read the slip off a PTY.
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
