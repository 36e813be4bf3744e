import { describe, expect, it } from 'vitest';
import { resampleStroke, type PadPoint } from '../../../renderer/keyboard/resample-stroke';

describe('a handwriting stroke resampled for the recognizer', () => {
  it('keeps a short stroke as drawn', () => {
    const stroke: PadPoint[] = [
      [10, 10],
      [20, 30],
      [40, 35],
    ];
    expect(resampleStroke(stroke, 48)).toEqual(stroke);
  });

  it('brings a 2,000-point scribble down to 48 points along its path, first and last kept', () => {
    // A finger lingering: a long horizontal line drawn with 2,000 points, then a drop.
    const stroke: PadPoint[] = [
      ...Array.from({ length: 1999 }, (_, i): PadPoint => [100 + (i * 800) / 1998, 500]),
      [900, 900],
    ];
    const out = resampleStroke(stroke, 48);
    expect(out).toHaveLength(48);
    expect(out[0]).toEqual([100, 500]);
    expect(out.at(-1)).toEqual([900, 900]);
    // Evenly spread along the length: 800 across, then 400 down, so about a third of the points are on the drop.
    expect(out.filter(([, y]) => y > 500).length).toBeGreaterThanOrEqual(14);
    expect(out.filter(([, y]) => y > 500).length).toBeLessThanOrEqual(17);
    for (const [x, y] of out) {
      expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
      expect(x >= 100 && x <= 900 && y >= 500 && y <= 900).toBe(true);
    }
  });
});
