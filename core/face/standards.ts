/**
 * The two published photo standards the kiosk takes 证件照 to. Every figure is
 * in the output photo's own pixels, with the source it comes from.
 *
 * 出入境证件: 公安部出入境管理局《出入境证件相片照相指引》 (after ICAO Doc 9303).
 * Paper 33 × 48 mm with an effective area of 30 × 40 mm; a digital photo at
 * least 354 × 472 px (width 354–480, height 472–640, 3:4), JPEG, 24-bit RGB,
 * 300–600 dpi, 20–80 KB; background uniform white, light grey or light blue;
 * head width 15–22 mm, head height (chin to crown) 28–33 mm, crown to the top
 * 3–5 mm, chin to the bottom at least 7 mm. The kiosk writes 354 × 472 px at
 * 300 dpi, i.e. the 30 × 40 mm effective area at 11.8 px/mm, so the millimetres
 * become 177–260 px (width), 330–389 px (height), 35–59 px (crown), ≥ 83 px (chin).
 *
 * 居民身份证: GA 461-2004《居民身份证制证用数字相片技术要求》. 358 × 441 px,
 * 350 dpi, 24-bit RGB, plain white background, JPEG quality factor 70 (a photo
 * is typically 14–20 KB); face width (cheek to cheek) 207 ± 14 px; the top of
 * the hair 7–21 px below the top edge; the eyes at least 207 px above the
 * bottom edge.
 */
export type PhotoStandardId = 'exit-entry' | 'id-card';

export interface Range {
  readonly min?: number;
  readonly max?: number;
}

export interface PhotoStandard {
  readonly id: PhotoStandardId;
  readonly source: string;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  /** The pixel sizes a finished photo may have (the kiosk writes `width` × `height`). */
  readonly pixels: { readonly width: Range; readonly height: Range };
  readonly jpeg: { readonly bytes: Range; readonly quality: number };
  /** Where the crop puts the head: the scale comes from `headHeight` (or `faceWidth`), the top from `crownMargin`. */
  readonly target:
    | { readonly by: 'headHeight'; readonly headHeight: number; readonly crownMargin: number }
    | { readonly by: 'faceWidth'; readonly faceWidth: number; readonly crownMargin: number };
  /** What the written photo must measure, in its own pixels. */
  readonly ranges: {
    readonly headHeight?: Range;
    readonly headWidth?: Range;
    readonly faceWidth?: Range;
    readonly crownMargin: Range;
    readonly chinMargin?: Range;
    readonly eyesFromBottom?: Range;
  };
  /** White, light grey or light blue (出入境); white only (居民身份证). */
  readonly background: 'light' | 'white';
}

export const PHOTO_STANDARDS: Readonly<Record<PhotoStandardId, PhotoStandard>> = {
  'exit-entry': {
    id: 'exit-entry',
    source: '公安部出入境管理局《出入境证件相片照相指引》',
    width: 354,
    height: 472,
    dpi: 300,
    pixels: { width: { min: 354, max: 480 }, height: { min: 472, max: 640 } },
    jpeg: { bytes: { min: 20 * 1024, max: 80 * 1024 }, quality: 90 },
    target: { by: 'headHeight', headHeight: 340, crownMargin: 44 },
    ranges: {
      headHeight: { min: 330, max: 389 },
      headWidth: { min: 177, max: 260 },
      crownMargin: { min: 35, max: 59 },
      chinMargin: { min: 83 },
    },
    background: 'light',
  },
  'id-card': {
    id: 'id-card',
    source: 'GA 461-2004《居民身份证制证用数字相片技术要求》',
    width: 358,
    height: 441,
    dpi: 350,
    pixels: { width: { min: 358, max: 358 }, height: { min: 441, max: 441 } },
    // GA 461 sets the quality factor (70), not a size window; 40 KB bounds what 70 gives.
    jpeg: { bytes: { min: 8 * 1024, max: 40 * 1024 }, quality: 70 },
    target: { by: 'faceWidth', faceWidth: 207, crownMargin: 14 },
    ranges: {
      faceWidth: { min: 193, max: 221 },
      crownMargin: { min: 7, max: 21 },
      eyesFromBottom: { min: 207 },
    },
    background: 'white',
  },
};

export const inRange = (value: number, range: Range): boolean =>
  (range.min === undefined || value >= range.min) &&
  (range.max === undefined || value <= range.max);
