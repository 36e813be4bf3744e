import { sleep } from '../sleep';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { PAGE } from '../fixtures/document-camera';
import { heapStrings, screenshot, withDocumentCamera, withKioskPage } from './harness';
import { RECORD_JOURNEY, recordJourneyToMaterials, steps } from './journey-steps';

/**
 * A material photographed with the document camera (Chromium's fake capture
 * device playing a generated page): preview, capture, crop to the page,
 * compress under 300 KB, attach; the photo is sealed with the application.
 */
describe('document camera', () => {
  const ctx = withKioskPage(withDocumentCamera());

  it('photographs the power of attorney, cropped to the page and under 300 KB', async () => {
    const { page } = ctx;
    const s = steps(page);
    await recordJourneyToMaterials(page);
    await page.getByTestId('photograph-powerOfAttorney').click();
    await s.h1('拍摄：授权委托书');
    await expect
      .poll(() => page.getByRole('button', { name: '拍照' }).isEnabled(), { timeout: 10_000 })
      .toBe(true);
    await sleep(500, 'the camera stream runs in the page');
    await screenshot(page, 'portrait-70-camera-live');
    await page.getByRole('button', { name: '拍照' }).click();
    const photo = page.getByTestId('camera-photo');
    await photo.waitFor();
    const bytes = Number(await photo.getAttribute('data-bytes'));
    const width = Number(await photo.getAttribute('data-width'));
    const height = Number(await photo.getAttribute('data-height'));
    expect(await photo.getAttribute('data-cropped')).toBe('true');
    expect(bytes).toBeGreaterThan(5_000);
    expect(bytes).toBeLessThanOrEqual(300 * 1024);
    // Cropped to the page: its proportions, not the 16:9 frame's.
    expect(height / width).toBeGreaterThan((PAGE.height / PAGE.width) * 0.92);
    expect(height / width).toBeLessThan((PAGE.height / PAGE.width) * 1.08);
    // Text stays legible: the photo still has dark text pixels and a light page.
    const contrast = await photo.evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const c = canvas.getContext('2d')!;
      c.drawImage(img, 0, 0);
      const data = c.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      let light = 0;
      for (let i = 0; i < data.length; i += 4) {
        const v = data[i]!;
        if (v < 80) dark += 1;
        else if (v > 200) light += 1;
      }
      return { dark: dark / (data.length / 4), light: light / (data.length / 4) };
    });
    expect(contrast.dark).toBeGreaterThan(0.1);
    expect(contrast.light).toBeGreaterThan(0.4);
    await screenshot(page, 'portrait-71-camera-review');

    await page.getByRole('button', { name: '重拍' }).click();
    await page.getByRole('button', { name: '拍照' }).click();
    await page.getByRole('button', { name: '使用这张' }).click();
    await s.h1('请准备以下材料');
    await expect(page.getByTestId('photograph-powerOfAttorney').innerText()).resolves.toContain(
      '已拍照（1 张）',
    );
    await screenshot(page, 'portrait-72-materials-photographed');
    await s.declare('委托人居民身份证复印件', true);
    await s.next();
    await s.h1('请核对您的申请');
    await s.submit();
    await s.h1('提交成功');
    await expect(s.main()).resolves.toMatch(/已拍照提交的材料\s*授权委托书/);
    const applicationNo = await page.getByTestId('application-no').innerText();

    const db = new DatabaseSync(join(ctx.kiosk.dataDir, 'kiosk.sqlite'), { readOnly: true });
    const rows = db
      .prepare(
        'SELECT t.material_id AS material, t.size AS size, t.media_type AS type FROM attachments t JOIN applications a ON a.id = t.application_id WHERE a.application_no = ?',
      )
      .all(applicationNo) as { material: string; size: number; type: string }[];
    db.close();
    expect(rows).toEqual([
      { material: 'powerOfAttorney', size: bytes > 0 ? expect.any(Number) : 0, type: 'image/jpeg' },
    ]);
    expect(rows[0]!.size).toBeLessThanOrEqual(300 * 1024);
    await s.finish();
    // The photo's blob URL went with the session.
    await expect(page.locator('img[src^="blob:"]').count()).resolves.toBe(0);
  });

  it('leaves no camera running and no photo behind when the citizen gives up mid-capture', async () => {
    const { page } = ctx;
    // Every stream the page opens, to see afterwards that each one was stopped.
    await page.evaluate(() => {
      const opened: MediaStream[] = [];
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        opened.push(stream);
        return stream;
      };
      (window as unknown as { opened: MediaStream[] }).opened = opened;
    });
    await recordJourneyToMaterials(page);
    await page.getByTestId('photograph-powerOfAttorney').click();
    await page.getByRole('button', { name: '拍照' }).click();
    await page.getByRole('button', { name: '使用这张' }).click();
    const photoUrl = await page.locator('img.material-thumb').getAttribute('src');
    expect(photoUrl).toMatch(/^blob:/);
    // She opens the camera again, then walks off: 返回首页 → 放弃办理.
    await page.getByTestId('photograph-powerOfAttorney').click();
    await expect.poll(() => page.getByRole('button', { name: '拍照' }).isEnabled()).toBe(true);
    await steps(page).abandon();

    const after = await page.evaluate(async (url) => {
      const opened = (window as unknown as { opened: MediaStream[] }).opened;
      let photoReadable = true;
      try {
        await fetch(url);
      } catch {
        photoReadable = false;
      }
      return {
        streams: opened.length,
        live: opened.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
        videos: document.querySelectorAll('video').length,
        photoReadable,
      };
    }, photoUrl!);
    expect(after).toEqual({ streams: 2, live: 0, videos: 0, photoReadable: false });
    await expect(
      heapStrings(page, [RECORD_JOURNEY.principalId, RECORD_JOURNEY.phone]),
    ).resolves.toEqual([]);
  });
});
