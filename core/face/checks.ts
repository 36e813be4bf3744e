import { assertNever } from '../../base/assert-never';
import {
  clipRect,
  hsl,
  laplacianVariance,
  lumaStats,
  pixelsIn,
  type Rect,
  type RgbImage,
} from './image';
import { faceArea, faceGeometry, type FaceGeometry, type FoundFace } from './measure';
import { inRange, type PhotoStandard, type Range } from './standards';

/**
 * The checks a 证件照 passes before the kiosk keeps it, each with what was
 * measured and the range it had to fall in. The same function judges the
 * live guidance frames, the frame the kiosk captures, and `photo:check`'s files.
 */
export const PHOTO_CHECK_IDS = [
  'photo_width',
  'photo_height',
  'file_bytes',
  'one_face',
  'head_size',
  'head_position',
  'head_height',
  'head_width',
  'face_width',
  'crown_margin',
  'chin_margin',
  'eyes_from_bottom',
  'roll',
  'yaw',
  'pitch',
  'eyes_visible',
  'eyes_open',
  'mouth_closed',
  'light_level',
  'overexposure',
  'light_even',
  'sharpness',
  'background_plain',
  'background_light',
] as const;
export type PhotoCheckId = (typeof PHOTO_CHECK_IDS)[number];

/** What the citizen is told to do, in their own terms (the preview is a mirror). */
export const PHOTO_ADVICE = [
  'no_face',
  'one_person',
  'closer',
  'farther',
  'move_left',
  'move_right',
  'move_up',
  'move_down',
  'straighten',
  'face_camera',
  'level_chin',
  'open_eyes',
  'uncover_eyes',
  'close_mouth',
  'more_light',
  'less_light',
  'even_light',
  'hold_still',
  'background',
] as const;
export type PhotoAdvice = (typeof PHOTO_ADVICE)[number];

export interface PhotoCheck {
  readonly id: PhotoCheckId;
  readonly ok: boolean;
  /** What was measured, in `unit`; null when it could not be (no face). */
  readonly value: number | null;
  readonly range: Range;
  readonly unit: 'faces' | 'px' | 'deg' | 'ratio' | 'luma' | 'variance' | 'scale' | 'bytes';
  readonly advice: PhotoAdvice | null;
}

/**
 * The limits that are not the standards' own geometry, with why. Pose: ISO/IEC
 * 19794-5 allows ±8° roll and ±5° yaw and pitch; a landmark model's estimate
 * wanders a few degrees on a face looking straight at the lens (measured on the
 * FGNet talking-face frames: up to 10° yaw, 9° pitch), so yaw and pitch get 12°.
 */
export const PHOTO_LIMITS = {
  /** At most this much enlargement from camera pixels to the photo's. */
  maxUpscale: 1.6,
  rollDeg: 8,
  yawDeg: 12,
  pitchDeg: 12,
  /** Lid gap over eye width: open eyes measure 0.3–0.45, closed 0.1–0.15. */
  eyesOpen: 0.2,
  /**
   * Luma spread inside each eye's box, the face lit to mid-grey: bare eyes measured
   * 19–70 on the test faces, dark glasses under 6, a cover 0.
   */
  eyeSpread: 12,
  /** Inner-lip gap over mouth width: closed lips measure under 0.05. */
  mouthClosed: 0.12,
  faceLuma: { min: 80, max: 215 } as Range,
  /** Share of face pixels at 250 or more. */
  overexposed: 0.03,
  /** The darker cheek's light over the brighter one's: a strong shadow falls below. */
  evenLight: 0.72,
  /**
   * Variance of the Laplacian of the face (shrunk to at most 160 px wide), lit to
   * mid-grey: a still face measured 45–60 in the kiosk's camera frames, a 3 px blur under 5.
   */
  sharpness: 30,
  /** Luma spread of the background around the head. */
  backgroundSpread: 18,
};

export interface PhotoVerdict {
  readonly ok: boolean;
  readonly checks: readonly PhotoCheck[];
  /** Where the standard photo comes from in this image, and its scale; null without one face. */
  readonly crop: { readonly rect: Rect; readonly scale: number } | null;
  /** The first advice to give: the most basic problem first (one face, then distance, position, pose…). */
  readonly advice: PhotoAdvice | null;
}

const check = (
  id: PhotoCheckId,
  value: number | null,
  range: Range,
  unit: PhotoCheck['unit'],
  advice: PhotoAdvice | null,
): PhotoCheck => ({
  id,
  ok: value !== null && inRange(value, range),
  value: value === null ? null : Math.round(value * 1000) / 1000,
  range,
  unit,
  advice,
});

const failed = (c: PhotoCheck): PhotoCheck => (c.ok ? { ...c, advice: null } : c);

/** The scale from this image's pixels to the standard photo's, and the crop. */
function cropFor(g: FaceGeometry, standard: PhotoStandard): { rect: Rect; scale: number } {
  const scale =
    standard.target.by === 'headHeight'
      ? standard.target.headHeight / (g.chin[1] - g.crown[1])
      : standard.target.faceWidth / g.faceWidth;
  const width = standard.width / scale;
  const height = standard.height / scale;
  return {
    scale,
    rect: {
      x: g.faceCentreX - width / 2,
      y: g.crown[1] - standard.target.crownMargin / scale,
      width,
      height,
    },
  };
}

/**
 * How far the crop reaches outside the frame (in the frame's pixels), and which
 * way to move so it fits; no advice when it fits.
 */
function placement(rect: Rect, image: RgbImage): { outside: number; advice: PhotoAdvice | null } {
  const left = -rect.x;
  const right = rect.x + rect.width - image.width;
  const top = -rect.y;
  const bottom = rect.y + rect.height - image.height;
  const outside = Math.max(0, left, right, top, bottom);
  // A pixel of slack: the crop's edges are fractional.
  const slack = 1;
  const advice: PhotoAdvice | null =
    (left > slack && right > slack) || (top > slack && bottom > slack)
      ? 'farther'
      : // The preview is a mirror: a head near the frame's left edge shows at the screen's right, so the citizen moves left.
        left > slack
        ? 'move_left'
        : right > slack
          ? 'move_right'
          : top > slack
            ? 'move_down'
            : bottom > slack
              ? 'move_up'
              : null;
  return { outside, advice };
}

function backgroundChecks(
  image: RgbImage,
  g: FaceGeometry,
  crop: Rect,
  standard: PhotoStandard,
): PhotoCheck[] {
  // Around the head inside the photo: above the crown, and beside the hair down to the eyes
  // (lower down, ears and shoulders come in, which are not background).
  const headLeft = g.faceCentreX - g.faceWidth * 0.85;
  const headRight = g.faceCentreX + g.faceWidth * 0.85;
  const sideHeight = Math.max(1, g.eyes[1] - crop.y);
  const bands: Rect[] = [
    { x: crop.x, y: crop.y, width: crop.width, height: Math.max(1, g.crown[1] - crop.y - 3) },
    { x: crop.x, y: crop.y, width: Math.max(1, headLeft - crop.x), height: sideHeight },
    {
      x: headRight,
      y: crop.y,
      width: Math.max(1, crop.x + crop.width - headRight),
      height: sideHeight,
    },
  ];
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  const rgb = [0, 0, 0];
  for (const band of bands) {
    if (clipRect(band, image.width, image.height) === null) continue;
    for (const [r, gr, b] of pixelsIn(image, band, 2)) {
      const y = 0.299 * r + 0.587 * gr + 0.114 * b;
      n += 1;
      sum += y;
      sumSq += y * y;
      rgb[0] = (rgb[0] ?? 0) + r;
      rgb[1] = (rgb[1] ?? 0) + gr;
      rgb[2] = (rgb[2] ?? 0) + b;
    }
  }
  if (n < 50)
    return [
      check('background_plain', null, { max: PHOTO_LIMITS.backgroundSpread }, 'luma', 'background'),
      check('background_light', null, { min: 0.75 }, 'ratio', 'background'),
    ];
  const mean = sum / n;
  const spread = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const colour = hsl((rgb[0] ?? 0) / n, (rgb[1] ?? 0) / n, (rgb[2] ?? 0) / n);
  // White or light grey: little colour, light. Light blue (出入境 only): hue 180–230°, light.
  const greyish = colour.s <= 0.25 || colour.l >= 0.92;
  const lightBlue = colour.h >= 180 && colour.h <= 230 && colour.l >= 0.65;
  const acceptable =
    standard.background === 'white' ? greyish && colour.l >= 0.8 : greyish || lightBlue;
  const lightness = acceptable ? colour.l : Math.min(colour.l, 0.5);
  return [
    check('background_plain', spread, { max: PHOTO_LIMITS.backgroundSpread }, 'luma', 'background'),
    check(
      'background_light',
      lightness,
      { min: standard.background === 'white' ? 0.8 : 0.65 },
      'ratio',
      'background',
    ),
  ];
}

/**
 * How a picture is judged: `crop`, as a camera frame (or any photo) the
 * standard photo is to be cut from, or `as_is`, as a finished photo already
 * of the standard's pixel size, whose own margins and head must be right.
 */
export type PhotoMode = 'crop' | 'as_is';

/** A picture already of the standard's pixel size is a finished photo; anything else is cut from. */
export function photoModeFor(
  image: { width: number; height: number },
  standard: PhotoStandard,
): PhotoMode {
  const { pixels } = standard;
  return inRange(image.width, pixels.width) &&
    inRange(image.height, pixels.height) &&
    Math.abs(image.width / image.height - standard.width / standard.height) < 0.01
    ? 'as_is'
    : 'crop';
}

export interface PhotoCheckOptions {
  /** How many camera pixels one pixel of this image stands for (a guidance frame sent smaller than the camera gives). */
  readonly cameraScale?: number;
  readonly mode?: PhotoMode;
  /** The file's size, for a finished photo's byte window. */
  readonly bytes?: number;
}

/**
 * Every check of the standard on one image and the faces the engine found in
 * it. Cutting (`crop`), the crop is placed by the standard's target (so the
 * head's height and the crown's margin come out right when the frame holds
 * them) and the checks say whether the frame held them: the head large
 * enough not to be enlarged past the limit (`cameraScale` counts here only),
 * the crop inside the frame. A finished photo (`as_is`) is measured where it
 * stands: its pixels, its bytes, its margins.
 */
export function photoChecks(
  image: RgbImage,
  faces: readonly FoundFace[],
  standard: PhotoStandard,
  options: PhotoCheckOptions = {},
): PhotoVerdict {
  const mode = options.mode ?? 'crop';
  const checks: PhotoCheck[] = [];
  if (mode === 'as_is') {
    checks.push(check('photo_width', image.width, standard.pixels.width, 'px', null));
    checks.push(check('photo_height', image.height, standard.pixels.height, 'px', null));
    if (options.bytes !== undefined)
      checks.push(check('file_bytes', options.bytes, standard.jpeg.bytes, 'bytes', null));
  }
  const count = check(
    'one_face',
    faces.length,
    { min: 1, max: 1 },
    'faces',
    faces.length === 0 ? 'no_face' : 'one_person',
  );
  checks.push(count);
  const face = faces[0];
  if (faces.length !== 1 || face === undefined) {
    const final = checks.map(failed);
    return { ok: false, checks: final, crop: null, advice: count.advice };
  }
  const g = faceGeometry(image, face);
  const { rect, scale } =
    mode === 'crop'
      ? cropFor(g, standard)
      : {
          rect: { x: 0, y: 0, width: image.width, height: image.height },
          scale: standard.width / image.width,
        };
  if (mode === 'crop') {
    const upscale = scale / (options.cameraScale ?? 1);
    checks.push(check('head_size', upscale, { max: PHOTO_LIMITS.maxUpscale }, 'scale', 'closer'));
    // In the photo's pixels: how much of the photo would have to be made up beyond the frame's edge.
    const move = placement(rect, image);
    checks.push(check('head_position', move.outside * scale, { max: scale }, 'px', move.advice));
  }
  const { ranges } = standard;
  const out = (v: number): number => v * scale;
  const bottom = rect.y + rect.height;
  if (ranges.headHeight)
    checks.push(
      check('head_height', out(g.chin[1] - g.crown[1]), ranges.headHeight, 'px', 'farther'),
    );
  if (ranges.headWidth)
    checks.push(check('head_width', out(g.faceWidth), ranges.headWidth, 'px', 'face_camera'));
  if (ranges.faceWidth)
    checks.push(check('face_width', out(g.faceWidth), ranges.faceWidth, 'px', 'face_camera'));
  checks.push(
    check('crown_margin', out(g.crown[1] - rect.y), ranges.crownMargin, 'px', 'move_down'),
  );
  if (ranges.chinMargin)
    checks.push(check('chin_margin', out(bottom - g.chin[1]), ranges.chinMargin, 'px', 'farther'));
  if (ranges.eyesFromBottom)
    checks.push(
      check('eyes_from_bottom', out(bottom - g.eyes[1]), ranges.eyesFromBottom, 'px', 'farther'),
    );
  checks.push(
    check('roll', Math.abs(face.rollDeg), { max: PHOTO_LIMITS.rollDeg }, 'deg', 'straighten'),
  );
  checks.push(
    check('yaw', Math.abs(face.yawDeg), { max: PHOTO_LIMITS.yawDeg }, 'deg', 'face_camera'),
  );
  checks.push(
    check('pitch', Math.abs(face.pitchDeg), { max: PHOTO_LIMITS.pitchDeg }, 'deg', 'level_chin'),
  );
  // An eye shows white, iris and lashes: light spread within its box. A hand, a cap's brim
  // or dark glasses over it leave a flat patch the mesh still draws an open eye on. Spread
  // scales with the light, so it is measured as if the face were lit to mid-grey.
  const area = faceArea(g);
  const light = lumaStats(image, area, 2);
  const toMidGrey = 128 / Math.max(1, light.mean);
  const eyeSpread = Math.min(...g.eyeBoxes.map((box) => lumaStats(image, box).std)) * toMidGrey;
  checks.push(
    check('eyes_visible', eyeSpread, { min: PHOTO_LIMITS.eyeSpread }, 'luma', 'uncover_eyes'),
  );
  checks.push(
    check('eyes_open', g.eyeOpenness, { min: PHOTO_LIMITS.eyesOpen }, 'ratio', 'open_eyes'),
  );
  checks.push(
    check(
      'mouth_closed',
      g.mouthOpenness,
      { max: PHOTO_LIMITS.mouthClosed },
      'ratio',
      'close_mouth',
    ),
  );
  checks.push(
    check(
      'light_level',
      light.mean,
      PHOTO_LIMITS.faceLuma,
      'luma',
      light.mean < (PHOTO_LIMITS.faceLuma.min ?? 0) ? 'more_light' : 'less_light',
    ),
  );
  checks.push(
    check('overexposure', light.clipped, { max: PHOTO_LIMITS.overexposed }, 'ratio', 'less_light'),
  );
  const half = area.width / 2;
  const left = lumaStats(image, { ...area, width: half }, 2).mean;
  const right = lumaStats(image, { ...area, x: area.x + half, width: half }, 2).mean;
  checks.push(
    check(
      'light_even',
      Math.max(left, right) === 0 ? 0 : Math.min(left, right) / Math.max(left, right),
      { min: PHOTO_LIMITS.evenLight },
      'ratio',
      'even_light',
    ),
  );
  checks.push(
    check(
      'sharpness',
      // Edges scale with the light as well: judged as if lit to mid-grey, a dim face is not a blurred one.
      laplacianVariance(image, area) * toMidGrey ** 2,
      { min: PHOTO_LIMITS.sharpness },
      'variance',
      'hold_still',
    ),
  );
  checks.push(...backgroundChecks(image, g, rect, standard));
  const final = checks.map(failed);
  return {
    ok: final.every((c) => c.ok),
    checks: final,
    crop: { rect, scale },
    advice: final.find((c) => !c.ok)?.advice ?? null,
  };
}

/** The check's unit as people read it, for technicians' JSON. */
export function unitLabel(unit: PhotoCheck['unit']): string {
  switch (unit) {
    case 'faces':
      return 'faces';
    case 'px':
      return 'pixels of the photo';
    case 'deg':
      return 'degrees';
    case 'ratio':
      return 'ratio';
    case 'luma':
      return 'luma (0–255)';
    case 'variance':
      return 'variance of the Laplacian (luma)';
    case 'scale':
      return 'enlargement';
    case 'bytes':
      return 'bytes';
    default:
      return assertNever(unit, 'unit');
  }
}
