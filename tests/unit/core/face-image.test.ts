import { describe, expect, it } from 'vitest';
import {
  cropResize,
  hsl,
  laplacianVariance,
  lumaStats,
  type RgbImage,
} from '../../../core/face/image';
import { PHOTO_STANDARDS } from '../../../core/face/standards';

const flat = (width: number, height: number, rgb: readonly [number, number, number]): RgbImage => {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return { width, height, data };
};

describe('pixels for the face checks', () => {
  it('crops and resamples to exact pixels', () => {
    const image = flat(100, 80, [200, 100, 50]);
    const out = cropResize(image, { x: 10, y: 10, width: 50, height: 60 }, 354, 472);
    expect([out.width, out.height, out.data.length]).toEqual([354, 472, 354 * 472 * 3]);
    expect([...out.data.subarray(0, 3)]).toEqual([200, 100, 50]);
  });

  it('measures light and its spread, and counts blown highlights', () => {
    const stats = lumaStats(flat(20, 20, [255, 255, 255]), { x: 0, y: 0, width: 20, height: 20 });
    expect(stats.mean).toBeCloseTo(255, 0);
    expect(stats.std).toBeCloseTo(0, 5);
    expect(stats.clipped).toBe(1);
  });

  it('tells a plain area (no edges) from a textured one', () => {
    const plain = flat(64, 64, [128, 128, 128]);
    const stripes = {
      ...plain,
      data: plain.data.map((_, i) => (Math.floor(i / 3) % 2 === 0 ? 20 : 230)),
    };
    const rect = { x: 0, y: 0, width: 64, height: 64 };
    expect(laplacianVariance(plain, rect)).toBeCloseTo(0, 5);
    expect(laplacianVariance(stripes, rect)).toBeGreaterThan(1000);
  });

  it('names colours as the standards do: light grey, light blue, the blue of a studio screen', () => {
    expect(hsl(242, 242, 242)).toMatchObject({ s: 0 });
    expect(hsl(242, 242, 242).l).toBeGreaterThan(0.9);
    const lightBlue = hsl(160, 210, 250);
    expect(lightBlue.h).toBeGreaterThan(180);
    expect(lightBlue.l).toBeGreaterThan(0.65);
    expect(hsl(30, 100, 230).l).toBeLessThan(0.65);
  });

  it('keeps the standards’ figures consistent: the target head fits inside its own ranges', () => {
    const exit = PHOTO_STANDARDS['exit-entry'];
    expect(exit.target.by).toBe('headHeight');
    if (exit.target.by !== 'headHeight') return;
    const chin = exit.height - exit.target.crownMargin - exit.target.headHeight;
    expect(chin).toBeGreaterThanOrEqual(exit.ranges.chinMargin?.min ?? 0);
    expect(exit.target.headHeight).toBeGreaterThanOrEqual(exit.ranges.headHeight?.min ?? 0);
    expect(exit.width / exit.height).toBeCloseTo(3 / 4, 2);
    const id = PHOTO_STANDARDS['id-card'];
    expect([id.width, id.height, id.dpi]).toEqual([358, 441, 350]);
  });
});
