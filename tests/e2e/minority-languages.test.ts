import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import boCore from '../../core/i18n/bo.json';
import ugCore from '../../core/i18n/ug.json';
import zhCore from '../../core/i18n/zh-CN.json';
import common from '../../rules/common.json';
import licence from '../../rules/services/driving-licence-replacement.json';
import bo from '../../renderer/i18n/bo.json';
import ug from '../../renderer/i18n/ug.json';
import zh from '../../renderer/i18n/zh-CN.json';
import { axe, type Mode } from './axe-check';
import { fitProblems, setDemoDock } from './fit-check';
import { openPtyPair, type PtyPair } from '../integration/pty-pair';
import {
  demoConfig,
  launchChromium,
  ROOT,
  screenshot,
  startKiosk,
  withSerialPrinter,
  type RunningKiosk,
} from './harness';
import { startDeviceSimulators, type DeviceSimulators } from './device-simulators';
import { steps } from './journey-steps';
import { visualText } from './visual-order';

/**
 * A Uyghur or Tibetan reader alone at a kiosk whose station offers those
 * languages: picks the language by its own name from the header's list, and
 * goes from home to the slip — axe and the fit check on every screen, in both
 * modes, with screenshots (tests/artifacts/screenshots/a11y-*-ug-*, -bo-*).
 * Uyghur runs right to left. Words the catalogs leave out, and rule-file text
 * without a translation (the guide's), show in Chinese; the slip carries its Chinese beside
 * each line, for the window. The next citizen starts in Chinese again.
 */
const CATALOGS = {
  ug: { ...ugCore, ...ug, name: 'ئۇيغۇرچە', dir: 'rtl' },
  bo: { ...boCore, ...bo, name: 'བོད་ཡིག', dir: 'ltr' },
} as const;
type Language = keyof typeof CATALOGS;
// The screen keys both catalogs translate (a unit test holds them to the journey screens; Uyghur also has the voice's).
type Key = keyof typeof ug & keyof typeof bo;

const SIZES = {
  portrait: { width: 1080, height: 1920 },
  narrow: { width: 768, height: 1366 },
} as const;
const RUNS: readonly [Language, Mode, keyof typeof SIZES][] = [
  ['ug', 'normal', 'portrait'],
  ['ug', 'elder', 'portrait'],
  ['ug', 'elder', 'narrow'],
  ['bo', 'normal', 'portrait'],
  ['bo', 'elder', 'portrait'],
  ['bo', 'elder', 'narrow'],
];

let kiosk: RunningKiosk;
let browser: Browser;
beforeAll(async () => {
  kiosk = await startKiosk({ config: demoConfig({ languages: ['zh-CN', 'en', 'ug', 'bo'] }) });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

describe.each(RUNS)('a %s reader in %s mode (%s screen)', (language, mode, size) => {
  const words = CATALOGS[language];
  const say = (key: Key): string => words[key];
  it('chooses the language by its own name and reaches the slip; every screen passes axe and fits', async () => {
    const context = await browser.newContext({ viewport: SIZES[size], locale: 'zh-CN' });
    const page = await context.newPage();
    const s = steps(page);
    const problems: string[] = [];
    const check = async (screen: string): Promise<void> => {
      const name = `${language}-${size}-${screen}`;
      // axe as the accessibility test runs it (the dock, not a kiosk's, left out); the fit
      // check as the fit test does, with the dock folded.
      problems.push(...(await axe(page, mode, name)));
      await setDemoDock(page, false);
      problems.push(...(await fitProblems(page, name)));
      await setDemoDock(page, true);
    };
    const h1 = (key: Key) => s.h1(say(key));
    try {
      await page.goto(kiosk.url);
      await s.h1(zh['home.welcome']);
      await page.getByTestId('demo-reader').waitFor();

      // The globe button names the list in Chinese; each language is named in itself.
      await page.getByRole('button', { name: `${zh['app.chooseLanguage']}: 中文` }).click();
      await page.getByRole('button', { name: words.name, exact: true }).click();
      await h1('home.welcome');
      const html = page.locator('html');
      await expect(html.getAttribute('lang')).resolves.toBe(language);
      await expect(html.getAttribute('dir')).resolves.toBe(words.dir);
      // A service named in the reader's language; the header's date too (Chromium has no Uyghur or Tibetan dates).
      await expect(
        page.locator('[data-service="driving-licence-replacement"]').innerText(),
      ).resolves.toContain(language === 'ug' ? 'ماشىنا ھەيدەش' : 'ཁ་ལོ་བའི་ལག་ཁྱེར');
      await expect(page.locator('.header-date').innerText()).resolves.toMatch(
        language === 'ug' ? /ئاينىڭ \d+-كۈنى/ : /ཟླ་\d+ ཚེས་\d+/,
      );
      if (mode === 'elder') await page.getByRole('button', { name: say('assist.elder') }).click();
      await check('01-home');
      // The services do not all fit in these words: the foot of the screen says more lie below,
      // and its button takes the citizen there, page by page, until the last one shows; then it
      // says so, at the same height (nothing moves under a finger), and takes them back up.
      const cue = page.getByTestId('scroll-cue');
      const main = page.locator('#main');
      const cueHeight = async () => (await cue.boundingBox())?.height ?? 0;
      await expect(cue.innerText()).resolves.toContain(words['app.moreBelow']);
      const heightAtTop = await cueHeight();
      // The scroll is smooth: the next tap waits for it to end, as a citizen's eye would.
      const tapAndSettle = async (): Promise<number> => {
        const ended = main.evaluate(
          (e) =>
            new Promise<number>((resolve) =>
              e.addEventListener('scrollend', () => resolve(e.scrollTop), { once: true }),
            ),
        );
        await cue.click();
        return ended;
      };
      for (let i = 0; i < 6 && (await cue.getAttribute('data-cue')) === 'more'; i += 1) {
        const before = await main.evaluate((e) => e.scrollTop);
        expect(await tapAndSettle()).toBeGreaterThan(before);
      }
      await expect.poll(() => cue.getAttribute('data-cue'), { timeout: 5000 }).toBe('end');
      await expect(cue.innerText()).resolves.toContain(words['app.backToTop']);
      expect(await cueHeight()).toBe(heightAtTop);
      const last = await page.locator('.service-tile').last().boundingBox();
      const foot = await main.boundingBox();
      expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThanOrEqual(
        (foot?.y ?? 0) + (foot?.height ?? 0),
      );
      await screenshot(page, `lang-${language}-${mode}-${size}-01-home-end`);
      expect(await tapAndSettle()).toBe(0);
      await expect.poll(() => cue.getAttribute('data-cue')).toBe('more');

      await page.locator('[data-service="driving-licence-replacement"]').click();
      await page.getByRole('button', { name: say('guide.start') }).waitFor();
      await check('02-guide');
      await page.getByRole('button', { name: say('guide.start') }).click();
      await h1('idcard.title');
      await page.locator('[data-card="adult"]').click();
      await h1('idcard.readDone');
      await check('03-idcard');
      await page.getByRole('button', { name: say('idcard.confirm') }).click();

      // The rule file's words, in the reader's language where the file has them.
      const seized = licence.questions[0]!;
      const lost = seized.options?.[0];
      if (lost === undefined) throw new Error('the licence file asks about seizure first');
      await s.h1(seized.label[language]);
      await s.choose(lost.label[language]);
      await check('04-question');
      await page.getByRole('button', { name: say('app.next'), exact: true }).click();
      // The keypad lies 1 2 3 from the left on a right-to-left screen too, as every keypad does.
      await expect(visualText(page.locator('.keypad'))).resolves.toMatch(/^1234567890?/);
      await s.keys('13800005678');
      await page.getByRole('button', { name: say('app.next'), exact: true }).click();
      await s.h1(common.questions[0]!.label[language]);
      await page.getByRole('button', { name: say('app.next'), exact: true }).click();

      await h1('review.title');
      await check('05-review');
      await page.getByRole('button', { name: say('review.submit') }).click();
      await h1('slip.title');
      await check('06-slip');
      // Each slip line in the reader's language with its Chinese under it, for the window.
      const number = page.locator('.slip-number-label');
      await expect(number.innerText()).resolves.toContain(words['slip.applicationNo']);
      await expect(number.locator('[lang="zh-CN"]').innerText()).resolves.toBe(
        zhCore['slip.applicationNo'],
      );
      // Numbers, codes and amounts read as stored, whatever the screen's direction: the number a
      // citizen copies must look up, the fee the window reads must be the fee.
      const applicationNo = page.getByTestId('application-no');
      await expect(visualText(applicationNo)).resolves.toBe(
        (await applicationNo.innerText()).trim(),
      );
      for (const row of ['fee', 'stationPhone', 'complaintPhone'])
        for (const part of await page.locator(`[data-row="${row}"] dd > span`).all())
          await expect(visualText(part), `${row}: ${await part.innerText()}`).resolves.toBe(
            (await part.innerText()).replace(/\s/g, ''),
          );
      const status = page.locator('[data-row="status"] dd');
      await expect(status.innerText()).resolves.toContain(words['slip.status.pending_review']);
      await expect(status.innerText()).resolves.toContain(zhCore['slip.status.pending_review']);

      await page.getByRole('button', { name: '移走证件' }).click();
      await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
      await page.getByRole('button', { name: say('slip.done') }).click();
      // The next citizen meets the kiosk in its default language, left to right.
      await s.h1(zh['home.welcome']);
      await expect(html.getAttribute('dir')).resolves.toBe('ltr');
    } catch (error) {
      await screenshot(page, `lang-${language}-${mode}-${size}-FAILED`);
      throw error;
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});

describe('语音导航 started on a Uyghur or a Tibetan screen', () => {
  it.each([
    ['ug', 'ئۇيغۇرچە', 'ug', 'rtl'],
    ['bo', 'བོད་ཡིག', 'zh-CN', 'ltr'],
  ] as const)(
    'on a %s screen keeps the language its voice speaks (Uyghur), or turns to Chinese (Tibetan)',
    async (language, name, lang, dir) => {
      const page = await browser.newPage();
      try {
        await page.goto(kiosk.url);
        await steps(page).h1(zh['home.welcome']);
        await page.getByRole('button', { name: `${zh['app.chooseLanguage']}: 中文` }).click();
        await page.getByRole('button', { name, exact: true }).click();
        await steps(page).h1(CATALOGS[language]['home.welcome']);
        await page.locator('body').click({ position: { x: 5, y: 300 } });
        await page.keyboard.press('*');
        const html = page.locator('html');
        await expect.poll(() => html.getAttribute('data-screen-dark')).toBe('true');
        await expect(html.getAttribute('lang')).resolves.toBe(lang);
        await expect(html.getAttribute('dir')).resolves.toBe(dir);
      } finally {
        await page.close();
      }
    },
  );
});

describe('a kiosk offering two languages', () => {
  it('keeps one button that switches to the other, named in that language, and fetches only its words', async () => {
    const two = await startKiosk({ config: demoConfig({ languages: ['zh-CN', 'ug'] }) });
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    try {
      await page.goto(two.url);
      await steps(page).h1(zh['home.welcome']);
      await page.getByRole('button', { name: 'ئۇيغۇرچىگە ئالماشتۇرۇش' }).click();
      await steps(page).h1(ug['home.welcome']);
      await page.getByRole('button', { name: '切换到中文' }).click();
      await steps(page).h1(zh['home.welcome']);
      // Each partial catalog is its own chunk: only the offered language's is fetched.
      expect(fetched.filter((path) => /\/assets\/(ug|bo)-[\w-]+\.js$/.test(path))).toEqual([
        expect.stringMatching(/\/assets\/ug-/),
      ]);
    } finally {
      await page.close();
      await two.stop();
    }
  });
});

describe('the printed slip of a Uyghur or Tibetan reader', () => {
  let printer: PtyPair;
  let sims: DeviceSimulators;
  let serial: RunningKiosk;
  beforeAll(async () => {
    printer = await openPtyPair();
    sims = await startDeviceSimulators({ printer: printer.deviceEnd });
    serial = await startKiosk({
      config: withSerialPrinter(demoConfig({ languages: ['zh-CN', 'ug', 'bo'] }), printer.kioskEnd),
    });
  }, 60_000);
  afterAll(async () => {
    await serial?.stop();
    await sims?.stop();
    await printer?.close();
  });

  it.each(['ug', 'bo'] as const)(
    "in %s carries the Chinese for the window and, under it, the citizen's language drawn as a picture",
    async (language) => {
      const page = await browser.newPage({ viewport: SIZES.portrait });
      const s = steps(page);
      const words = CATALOGS[language];
      const say = (key: Key): string => words[key];
      const before = sims.printed.length;
      try {
        await page.goto(serial.url);
        await s.h1(zh['home.welcome']);
        await page.getByRole('button', { name: `${zh['app.chooseLanguage']}: 中文` }).click();
        await page.getByRole('button', { name: words.name, exact: true }).click();
        await page.locator('[data-service="driving-licence-replacement"]').click();
        await page.getByRole('button', { name: say('guide.start') }).click();
        await page.locator('[data-card="adult"]').click();
        await page.getByRole('button', { name: say('idcard.confirm') }).click();
        await s.choose(licence.questions[0]!.options?.[0]?.label[language] ?? '');
        await page.getByRole('button', { name: say('app.next'), exact: true }).click();
        await s.keys('13800005678');
        await page.getByRole('button', { name: say('app.next'), exact: true }).click();
        await page.getByRole('button', { name: say('app.next'), exact: true }).click();
        await page.getByRole('button', { name: say('review.submit') }).click();
        await s.h1(say('slip.title'));
        await page.getByText(say('slip.printed')).waitFor({ timeout: 20_000 });
        const applicationNo = await page.getByTestId('application-no').innerText();
        await expect.poll(() => sims.printed.length, { timeout: 20_000 }).toBe(before + 1);
        const slip = sims.printed[before];
        expect(slip?.receipt).toContain('申请回执');
        expect(slip?.receipt).toContain(applicationNo);
        expect(slip?.receipt).toMatch(/\[IMAGE 384×\d+\][\s\S]*\[CUT\]/);
        const picture = slip!.pictures[0]!;
        expect(picture.height).toBeGreaterThan(200);
        // The paper as a person sees it: the picture's dots drawn on a page, for the eye (and the count of ink).
        const ink = await page.evaluate(({ width, height, bits }) => {
          const bytes = Uint8Array.from(atob(bits), (c) => c.charCodeAt(0));
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          canvas.id = 'printed-picture';
          const ctx = canvas.getContext('2d')!;
          const img = ctx.createImageData(width, height);
          let black = 0;
          for (let i = 0; i < width * height; i += 1) {
            const on = ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0;
            if (on) black += 1;
            img.data.set(on ? [0, 0, 0, 255] : [255, 255, 255, 255], i * 4);
          }
          ctx.putImageData(img, 0, 0);
          document.body.replaceChildren(canvas);
          return black / (width * height);
        }, picture);
        // Words, not a blank strip nor a black one.
        expect(ink).toBeGreaterThan(0.02);
        expect(ink).toBeLessThan(0.4);
        await page.locator('#printed-picture').screenshot({
          path: `${ROOT}/tests/artifacts/screenshots/printed-${language}-translation.png`,
        });
      } catch (error) {
        await screenshot(page, `printed-${language}-FAILED`);
        throw error;
      } finally {
        await page.close();
      }
    },
  );
});
