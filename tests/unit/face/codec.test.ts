import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeImage,
  encodeJpeg,
  encodeJpegWithin,
  MAX_IMAGE_PIXELS,
} from '../../../electron/face/codec';
import { FRANCK, mediaBytes, mediaImage } from '../../fixtures/faces';

/** A 24-bit bottom-up BMP, as WLT decoders write the card's photo. */
function bmp(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const stride = Math.ceil((width * 24) / 32) * 4;
  const out = Buffer.alloc(54 + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) out.set([rgb[2], rgb[1], rgb[0]], 54 + y * stride + x * 3);
  return out;
}

describe('pictures in and out of the face checks', () => {
  it('reads JPEG, PNG and BMP, and knows their size', () => {
    const jpeg = decodeImage(mediaBytes(FRANCK.neutral));
    expect(jpeg.ok && [jpeg.value.width, jpeg.value.height]).toEqual([720, 576]);
    const card = decodeImage(bmp(102, 126, [10, 20, 30]));
    expect(
      card.ok && [card.value.width, card.value.height, ...card.value.data.subarray(0, 3)],
    ).toEqual([102, 126, 10, 20, 30]);
  });

  it('answers a damaged or oversized picture with a reason, never a crash', () => {
    const cut = mediaBytes(FRANCK.neutral).subarray(0, 2000);
    expect(decodeImage(Buffer.from(cut))).toMatchObject({ ok: false });
    expect(decodeImage(Buffer.from('<svg onload=alert(1)>'))).toMatchObject({
      ok: false,
      error: { code: 'image_unreadable' },
    });
    // A PNG header claiming 20,000 × 20,000 pixels: refused before anything is inflated.
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(20_000, 16);
    header.writeUInt32BE(20_000, 20);
    const huge = Buffer.concat([header, deflateSync(Buffer.alloc(10))]);
    expect(decodeImage(huge)).toMatchObject({ ok: false, error: { code: 'image_too_large' } });
    expect(20_000 * 20_000).toBeGreaterThan(MAX_IMAGE_PIXELS);
    const bmpHuge = bmp(1, 1, [0, 0, 0]);
    bmpHuge.writeInt32LE(10_000, 18);
    bmpHuge.writeInt32LE(10_000, 22);
    expect(decodeImage(bmpHuge)).toMatchObject({ ok: false, error: { code: 'image_too_large' } });
  });

  it('writes a JPEG with the standard’s dpi, inside its byte window', () => {
    const image = mediaImage(FRANCK.neutral);
    const plain = encodeJpeg(image, 80, 300);
    expect(plain[13]).toBe(1);
    expect(plain.readUInt16BE(14)).toBe(300);
    const within = encodeJpegWithin(image, 95, 300, { max: 40 * 1024 });
    expect(within).not.toBeNull();
    expect(within!.jpeg.length).toBeLessThanOrEqual(40 * 1024);
    expect(within!.quality).toBeLessThan(95);
    // No quality fits a window this narrow for this picture: said, not faked.
    expect(encodeJpegWithin(image, 90, 300, { min: 500 * 1024, max: 501 * 1024 })).toBeNull();
  });
});
