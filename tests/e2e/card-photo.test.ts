import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoConfig, ROOT, screenshot, withKioskPage } from './harness';
import { steps } from './journey-steps';

/**
 * A station with a licensed WLT decoder (here a stand-in program with the same
 * stdin/stdout contract) configured for its reader: the citizen sees the
 * card's own photo on the card and review screens, and it goes with the session.
 */
describe("the card's photo, with a WLT decoder configured", () => {
  const config = demoConfig();
  const [reader, ...others] = config['devices'] as Record<string, unknown>[];
  const ctx = withKioskPage({
    config: {
      ...config,
      devices: [
        {
          ...reader,
          options: {
            pollIntervalMs: 100,
            photoDecoder: {
              command: process.execPath,
              args: [join(ROOT, 'tests', 'fixtures', 'fake-wlt-decoder.mjs')],
            },
          },
        },
        ...others,
      ],
    },
  });

  const photoSize = () =>
    ctx.page
      .getByTestId('card-photo')
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);

  it('shows the photo decoded from the card beside its details', async () => {
    const { page } = ctx;
    await steps(page).start('passport-first', null);
    await page.locator('[data-card="adult"]').click();
    await steps(page).h1('读取成功，请核对您的信息');
    const photo = page.getByRole('img', { name: '证件照片' });
    await expect.poll(() => photo.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(photoSize).toEqual([102, 126]);
    await expect(page.getByText('照片已读取').count()).resolves.toBe(0);
    await screenshot(page, 'portrait-16-idcard-photo');
  });

  it('leaves no photo behind when the citizen leaves', async () => {
    const { page } = ctx;
    const src = await page.getByTestId('card-photo').getAttribute('src');
    await page.getByRole('button', { name: '移走证件' }).click();
    await steps(page).abandon();
    await expect(page.getByTestId('card-photo').count()).resolves.toBe(0);
    // The object URL was revoked: the picture cannot be fetched from the page any more.
    const readable = await page.evaluate(async (url) => {
      try {
        await fetch(url!);
        return true;
      } catch {
        return false;
      }
    }, src);
    expect(readable).toBe(false);
    // And the main process holds none: a new session has no photo to give.
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/getCardPhoto', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return (await response.json()) as unknown;
    });
    expect(answer).toEqual({ ok: true, value: null });
  });
});
