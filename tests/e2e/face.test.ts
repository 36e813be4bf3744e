import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { faceKioskSetup, type FaceKioskOptions } from './face-kiosk';
import { screenshot, withKioskPage } from './harness';
import { steps } from './journey-steps';
import { holdEmblem, typePin } from './staff-steps';
import { listenTo } from './voice-log';

/**
 * The camera that looks at the citizen, through Chromium's fake camera playing
 * real faces (tests/fixtures/faces.ts): 人证核验 against the card's photo (given
 * by a stand-in WLT decoder) and the 证件照 taken to the exit-entry standard,
 * from home to slip; then another person, a still photo, a blue background.
 */
const faceKiosk = (name: string, options: FaceKioskOptions) =>
  withKioskPage(faceKioskSetup(name, options));

/** Home → the passport guide → the adult demo card → 人证核验's notice. */
async function toFaceCheck(page: Page): Promise<void> {
  await steps(page).start('passport-first', 'adult');
  await steps(page).h1('人证核验');
  await page.getByTestId('face-notice').waitFor();
}

/**
 * The screen as a station sees it on either screen and in either mode: portrait
 * (1080 × 1920) and landscape (1920 × 1080), normal and 长辈版, four pictures.
 */
async function screenshotEveryWay(page: Page, name: string): Promise<void> {
  const elder = page.getByRole('button', { name: '长辈版', exact: true });
  await screenshot(page, `portrait-${name}`);
  await elder.click();
  await screenshot(page, `portrait-${name}-elder`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `landscape-${name}-elder`);
  await elder.click();
  await screenshot(page, `landscape-${name}`);
  await page.setViewportSize({ width: 1080, height: 1920 });
}

const outcome = (page: Page) =>
  page.getByTestId('face-outcome').getAttribute('data-outcome', { timeout: 90_000 });

describe('人证核验 and the 证件照, from home to slip', () => {
  const ctx = faceKiosk('journey', { card: 'franck', video: 'blinking' });

  it('tells the citizen what the camera takes and why before it starts, with the window as the other way', async () => {
    const { page } = ctx;
    await toFaceCheck(page);
    const notice = await page.getByTestId('face-notice').innerText();
    expect(notice).toContain('与身份证上的照片比对');
    expect(notice).toContain('不存入本机');
    expect(notice).toContain('第二十六条');
    await expect(page.getByRole('button', { name: '不拍，到窗口办理' }).count()).resolves.toBe(1);
    await screenshotEveryWay(page, 'face-01-notice');
  });

  it('asks for a blink, and confirms the card holder: 核验通过', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '开始拍摄' }).click();
    await expect
      .poll(() => page.getByTestId('face-advice').innerText(), { timeout: 30_000 })
      .toMatch(/眨一下眼睛|请坐正/);
    await screenshot(page, 'portrait-face-02-live');
    await expect(outcome(page)).resolves.toBe('passed');
    await expect(page.getByTestId('face-outcome').innerText()).resolves.toContain('核验通过');
    await screenshotEveryWay(page, 'face-03-passed');
    await page.getByRole('button', { name: '继续办理' }).click();
  });

  it('takes the 证件照 by itself when every check passes, shows it, and keeps it on 使用这张', async () => {
    const { page } = ctx;
    const s = steps(page);
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
    await s.h1('请准备以下材料');
    await expect(page.getByTestId('portrait-state-photo').innerText()).resolves.toBe(
      '到窗口现场采集（免费）',
    );
    await page.getByTestId('portrait-photo').click();
    await s.h1('现场拍摄证件照');
    await page.getByRole('button', { name: '开始拍摄' }).click();
    const photo = page.getByTestId('face-photo');
    await photo.waitFor({ timeout: 60_000 });
    await expect(
      photo.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]),
    ).resolves.toEqual([354, 472]);
    await expect(page.locator('main').innerText()).resolves.toMatch(
      /354 × 472 像素，\d+ KB，符合《出入境证件相片照相指引》/,
    );
    await screenshotEveryWay(page, 'face-04-preview');
    await page.getByRole('button', { name: '使用这张' }).click();
    await s.h1('请准备以下材料');
    await expect(page.getByTestId('portrait-state-photo').innerText()).resolves.toBe('本机已采集');
    await screenshotEveryWay(page, 'face-05-materials');
  });

  it('says so on review, slip and A4 form, and the window no longer asks for a photo', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.next();
    await s.h1('请核对您的申请');
    await expect(page.getByTestId('review-identity-check').innerText()).resolves.toContain(
      '已在本机核验通过',
    );
    await expect(page.getByTestId('review-portrait').innerText()).resolves.toContain('本机已采集');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toMatch(/人证核验\s*已在本机核验通过/);
    expect(slip).toMatch(/证件照\s*本机已采集/);
    expect(slip).toContain('照片已在本机采集');
    expect(slip).not.toContain('到窗口采集照片');
    await screenshot(page, 'portrait-face-06-slip');
    const form = await page.getByTestId('a4-form').innerText();
    expect(form).toMatch(/人证核验\s*已在本机核验通过/);
    expect(form).toMatch(/证件照\s*本机已采集/);
  });

  it('records the verdict with its score and model, never a frame or a descriptor', () => {
    const audit = readFileSync(join(ctx.kiosk.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    const verified = audit
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; fields: Record<string, unknown> })
      .find((e) => e.action === 'face.verified');
    expect(verified?.fields).toMatchObject({ result: 'passed', liveness: 'passed', tries: 1 });
    expect(Number(verified?.fields['score'])).toBeGreaterThanOrEqual(0.55);
    expect(audit).toContain('"face.photo_taken"');
    expect(audit).not.toMatch(/base64|descriptor|\/9j\//);
  });
});

describe('人证核验 refuses another person and a still photo', () => {
  const other = faceKiosk('other', { card: 'cage', video: 'blinking' });

  it('another person’s face: 未核验 after three tries, and the journey goes on to the window', async () => {
    const { page } = other;
    await toFaceCheck(page);
    await page.getByRole('button', { name: '开始拍摄' }).click();
    await expect(outcome(page)).resolves.toBe('failed');
    await expect(page.getByTestId('face-outcome').innerText()).resolves.toContain(
      '工作人员会核验您的身份',
    );
    await screenshot(page, 'portrait-face-07-not-matched');
    await page.getByRole('button', { name: '继续办理' }).click();
    await steps(page).h1(/手机号码/);
  });
});

describe('liveness: a photo held up to the camera', () => {
  const still = faceKiosk('still', { card: 'franck', video: 'still', livenessSeconds: 3 });

  it('never blinks, so it is refused: 未核验, with the liveness step on record', async () => {
    const { page } = still;
    await toFaceCheck(page);
    await page.getByRole('button', { name: '开始拍摄' }).click();
    await expect(outcome(page)).resolves.toBe('failed');
    const audit = readFileSync(join(still.kiosk.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toMatch(/"face\.verified".*"liveness":"failed"/);
    expect(audit).toMatch(/"face\.verified".*"tries":3/);
  });
});

describe('the 证件照 before a blue screen', () => {
  const blue = faceKiosk('blue', { card: 'franck', video: 'blue' });

  it('says the background is not right, and takes no photo', async () => {
    const { page } = blue;
    await toFaceCheck(page);
    await page.getByRole('button', { name: '不拍，到窗口办理' }).click();
    const s = steps(page);
    await s.keys('13800138000');
    await s.next();
    await s.next();
    await s.next();
    await s.choose('不是');
    await s.next();
    await s.choose('不需要加急');
    await s.next();
    await s.choose('到窗口领取');
    await s.next();
    await s.pastGreenChannel();
    await page.getByTestId('portrait-photo').click();
    await page.getByRole('button', { name: '开始拍摄' }).click();
    await expect
      .poll(() => page.getByTestId('face-advice').innerText(), { timeout: 30_000 })
      .toContain('背景不符合要求');
    await screenshotEveryWay(page, 'face-08-background');
    await expect(page.getByTestId('face-photo').count()).resolves.toBe(0);
    // The camera goes when the citizen leaves, and the photo is at the window.
    await page.getByRole('button', { name: '不拍，到窗口办理' }).click();
    await s.h1('请准备以下材料');
    await expect(page.getByTestId('portrait-state-photo').innerText()).resolves.toBe(
      '到窗口现场采集（免费）',
    );
  });
});

describe('a blind citizen, a camera that goes away, and a guide who sends the photo to the window', () => {
  const ctx = faceKiosk('assisted', { card: 'franck', video: 'blinking' });
  let heard: string[] = [];

  it('in the audio-only mode, the notice and each piece of advice are spoken', async () => {
    const { page } = ctx;
    heard = await listenTo(page);
    await page.keyboard.press('*');
    await expect.poll(() => heard.some((h) => h.includes('语音导航已开启'))).toBe(true);
    // The screen back on (0), as for a citizen who sees a little: the test clicks where the keys would go.
    await page.keyboard.press('0');
    await expect.poll(() => page.locator('html').getAttribute('data-screen-dark')).not.toBe('true');
    await toFaceCheck(page);
    await expect
      .poll(() => heard.some((h) => h.includes('接下来要用摄像头拍摄您的面部')))
      .toBe(true);
    await page.getByRole('button', { name: '开始拍摄' }).click();
    await expect
      .poll(() => heard.some((h) => h.includes('眨一下眼睛')), { timeout: 30_000 })
      .toBe(true);
  });

  it('the camera unplugged mid-check: said on screen and aloud, recorded, and the journey goes on', async () => {
    const { page } = ctx;
    await page.evaluate(() => {
      const video = document.querySelector('video');
      const stream = video?.srcObject;
      if (!(stream instanceof MediaStream)) throw new Error('no camera stream');
      // What Chromium does when the device goes: the track ends.
      for (const track of stream.getVideoTracks()) {
        track.stop();
        track.dispatchEvent(new Event('ended'));
      }
    });
    await expect(page.getByTestId('face-failed').innerText()).resolves.toContain(
      '摄像头暂时无法使用',
    );
    await expect
      .poll(() => heard.some((h) => h.includes('摄像头暂时无法使用')), { timeout: 10_000 })
      .toBe(true);
    await screenshot(page, 'portrait-face-09-camera-gone');
    await expect
      .poll(() => readFileSync(join(ctx.kiosk.dataDir, 'audit', 'audit.jsonl'), 'utf8'))
      .toMatch(/"face\.verified".*"reason":"camera_unavailable"/);
    await page.getByRole('button', { name: '继续办理' }).click();
    await steps(page).h1(/手机号码/);
  });

  it('a hall guide presses 到窗口拍照: the kiosk no longer offers the photo, and the slip sends both to the window', async () => {
    const { page } = ctx;
    const s = steps(page);
    await holdEmblem(page);
    await typePin(page, '135790', '大厅引导员');
    await page.getByTestId('guide-face-window').click();
    await expect
      .poll(() => page.getByTestId('guide-face-window').getAttribute('aria-pressed'))
      .toBe('true');
    await screenshot(page, 'portrait-face-10-guide-window');
    await page.getByTestId('guide-panel').getByRole('button', { name: '收起' }).click();
    await s.keys('13800138000');
    await s.next();
    await s.next();
    await s.next();
    await s.choose('不是');
    await s.next();
    await s.choose('不需要加急');
    await s.next();
    await s.choose('到窗口领取');
    await s.next();
    await s.pastGreenChannel();
    // The photo was the only thing to bring: with it at the window, there is no list to go through.
    await s.h1('请核对您的申请');
    await expect(page.getByTestId('review-portrait').innerText()).resolves.toContain('到窗口');
    await expect(page.getByTestId('review-identity-check').innerText()).resolves.toContain(
      '请到窗口核验身份',
    );
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toMatch(/人证核验\s*本机未能核验，请到窗口核验身份/);
    expect(slip).toMatch(/证件照\s*请到窗口现场采集/);
    const audit = readFileSync(join(ctx.kiosk.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toMatch(/"guide\.faceAtWindow"/);
  });
});
