/**
 * Compresses a page photo under a byte budget while keeping text legible:
 * first lower the JPEG quality (down to a floor where small print still
 * reads), then shrink the picture, never below `minLongSide` pixels.
 */
export interface EncodeAttempt {
  readonly quality: number;
  readonly scale: number;
}

export const QUALITIES = [0.85, 0.75, 0.65, 0.55] as const;
export const SCALES = [1, 0.85, 0.7, 0.6] as const;

export async function encodeWithinBudget<T extends { readonly size: number }>(
  encode: (attempt: EncodeAttempt) => Promise<T>,
  budgetBytes: number,
): Promise<{ readonly result: T; readonly attempt: EncodeAttempt; readonly tries: number }> {
  let tries = 0;
  let last: { result: T; attempt: EncodeAttempt } | null = null;
  for (const scale of SCALES) {
    for (const quality of QUALITIES) {
      const attempt = { quality, scale };
      const result = await encode(attempt);
      tries += 1;
      last = { result, attempt };
      if (result.size <= budgetBytes) return { ...last, tries };
    }
  }
  // Nothing fitted: the smallest we made (the caller refuses it if still too big).
  if (last === null) throw new Error('no encoding attempted');
  return { ...last, tries };
}

/** The output size for a crop: an A4 page at about 200 dpi on its long side, never upscaled. */
export function targetSize(
  width: number,
  height: number,
  longSide = 1800,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
