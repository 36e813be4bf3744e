import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { encodeJpeg } from '../../electron/face/codec';
import { writeFaceY4m } from '../fixtures/face-camera';
import { cardPhotoOf, compliantFranck, FRANCK } from '../fixtures/faces';
import { steps } from './journey-steps';
import { demoConfig, ROOT } from './kiosk-process';

export interface FaceKioskOptions {
  /** Whose photo the card holds (the stand-in WLT decoder gives it). */
  readonly card: 'franck' | 'cage';
  /** What Chromium's fake camera plays, in a loop. */
  readonly video: 'blinking' | 'still' | 'blue';
  readonly livenessSeconds?: number;
}

/**
 * A kiosk that sees: the demo config with the face check on, a camera, and a
 * card reader whose WLT decoder gives the photo of `card`; Chromium's fake
 * camera playing real faces (tests/fixtures/faces.ts) as a y4m file.
 */
export function faceKioskSetup(
  name: string,
  options: FaceKioskOptions,
): { readonly config: Record<string, unknown>; readonly chromiumArgs: readonly string[] } {
  const dir = mkdtempSync(join(tmpdir(), `face-${name}-`));
  const cardFile = join(dir, 'card.jpg');
  writeFileSync(
    cardFile,
    encodeJpeg(cardPhotoOf(options.card === 'franck' ? 'franck_02159.jpg' : 'cage.jpg'), 80),
  );
  const video = join(dir, 'camera.y4m');
  const open = compliantFranck(FRANCK.neutral);
  switch (options.video) {
    case 'blinking':
      // Eyes open, a blink (real frames of the same man), open again: a live face.
      writeFaceY4m(video, [
        { image: open, frames: 14 },
        { image: compliantFranck(FRANCK.blink), frames: 8 },
        { image: open, frames: 30 },
      ]);
      break;
    case 'still':
      // A photograph held up to the camera: the same picture in every frame, no blink ever.
      writeFaceY4m(video, [{ image: open, frames: 10 }]);
      break;
    case 'blue':
      // A compliant face before a blue screen: every check passes but the background's.
      writeFaceY4m(video, [{ image: compliantFranck(FRANCK.neutral, [30, 100, 230]), frames: 10 }]);
      break;
  }
  const config = demoConfig();
  const [reader, ...others] = config['devices'] as Record<string, unknown>[];
  return {
    config: {
      ...config,
      face: { enabled: true, livenessSeconds: options.livenessSeconds ?? 12 },
      devices: [
        {
          ...reader,
          options: {
            pollIntervalMs: 100,
            photoDecoder: {
              command: process.execPath,
              args: [join(ROOT, 'tests', 'fixtures', 'face-wlt-decoder.mjs'), cardFile],
            },
          },
        },
        ...others,
        { id: 'camera-1', kind: 'camera', transport: { type: 'uvc' } },
      ],
    },
    chromiumArgs: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  };
}

/** Home → passport → the adult card → 人证核验 declined (到窗口) → the answers → 现场拍摄证件照's notice. */
export async function toPortraitNotice(page: Page): Promise<void> {
  const s = steps(page);
  await s.start('passport-first', 'adult');
  await page.getByRole('button', { name: '不拍，到窗口办理' }).click();
  await s.keys('13800138000');
  await s.next();
  await s.next(); // 姓的拼音
  await s.next(); // 名的拼音
  await s.choose('不是');
  await s.next();
  await s.choose('不需要加急');
  await s.next();
  await s.choose('到窗口领取');
  await s.next();
  await s.pastGreenChannel();
  await page.getByTestId('portrait-photo').click();
  await s.h1('现场拍摄证件照');
}
