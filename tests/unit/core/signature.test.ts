import { describe, expect, it } from 'vitest';
import {
  extendStroke,
  signaturePath,
  toSignatureUnits,
  type Signature,
  type SignaturePoint,
} from '../../../core/signature';
import { signatureSchema } from '../../../core/signature-schema';
import { decodeApplicationPayload } from '../../../core/application';
import { samplePayload } from '../../fixtures/sample-application';

describe('an on-screen signature', () => {
  it('is kept in a 1000 × 400 box whatever the pad’s size on screen', () => {
    expect(toSignatureUnits(380, 76, 760, 304)).toEqual([500, 100]);
    expect(toSignatureUnits(190, 152, 380, 152)).toEqual([500, 400]);
    // A finger that slides off the pad stays on its edge.
    expect(toSignatureUnits(-20, 999, 760, 304)).toEqual([0, 400]);
  });

  it('drops points a still finger repeats, so a signature is hundreds of points, not thousands', () => {
    let stroke: readonly SignaturePoint[] = [[100, 100]];
    for (let i = 0; i < 50; i += 1) stroke = extendStroke(stroke, [101, 100]);
    expect(stroke).toEqual([[100, 100]]);
    stroke = extendStroke(stroke, [110, 104]);
    expect(stroke).toHaveLength(2);
  });

  it('draws as one SVG path, a tap as a dot', () => {
    expect(
      signaturePath([
        [
          [10, 20],
          [30, 40],
        ],
        [[5, 5]],
      ]),
    ).toBe('M10 20L30 40M5 5L5.1 5');
  });

  it('is refused by the contract outside its box or beyond its size', () => {
    const good: Signature = {
      strokes: [
        [
          [0, 0],
          [1000, 400],
        ],
      ],
    };
    expect(signatureSchema.safeParse(good).success).toBe(true);
    expect(signatureSchema.safeParse({ strokes: [[[1001, 0]]] }).success).toBe(false);
    expect(signatureSchema.safeParse({ strokes: [[[10.5, 0]]] }).success).toBe(false);
    expect(signatureSchema.safeParse({ strokes: [] }).success).toBe(false);
    const huge = Array.from({ length: 100 }, () =>
      Array.from({ length: 61 }, (_, i) => [i, i] as const),
    );
    expect(signatureSchema.safeParse({ strokes: huge }).success).toBe(false);
  });

  it('reads as none in a payload sealed before signatures existed', () => {
    const { signature: _dropped, ...before } = samplePayload();
    const decoded = decodeApplicationPayload(JSON.stringify(before));
    expect(decoded.ok && decoded.value.signature).toBeNull();
    const signed = samplePayload({ signature: { strokes: [[[1, 2]]] } });
    const again = decodeApplicationPayload(JSON.stringify(signed));
    expect(again.ok && again.value.signature).toEqual({ strokes: [[[1, 2]]] });
  });
});
