import { describe, expect, it } from 'vitest';
import { encodeWithinBudget, targetSize } from '../../../renderer/camera/jpeg-budget';
import { findPageBounds, otsuThreshold } from '../../../renderer/camera/page-bounds';

/** A dark desk with a white page at (px, py, pw, ph) carrying dark text lines. */
function frame(
  width: number,
  height: number,
  page: { x: number; y: number; w: number; h: number },
): Uint8Array {
  const luma = new Uint8Array(width * height).fill(45);
  for (let y = page.y; y < page.y + page.h; y += 1) {
    for (let x = page.x; x < page.x + page.w; x += 1) {
      // Text lines inside the page's margins, as on a real document.
      const line =
        (y - page.y) % 12 < 3 &&
        y > page.y + 8 &&
        y < page.y + page.h - 8 &&
        x > page.x + 8 &&
        x < page.x + page.w - 8;
      luma[y * width + x] = line ? 20 : 235;
    }
  }
  return luma;
}

describe('finding the page in a camera frame', () => {
  it('separates page from desk', () => {
    const t = otsuThreshold(frame(160, 120, { x: 40, y: 10, w: 70, h: 100 }));
    expect(t).toBeGreaterThanOrEqual(45);
    expect(t).toBeLessThan(235);
  });

  it('finds the page rectangle despite its text lines', () => {
    const rect = findPageBounds(frame(160, 120, { x: 40, y: 10, w: 70, h: 100 }), 160, 120);
    expect(rect).not.toBeNull();
    expect(Math.abs(rect!.x - 40)).toBeLessThanOrEqual(2);
    expect(Math.abs(rect!.y - 10)).toBeLessThanOrEqual(2);
    expect(Math.abs(rect!.width - 70)).toBeLessThanOrEqual(3);
    expect(Math.abs(rect!.height - 100)).toBeLessThanOrEqual(3);
  });

  it('says "no page" for an empty desk or a page filling the frame', () => {
    expect(findPageBounds(new Uint8Array(160 * 120).fill(50), 160, 120)).toBeNull();
    expect(findPageBounds(frame(160, 120, { x: 0, y: 0, w: 160, h: 120 }), 160, 120)).toBeNull();
  });
});

describe('compressing under the budget', () => {
  it('lowers quality first, then size, and stops at the first fit', async () => {
    const tried: string[] = [];
    const out = await encodeWithinBudget(async ({ quality, scale }) => {
      tried.push(`${quality}@${scale}`);
      return { size: Math.round(900_000 * quality * scale * scale) };
    }, 300_000);
    expect(out.result.size).toBeLessThanOrEqual(300_000);
    expect(tried[0]).toBe('0.85@1');
    expect(out.attempt.scale).toBeLessThan(1);
  });

  it('never upscales and keeps an A4 page near 200 dpi', () => {
    expect(targetSize(1000, 1414)).toEqual({ width: 1000, height: 1414 });
    expect(targetSize(2480, 3508)).toEqual({ width: 1273, height: 1800 });
  });
});
