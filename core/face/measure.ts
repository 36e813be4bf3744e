import { luma, type RgbImage, type Rect } from './image';

/** A point in the analysed image's pixels. */
export type Point = readonly [number, number];

/**
 * One face as the model found it: where, how sure, its 468-point mesh (478
 * with the irises) and how the head is turned. Produced by the engine
 * (electron/face), read by the pure checks below.
 */
export interface FoundFace {
  readonly box: Rect;
  readonly score: number;
  readonly mesh: readonly Point[];
  readonly rollDeg: number;
  readonly yawDeg: number;
  readonly pitchDeg: number;
}

/** MediaPipe face-mesh landmark numbers the checks use. */
const MESH = {
  foreheadTop: 10,
  chin: 152,
  cheekLeft: 234,
  cheekRight: 454,
  /** Eye corners and lids: outer, inner, upper, lower. */
  eyeA: [33, 133, 159, 145],
  eyeB: [362, 263, 386, 374],
  lipUpperInner: 13,
  lipLowerInner: 14,
  mouthLeft: 78,
  mouthRight: 308,
  irisA: 468,
  irisB: 473,
} as const;

const at = (mesh: readonly Point[], i: number): Point => mesh[i] ?? [0, 0];
const dist = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

export interface FaceGeometry {
  /** Between the eyes (the iris centres when found). */
  readonly eyes: Point;
  readonly eyeDistance: number;
  readonly chin: Point;
  /** Cheek to cheek across the face, at the ears: the standards' face or head width. */
  readonly faceWidth: number;
  readonly faceCentreX: number;
  /** The top of the head (hair included): from the background where it is plain, else estimated. */
  readonly crown: Point;
  readonly crownFrom: 'background' | 'estimate';
  /** Lid gap over eye width, the smaller eye's: about 0.35 open, under 0.18 closed. */
  readonly eyeOpenness: number;
  /** Inner-lip gap over mouth width: about 0 closed, over 0.2 open. */
  readonly mouthOpenness: number;
  /** Each eye's own box (corner to corner, half as tall): where a cover or dark glasses would show. */
  readonly eyeBoxes: readonly [Rect, Rect];
}

function eyeBox(mesh: readonly Point[], [outer, inner]: readonly number[]): Rect {
  const a = at(mesh, outer ?? 0);
  const b = at(mesh, inner ?? 0);
  const width = dist(a, b);
  const [cx, cy] = mid(a, b);
  return { x: cx - width / 2, y: cy - width * 0.25, width, height: width * 0.5 };
}

function eyeOpenness(
  mesh: readonly Point[],
  [outer, inner, upper, lower]: readonly number[],
): number {
  const width = dist(at(mesh, outer ?? 0), at(mesh, inner ?? 0));
  return width === 0 ? 0 : dist(at(mesh, upper ?? 0), at(mesh, lower ?? 0)) / width;
}

/**
 * The background colour, from the top corners of the image (where a head never is),
 * and how much it varies there.
 */
export function backgroundSample(image: RgbImage): {
  rgb: [number, number, number];
  spread: number;
} {
  const w = Math.max(4, Math.round(image.width * 0.08));
  const h = Math.max(4, Math.round(image.height * 0.08));
  let n = 0;
  const sum = [0, 0, 0];
  const lumas: number[] = [];
  for (const x0 of [0, image.width - w])
    for (let y = 0; y < h; y += 2)
      for (let x = x0; x < x0 + w; x += 2) {
        const i = (y * image.width + x) * 3;
        const r = image.data[i] ?? 0;
        const g = image.data[i + 1] ?? 0;
        const b = image.data[i + 2] ?? 0;
        sum[0] = (sum[0] ?? 0) + r;
        sum[1] = (sum[1] ?? 0) + g;
        sum[2] = (sum[2] ?? 0) + b;
        lumas.push(luma(r, g, b));
        n += 1;
      }
  const mean = lumas.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const spread = Math.sqrt(lumas.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n));
  return {
    rgb: [(sum[0] ?? 0) / n, (sum[1] ?? 0) / n, (sum[2] ?? 0) / n],
    spread,
  };
}

/**
 * The top of the head: scanning down from the top of the image in a band over
 * the face, the first row where most pixels differ from the background. Hair
 * counts (the standards measure "to the crown"). Where the background is not
 * plain enough to tell, or the row found is implausible, the crown is put one
 * eyes-to-chin distance above the eyes, as the head's proportions put it.
 */
function findCrown(
  image: RgbImage,
  eyes: Point,
  chin: Point,
  faceWidth: number,
): { crown: Point; from: FaceGeometry['crownFrom'] } {
  const eyesToChin = chin[1] - eyes[1];
  const estimate: Point = [eyes[0], eyes[1] - eyesToChin * 1.02];
  const bg = backgroundSample(image);
  if (bg.spread > 18) return { crown: estimate, from: 'estimate' };
  const x0 = Math.max(0, Math.round(eyes[0] - faceWidth * 0.3));
  const x1 = Math.min(image.width, Math.round(eyes[0] + faceWidth * 0.3));
  const lowest = Math.max(0, Math.round(eyes[1] - eyesToChin * 0.4));
  for (let y = 0; y < lowest; y += 1) {
    let differ = 0;
    let n = 0;
    for (let x = x0; x < x1; x += 2) {
      const i = (y * image.width + x) * 3;
      const d =
        Math.abs((image.data[i] ?? 0) - bg.rgb[0]) +
        Math.abs((image.data[i + 1] ?? 0) - bg.rgb[1]) +
        Math.abs((image.data[i + 2] ?? 0) - bg.rgb[2]);
      if (d > 60) differ += 1;
      n += 1;
    }
    if (n > 0 && differ / n > 0.25) {
      // Found: plausible only between 0.7 and 1.6 eyes-to-chin above the eyes.
      const above = (eyes[1] - y) / eyesToChin;
      if (above >= 0.7 && above <= 1.6) return { crown: [eyes[0], y], from: 'background' };
      return { crown: estimate, from: 'estimate' };
    }
  }
  return { crown: estimate, from: 'estimate' };
}

export function faceGeometry(image: RgbImage, face: FoundFace): FaceGeometry {
  const { mesh } = face;
  const [o1, i1] = MESH.eyeA;
  const [i2, o2] = MESH.eyeB;
  const iris = mesh.length > MESH.irisB;
  const eyeA = iris ? at(mesh, MESH.irisA) : mid(at(mesh, o1), at(mesh, i1));
  const eyeB = iris ? at(mesh, MESH.irisB) : mid(at(mesh, i2), at(mesh, o2));
  const eyes = mid(eyeA, eyeB);
  const chin = at(mesh, MESH.chin);
  const left = at(mesh, MESH.cheekLeft);
  const right = at(mesh, MESH.cheekRight);
  const faceWidth = dist(left, right);
  const { crown, from } = findCrown(image, eyes, chin, faceWidth);
  const mouthWidth = dist(at(mesh, MESH.mouthLeft), at(mesh, MESH.mouthRight));
  return {
    eyes,
    eyeDistance: dist(eyeA, eyeB),
    chin,
    faceWidth,
    faceCentreX: (left[0] + right[0]) / 2,
    crown,
    crownFrom: from,
    eyeOpenness: Math.min(eyeOpenness(mesh, MESH.eyeA), eyeOpenness(mesh, MESH.eyeB)),
    mouthOpenness:
      mouthWidth === 0
        ? 0
        : dist(at(mesh, MESH.lipUpperInner), at(mesh, MESH.lipLowerInner)) / mouthWidth,
    eyeBoxes: [eyeBox(mesh, MESH.eyeA), eyeBox(mesh, MESH.eyeB)],
  };
}

/** The face's own area (cheeks, forehead to chin): where light and sharpness are judged. */
export function faceArea(geometry: FaceGeometry): Rect {
  const top = geometry.eyes[1] - (geometry.chin[1] - geometry.eyes[1]) * 0.45;
  return {
    x: geometry.faceCentreX - geometry.faceWidth * 0.38,
    y: top,
    width: geometry.faceWidth * 0.76,
    height: geometry.chin[1] - top - (geometry.chin[1] - geometry.eyes[1]) * 0.1,
  };
}
