/**
 * Where the page is in a document-camera frame, pure: the page is brighter
 * than the desk under it. Otsu's threshold splits bright from dark; the page
 * is the span of rows and columns that are mostly bright around the centre.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Otsu's method: the threshold that best separates two brightness populations. */
export function otsuThreshold(luma: Uint8Array): number {
  const histogram = new Array<number>(256).fill(0);
  for (const v of luma) histogram[v] = (histogram[v] ?? 0) + 1;
  const total = luma.length;
  let sum = 0;
  for (let i = 0; i < 256; i += 1) sum += i * (histogram[i] ?? 0);
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t += 1) {
    weightBack += histogram[t] ?? 0;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * (histogram[t] ?? 0);
    const meanBack = sumBack / weightBack;
    const meanFore = (sum - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** The run of `true` around `centre` (allowing short gaps for text lines crossing the page). */
function spanAround(
  bright: readonly boolean[],
  centre: number,
  maxGap: number,
): [number, number] | null {
  let start = centre;
  while (start < bright.length && !bright[start]) start += 1;
  if (start >= bright.length) return null;
  let lo = start;
  let gap = 0;
  for (let i = start - 1; i >= 0 && gap <= maxGap; i -= 1) {
    if (bright[i]) {
      lo = i;
      gap = 0;
    } else gap += 1;
  }
  let hi = start;
  gap = 0;
  for (let i = start + 1; i < bright.length && gap <= maxGap; i += 1) {
    if (bright[i]) {
      hi = i;
      gap = 0;
    } else gap += 1;
  }
  return [lo, hi];
}

/**
 * The page's rectangle in a `width`×`height` luminance image, or null when no
 * page stands out (an empty desk, or a page filling the whole frame).
 */
export function findPageBounds(luma: Uint8Array, width: number, height: number): Rect | null {
  const threshold = otsuThreshold(luma);
  const colBright = new Array<number>(width).fill(0);
  const rowBright = new Array<number>(height).fill(0);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((luma[y * width + x] ?? 0) > threshold) {
        colBright[x] = (colBright[x] ?? 0) + 1;
        rowBright[y] = (rowBright[y] ?? 0) + 1;
      }
    }
  }
  const maxCol = Math.max(...colBright);
  const maxRow = Math.max(...rowBright);
  if (maxCol === 0 || maxRow === 0) return null;
  // A column belongs to the page when it is bright for at least half the page's height (text lines are dark).
  const cols = colBright.map((n) => n >= maxCol * 0.5);
  const rows = rowBright.map((n) => n >= maxRow * 0.5);
  const xs = spanAround(cols, Math.floor(width / 2), Math.ceil(width * 0.02));
  const ys = spanAround(rows, Math.floor(height / 2), Math.ceil(height * 0.02));
  if (xs === null || ys === null) return null;
  const rect = { x: xs[0], y: ys[0], width: xs[1] - xs[0] + 1, height: ys[1] - ys[0] + 1 };
  const share = (rect.width * rect.height) / (width * height);
  return share < 0.08 || share > 0.97 ? null : rect;
}
