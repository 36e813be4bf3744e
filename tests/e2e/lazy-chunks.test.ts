import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig, launchChromium, startKiosk, VIEWPORTS, type RunningKiosk } from './harness';
import { steps } from './journey-steps';

/**
 * Passport pinyin lives in a chunk fetched after the first screen. When that fetch fails (the
 * web host restarting, a dropped connection), the kiosk tries again instead of leaving the
 * pinyin question waiting for good: here its first two fetches are cut off.
 */

let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
let refused = 0;

beforeAll(async () => {
  kiosk = await startKiosk({ config: demoConfig() });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: VIEWPORTS.portrait, locale: 'zh-CN' });
  page = await context.newPage();
  await page.route('**/assets/pinyin-name-*.js', async (route) => {
    if (refused < 2) {
      refused += 1;
      await route.abort('connectionreset');
    } else await route.continue();
  });
  await page.goto(kiosk.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe('a lazy chunk that fails to load', () => {
  it('is fetched again, and the pinyin question gets its derived pinyin', async () => {
    const s = steps(page);
    await s.start('passport-first', 'adult');
    await s.h1('您的手机号码');
    await s.keys('13800138000');
    await s.next();
    await s.h1('姓的拼音');
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('WANG');
    expect(refused).toBe(2);
  });
});
