import iconv from 'iconv-lite';

/**
 * A scanned payload as text: UTF-8 when the bytes are valid UTF-8 (most QR
 * codes), else GBK (older Chinese barcodes and some scanners' native output).
 */
export function decodeScanText(bytes: Uint8Array): {
  readonly text: string;
  readonly encoding: 'utf-8' | 'gbk';
} {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gbk'), encoding: 'gbk' };
  }
}
