import { describe, expect, it } from 'vitest';
import { createWedgeDetector } from '../../../renderer/devices/keyboard-wedge';

const burst = (text: string, start: number, gap: number) =>
  [...text, 'Enter'].map((key, i) => ({ key, at: start + i * gap }));

describe('keyboard-wedge scanner detector', () => {
  it('takes a fast burst of keys ending in Enter as a scan', () => {
    const detector = createWedgeDetector();
    const results = burst('GAKIOSK:20261127-ABC123-X', 1000, 4).map((s) => detector.feed(s));
    expect(results.at(-1)).toBe('GAKIOSK:20261127-ABC123-X');
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
  });

  it('ignores a person typing the same text', () => {
    const detector = createWedgeDetector();
    const results = burst('GAKIOSK:20261127', 1000, 180).map((s) => detector.feed(s));
    expect(results.every((r) => r === null)).toBe(true);
  });

  it('ignores a short burst (a key held down) and starts afresh after a pause', () => {
    const detector = createWedgeDetector();
    expect(
      burst('aaa', 0, 3)
        .map((s) => detector.feed(s))
        .at(-1),
    ).toBeNull();
    detector.feed({ key: 'x', at: 500 });
    expect(
      burst('20261127ABC', 2000, 5)
        .map((s) => detector.feed(s))
        .at(-1),
    ).toBe('20261127ABC');
  });
});
