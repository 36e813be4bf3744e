import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  demoConfig,
  launchChromium,
  startKiosk,
  VIEWPORTS,
  type RunningKiosk,
} from './harness';
import { steps } from './journey-steps';

/**
 * What the page needs for its first screen comes in its HTML; the rest is fetched after it.
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

describe('the keyboard before its dictionary is in', () => {
  it('keeps every letter typed meanwhile, and offers for them once it arrives', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.portrait, locale: 'zh-CN' });
    const slow = await context.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await slow.route('**/assets/pinyin-dictionary-*.js', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await slow.goto(kiosk.url);
    // The card the journey above left on the reader goes: this citizen has none with them.
    await callApi(slow, 'demoRemoveCard', {});
    const s = steps(slow);
    await s.start('id-card-renewal', null);
    await slow.getByRole('button', { name: '我没带身份证（证件丢失）' }).click();
    await s.h1('您的姓名');
    // The dictionary is asked for and held back: the citizen types at once.
    await expect.poll(() => asked).toBe(true);
    const keyboard = slow.locator('.cn-keyboard');
    for (const key of 'zhang')
      await keyboard.getByRole('button', { name: key, exact: true }).click();
    await expect(slow.getByTestId('pinyin-letters').innerText()).resolves.toBe('zhang');
    release();
    await keyboard.locator('[data-candidate="张"]').click();
    await expect(slow.locator('#answer').inputValue()).resolves.toBe('张');
    await context.close();
  });
});

describe('a screen whose code is fetched after the home screen', () => {
  it('opens on a tap even when its first fetches fail, and is not in the first download', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.portrait, locale: 'zh-CN' });
    const flaky = await context.newPage();
    let cut = 0;
    await flaky.route('**/assets/GuideScreen-*.js', async (route) => {
      if (cut < 2) {
        cut += 1;
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await flaky.goto(kiosk.url);
    const s = steps(flaky);
    await s.h1('您好！请选择要办理的业务');
    // The page's first download (the scripts its HTML names) holds no later screen.
    const html = await (await flaky.request.get(kiosk.url)).text();
    const first = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((url) => /Screen-/.test(url ?? ''))).toEqual([]);
    // Tapped at once: the guide's code is fetched, cut off twice, fetched again, and opens.
    await flaky.locator('[data-service="passport-first"]').click();
    await s.h1('普通护照首次申请');
    expect(cut).toBe(2);
    await context.close();
  });
});

describe('the first screen', () => {
  const asked = (page: Page): string[] => {
    const calls: string[] = [];
    page.on('request', (request) => {
      const method = /\/api\/(\w+)$/.exec(request.url())?.[1];
      if (method !== undefined) calls.push(method);
    });
    return calls;
  };

  it('is drawn from the data its HTML carries, without asking the kiosk first', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.portrait, locale: 'zh-CN' });
    const fresh = await context.newPage();
    const calls = asked(fresh);
    await fresh.goto(kiosk.url);
    await steps(fresh).h1('您好！请选择要办理的业务');
    await expect(fresh.locator('.header-station').innerText()).resolves.not.toBe('');
    expect(calls).not.toContain('getKioskInfo');
    expect(calls).not.toContain('listServices');
    // Read once and gone: a later load (new rules) asks the kiosk.
    await expect(fresh.locator('#kiosk-boot').count()).resolves.toBe(0);
    await context.close();
  });

  it('is still drawn when the HTML comes without them: the page asks', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.portrait, locale: 'zh-CN' });
    const bare = await context.newPage();
    // The token is traded for a cookie first (a redirect, which a route would not see).
    await bare.goto(kiosk.url);
    await bare.route(
      (url) => url.pathname === '/',
      async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          /<script type="application\/json"[^]*?<\/script>/,
          '',
        );
        await route.fulfill({ response, body: html });
      },
    );
    const calls = asked(bare);
    await bare.goto(`${kiosk.origin}/`);
    await steps(bare).h1('您好！请选择要办理的业务');
    expect(calls).toContain('getKioskInfo');
    expect(calls).toContain('listServices');
    await context.close();
  });
});
