/**
 * Pixels as the face checks read them: 8-bit RGB, row by row, no alpha. Pure
 * functions only — decoding and encoding files happens at the edge (electron/face).
 */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 3 bytes. */
  readonly data: Uint8Array;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** ITU-R BT.601 luma, 0–255: what "bright" and "dark" mean below. */
export const luma = (r: number, g: number, b: number): number => 0.299 * r + 0.587 * g + 0.114 * b;

/** The rectangle clipped to the image; null when nothing of it is inside. */
export function clipRect(rect: Rect, width: number, height: number): Rect | null {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(height, Math.ceil(rect.y + rect.height));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/**
 * `rect` of `image` resampled to exactly `width` × `height` pixels (bilinear).
 * Parts of `rect` outside the image take the nearest edge pixel; the caller
 * decides whether that is allowed (the photo crop checks it first).
 */
export function cropResize(image: RgbImage, rect: Rect, width: number, height: number): RgbImage {
  const out = new Uint8Array(width * height * 3);
  const sx = rect.width / width;
  const sy = rect.height / height;
  const at = (x: number, y: number, c: number): number => {
    const cx = Math.min(image.width - 1, Math.max(0, x));
    const cy = Math.min(image.height - 1, Math.max(0, y));
    return image.data[(cy * image.width + cx) * 3 + c] ?? 0;
  };
  for (let y = 0; y < height; y += 1) {
    const fy = rect.y + (y + 0.5) * sy - 0.5;
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < width; x += 1) {
      const fx = rect.x + (x + 0.5) * sx - 0.5;
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      for (let c = 0; c < 3; c += 1) {
        const top = at(x0, y0, c) * (1 - tx) + at(x0 + 1, y0, c) * tx;
        const bottom = at(x0, y0 + 1, c) * (1 - tx) + at(x0 + 1, y0 + 1, c) * tx;
        out[(y * width + x) * 3 + c] = Math.round(top * (1 - ty) + bottom * ty);
      }
    }
  }
  return { width, height, data: out };
}

/** Every pixel of `rect` (clipped), as [r, g, b] triples, sampled every `step` pixels. */
export function* pixelsIn(
  image: RgbImage,
  rect: Rect,
  step = 1,
): Generator<[number, number, number]> {
  const r = clipRect(rect, image.width, image.height);
  if (r === null) return;
  for (let y = r.y; y < r.y + r.height; y += step)
    for (let x = r.x; x < r.x + r.width; x += step) {
      const i = (y * image.width + x) * 3;
      yield [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
    }
}

export interface LumaStats {
  readonly mean: number;
  readonly std: number;
  /** Share of pixels at 250 or more: blown highlights. */
  readonly clipped: number;
  readonly count: number;
}

export function lumaStats(image: RgbImage, rect: Rect, step = 1): LumaStats {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let clipped = 0;
  for (const [r, g, b] of pixelsIn(image, rect, step)) {
    const y = luma(r, g, b);
    n += 1;
    sum += y;
    sumSq += y * y;
    if (y >= 250) clipped += 1;
  }
  if (n === 0) return { mean: 0, std: 0, clipped: 0, count: 0 };
  const mean = sum / n;
  return {
    mean,
    std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
    clipped: clipped / n,
    count: n,
  };
}

/** Hue in degrees (0–360), saturation and lightness (0–1) of a colour, as HSL. */
export function hsl(r: number, g: number, b: number): { h: number; s: number; l: number } {
  const rn = r / 255;
  const gn = g / 255;
  const bn = b / 255;
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h =
    max === rn
      ? ((gn - bn) / d + (gn < bn ? 6 : 0)) * 60
      : max === gn
        ? ((bn - rn) / d + 2) * 60
        : ((rn - gn) / d + 4) * 60;
  return { h, s, l };
}

/**
 * Sharpness: the variance of the Laplacian of the luma inside `rect`, after
 * scaling it down to `most` pixels wide so a near face and a far one are judged alike.
 * A focused face gives hundreds; motion blur or a soft lens, tens.
 */
export function laplacianVariance(image: RgbImage, rect: Rect, most = 160): number {
  const clipped = clipRect(rect, image.width, image.height);
  if (clipped === null) return 0;
  // Never enlarged: enlarging blurs, and a guidance frame sent smaller than the
  // camera's would read as shaken. (Shrunk, a blurred face reads sharper: the
  // frame the kiosk keeps is judged at the camera's full size.)
  const size = Math.max(3, Math.min(most, Math.round(clipped.width)));
  const height = Math.max(3, Math.round((clipped.height / clipped.width) * size));
  const small = cropResize(image, clipped, size, height);
  const y = new Float32Array(size * height);
  for (let i = 0; i < y.length; i += 1)
    y[i] = luma(small.data[i * 3] ?? 0, small.data[i * 3 + 1] ?? 0, small.data[i * 3 + 2] ?? 0);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let r = 1; r < height - 1; r += 1)
    for (let c = 1; c < size - 1; c += 1) {
      const i = r * size + c;
      const v =
        4 * (y[i] ?? 0) -
        (y[i - 1] ?? 0) -
        (y[i + 1] ?? 0) -
        (y[i - size] ?? 0) -
        (y[i + size] ?? 0);
      n += 1;
      sum += v;
      sumSq += v * v;
    }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}
