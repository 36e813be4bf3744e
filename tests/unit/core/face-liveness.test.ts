import { describe, expect, it } from 'vitest';
import {
  LIVENESS,
  observeBlink,
  startLiveness,
  type LivenessState,
} from '../../../core/face/liveness';

const feed = (
  frames: readonly (readonly [number, number | null])[],
  timeoutMs = 8000,
): LivenessState =>
  frames.reduce(
    (state, [at, eyeOpenness]) => observeBlink(state, { at, eyeOpenness }, timeoutMs),
    startLiveness(0),
  );

describe('liveness: a blink on request', () => {
  it('passes eyes open, closed, open again', () => {
    expect(
      feed([
        [100, 0.36],
        [300, 0.12],
        [500, 0.35],
      ]).phase,
    ).toBe('passed');
  });

  it('never passes a still photo held up to the camera: the eyes never close', () => {
    const still = Array.from({ length: 60 }, (_, i) => [i * 150, 0.36] as const);
    expect(feed(still).phase).toBe('timed_out');
  });

  it('does not take half-closed eyes for a blink', () => {
    expect(
      feed([
        [100, 0.36],
        [300, LIVENESS.closed + 0.03],
        [500, 0.36],
      ]).phase,
    ).toBe('closed');
  });

  it('starts over when the face leaves the camera for more than a moment', () => {
    const state = feed([
      [100, 0.36],
      [300, null],
      [1800, null],
      [1900, 0.12],
      [2000, 0.36],
    ]);
    // The closed eyes came after the face was gone too long: the blink is asked for again.
    expect(state.phase).toBe('closed');
  });

  it('forgives a frame where the blink hid the face from the detector', () => {
    expect(
      feed([
        [100, 0.36],
        [300, null],
        [400, 0.12],
        [600, 0.35],
      ]).phase,
    ).toBe('passed');
  });
});
