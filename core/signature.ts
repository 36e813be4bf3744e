/**
 * A signature drawn on the review screen: vector strokes in a fixed 1000 × 400
 * box (the pad's shape on every screen), so the A4 form and the back office
 * draw it at any size and nothing depends on the kiosk's resolution. It is
 * the citizen's own: it lives in the session, the sealed payload and the
 * printed form, and goes with the session.
 */
export const SIGNATURE_BOX = { width: 1000, height: 400 } as const;
export type SignaturePoint = readonly [number, number];
/** What `signatureSchema` (./signature-schema) admits; zod stays out of the renderer's bundle. */
export interface Signature {
  readonly strokes: readonly (readonly SignaturePoint[])[];
}

/** A point a pointer touched in a w × h box of pixels, in the signature's units (rounded, kept inside). */
export function toSignatureUnits(
  x: number,
  y: number,
  width: number,
  height: number,
): SignaturePoint {
  const clamp = (v: number, max: number): number => Math.min(max, Math.max(0, Math.round(v)));
  return [
    clamp((x / Math.max(1, width)) * SIGNATURE_BOX.width, SIGNATURE_BOX.width),
    clamp((y / Math.max(1, height)) * SIGNATURE_BOX.height, SIGNATURE_BOX.height),
  ];
}

/**
 * Adds a point to a stroke unless it is too close to the last one to be seen:
 * a pen held still sends dozens of events, and a signature should be hundreds
 * of points, not thousands.
 */
export function extendStroke(
  stroke: readonly SignaturePoint[],
  point: SignaturePoint,
  minDistance = 3,
): readonly SignaturePoint[] {
  const last = stroke.at(-1);
  if (last !== undefined && Math.hypot(point[0] - last[0], point[1] - last[1]) < minDistance)
    return stroke;
  return [...stroke, point];
}

/** The strokes as one SVG path in the signature's units (a dot for a single tap). */
export function signaturePath(strokes: readonly (readonly SignaturePoint[])[]): string {
  return strokes
    .map((stroke) => {
      const [first, ...rest] = stroke;
      if (first === undefined) return '';
      const moves =
        rest.length === 0 ? [`L${first[0] + 0.1} ${first[1]}`] : rest.map(([x, y]) => `L${x} ${y}`);
      return `M${first[0]} ${first[1]}${moves.join('')}`;
    })
    .join('');
}
