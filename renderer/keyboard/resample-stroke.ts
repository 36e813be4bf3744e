/** A point on the handwriting pad, in its 1000 × 1000 units. */
export type PadPoint = readonly [number, number];

/**
 * At most `max` points along the stroke, evenly spaced by length, first and
 * last kept: the shape zinnia needs, in a size the contract accepts however
 * long a finger lingers on the pad.
 */
export function resampleStroke(stroke: readonly PadPoint[], max: number): [number, number][] {
  if (stroke.length <= max) return stroke.map(([x, y]) => [x, y]);
  const lengths = [0];
  for (let i = 1; i < stroke.length; i += 1) {
    const [ax, ay] = stroke[i - 1]!;
    const [bx, by] = stroke[i]!;
    lengths.push(lengths[i - 1]! + Math.hypot(bx - ax, by - ay));
  }
  const total = lengths[lengths.length - 1]!;
  const out: [number, number][] = [];
  let j = 1;
  for (let k = 0; k < max; k += 1) {
    const at = (total * k) / (max - 1);
    while (j < stroke.length - 1 && lengths[j]! < at) j += 1;
    const [ax, ay] = stroke[j - 1]!;
    const [bx, by] = stroke[j]!;
    const span = lengths[j]! - lengths[j - 1]!;
    const t = span === 0 ? 0 : Math.min(1, Math.max(0, (at - lengths[j - 1]!) / span));
    out.push([Math.round(ax + (bx - ax) * t), Math.round(ay + (by - ay) * t)]);
  }
  return out;
}
