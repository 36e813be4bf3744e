import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { err, ok, type KioskError, type Result } from '../../core/result';
import type { RgbImage } from '../../core/face/image';

/**
 * Pictures in and out of the face checks: camera frames (JPEG), card photos
 * from a station's decoder (PNG, JPEG or BMP), files given to `photo:check`,
 * and the standard photo the kiosk writes. Pure JavaScript decoders, bounded:
 * a corrupt or oversized file is an answer, never a crash or a memory blow-up.
 */
export const MAX_IMAGE_PIXELS = 24_000_000;
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export type ImageError = KioskError<'image_unreadable' | 'image_too_large'>;

const rgbOf = (rgba: Uint8Array, width: number, height: number): RgbImage => {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
    data[i] = rgba[j] ?? 0;
    data[i + 1] = rgba[j + 1] ?? 0;
    data[i + 2] = rgba[j + 2] ?? 0;
  }
  return { width, height, data };
};

const tooLarge = (width: number, height: number): Result<never, ImageError> =>
  err(
    'image_too_large',
    `${width} × ${height} pixels; at most ${MAX_IMAGE_PIXELS / 1e6} megapixels`,
  );

/** A picture's kind by its first bytes. */
export function imageKind(bytes: Uint8Array): 'jpeg' | 'png' | 'bmp' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'png';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'bmp';
  return null;
}

/** An uncompressed 24- or 32-bit BMP (what WLT decoders write), bottom-up or top-down. */
function decodeBmp(bytes: Buffer): Result<RgbImage, ImageError> {
  if (bytes.length < 54) return err('image_unreadable', 'a BMP shorter than its header');
  const offset = bytes.readUInt32LE(10);
  const width = bytes.readInt32LE(18);
  const rawHeight = bytes.readInt32LE(22);
  const bits = bytes.readUInt16LE(28);
  const compression = bytes.readUInt32LE(30);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height <= 0) return err('image_unreadable', 'a BMP with no pixels');
  if (width * height > MAX_IMAGE_PIXELS) return tooLarge(width, height);
  if ((bits !== 24 && bits !== 32) || (compression !== 0 && compression !== 3))
    return err(
      'image_unreadable',
      `a ${bits}-bit BMP (compression ${compression}); 24 or 32-bit only`,
    );
  const stride = Math.ceil((width * bits) / 32) * 4;
  if (offset + stride * height > bytes.length) return err('image_unreadable', 'a BMP cut short');
  const data = new Uint8Array(width * height * 3);
  const step = bits / 8;
  for (let y = 0; y < height; y += 1) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x += 1) {
      const p = row + x * step;
      const o = (y * width + x) * 3;
      data[o] = bytes[p + 2] ?? 0;
      data[o + 1] = bytes[p + 1] ?? 0;
      data[o + 2] = bytes[p] ?? 0;
    }
  }
  return ok({ width, height, data });
}

export function decodeImage(bytes: Buffer): Result<RgbImage, ImageError> {
  if (bytes.length > MAX_IMAGE_BYTES)
    return err('image_too_large', `${bytes.length} bytes; at most ${MAX_IMAGE_BYTES}`);
  try {
    switch (imageKind(bytes)) {
      case 'jpeg': {
        const decoded = jpeg.decode(bytes, {
          useTArray: true,
          formatAsRGBA: true,
          maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
          maxMemoryUsageInMB: 512,
        });
        return ok(rgbOf(decoded.data, decoded.width, decoded.height));
      }
      case 'png': {
        // The size is in the header: refused before a single pixel is inflated.
        const width = bytes.readUInt32BE(16);
        const height = bytes.readUInt32BE(20);
        if (width * height > MAX_IMAGE_PIXELS) return tooLarge(width, height);
        const decoded = PNG.sync.read(bytes);
        return ok(rgbOf(decoded.data, decoded.width, decoded.height));
      }
      case 'bmp':
        return decodeBmp(bytes);
      case null:
        return err('image_unreadable', 'not a JPEG, PNG or BMP');
    }
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return /limit exceeded/.test(message)
      ? err('image_too_large', message)
      : err('image_unreadable', `the picture is damaged: ${message}`);
  }
}

/** Sets the JFIF header's density: the standards state the photo's dpi. */
function withDensity(bytes: Buffer, dpi: number): Buffer {
  if (bytes.toString('latin1', 6, 11) !== 'JFIF\0') return bytes;
  bytes[13] = 1; // dots per inch
  bytes.writeUInt16BE(dpi, 14);
  bytes.writeUInt16BE(dpi, 16);
  return bytes;
}

export const encodeJpeg = (image: RgbImage, quality: number, dpi = 72): Buffer => {
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let i = 0, j = 0; i < image.data.length; i += 3, j += 4) {
    rgba[j] = image.data[i] ?? 0;
    rgba[j + 1] = image.data[i + 1] ?? 0;
    rgba[j + 2] = image.data[i + 2] ?? 0;
    rgba[j + 3] = 255;
  }
  const encoded = jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality);
  rgba.fill(0);
  return withDensity(Buffer.from(encoded.data), dpi);
};

/**
 * The photo as a JPEG whose size lies in the standard's window: starting at
 * the standard's quality, stepping down when too large and up when too small.
 * Null when no quality from 40 to 100 fits (the caller says so).
 */
export function encodeJpegWithin(
  image: RgbImage,
  quality: number,
  dpi: number,
  bytes: { readonly min?: number; readonly max?: number },
): { jpeg: Buffer; quality: number } | null {
  const fits = (n: number): -1 | 0 | 1 =>
    bytes.max !== undefined && n > bytes.max
      ? 1
      : bytes.min !== undefined && n < bytes.min
        ? -1
        : 0;
  let q = quality;
  let tried = encodeJpeg(image, q, dpi);
  const direction = fits(tried.length);
  if (direction === 0) return { jpeg: tried, quality: q };
  for (q = quality - direction * 5; q >= 40 && q <= 100; q -= direction * 5) {
    tried = encodeJpeg(image, q, dpi);
    const now = fits(tried.length);
    if (now === 0) return { jpeg: tried, quality: q };
    if (now !== direction) return null;
  }
  return null;
}
