import { describe, expect, it } from 'vitest';
import names from '../../core/i18n/language-names.json';
import bo from '../../renderer/i18n/bo.json';
import ug from '../../renderer/i18n/ug.json';
import zh from '../../renderer/i18n/zh-CN.json';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { listenTo, synthesizedOn, type Synthesized } from './voice-log';

/**
 * A Uyghur citizen hears the kiosk in Uyghur, on a machine with no system
 * voice (Debian's Chromium has none): the prompts from their recordings, the
 * services and buttons the keys reach from the kiosk's own voice (eSpeak's
 * Uyghur), and the card left on the reader asked for in Uyghur. A Tibetan
 * screen, which no offline voice speaks, is read in Chinese.
 */
describe('the voice in Uyghur and Tibetan', () => {
  const ctx = withKioskPage({ config: demoConfig({ languages: ['zh-CN', 'en', 'ug', 'bo'] }) });
  const voiceBar = () => ctx.page.getByTestId('assist-bar');
  /** Every utterance since the first test began (one listener for the page's life). */
  let heard: string[] = [];
  let synthesized: Synthesized[] = [];
  const heardSince = (from: number, text: string): boolean =>
    heard.slice(from).some((h) => h.includes(text));

  async function chooseLanguage(name: string): Promise<void> {
    const { page } = ctx;
    await page.locator('.header-language').click();
    await page.getByRole('button', { name, exact: true }).click();
  }

  it('greets in Uyghur from its recording, and asks for the card left behind in Uyghur', async () => {
    const { page } = ctx;
    heard = await listenTo(page);
    synthesized = synthesizedOn(page);
    await chooseLanguage(names.ug.name);
    await page.getByRole('button', { name: ug['assist.elder'] }).click();
    await expect.poll(() => heard.includes(ug['voice.homeElder'])).toBe(true);
    await expect(voiceBar().getAttribute('data-voice-route')).resolves.toBe('audio');

    await page.locator('[data-card="adult"]').click();
    await page.locator('[data-testid="demo-reader"][data-card-on-reader="true"]').waitFor();
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('button', { name: ug['guide.start'] }).click();
    await page.getByRole('button', { name: ug['idcard.cardFirstMine'], exact: true }).click();
    await page.getByRole('button', { name: ug['idcard.confirm'] }).waitFor();
    await page.getByRole('button', { name: ug['app.home'] }).click();
    await page
      .getByRole('dialog', { name: ug['leave.title'] })
      .getByRole('button', { name: ug['leave.confirm'] })
      .click();
    // The card still lies there: its owner is asked in their language, large and aloud.
    const from = heard.length;
    const prompt = page.getByRole('alertdialog', { name: ug['takeCard.title'] });
    await prompt.waitFor();
    await expect.poll(() => heardSince(from, ug['voice.takeCard'])).toBe(true);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ug');
    await screenshot(page, 'lang-ug-take-card');
    await page.getByRole('button', { name: '移走证件' }).click();
    await prompt.waitFor({ state: 'detached' });
    // The next visitor starts in the kiosk's own language, with large type and the voice off.
    await page.getByRole('heading', { level: 1, name: zh['home.welcome'] }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
  });

  it("names each service and button the keys reach in Uyghur, with the kiosk's own voice", async () => {
    const { page } = ctx;
    await chooseLanguage(names.ug.name);
    const from = heard.length;
    await page.keyboard.press('*');
    await expect.poll(() => heardSince(from, ug['voice.audio.start'])).toBe(true);
    // The screen stays in Uyghur: what is said is what is shown.
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ug');
    const passport = /ئادەتتىكى پاسپورتنى تۇنجى قېتىم ئىلتىماس قىلىش/;
    for (let i = 0; i < 30 && !heard.some((h) => passport.test(h)); i += 1) {
      const from = heard.length;
      await page.keyboard.press('2');
      await expect.poll(() => heard.length).toBeGreaterThan(from);
    }
    expect(heard.find((h) => passport.test(h))).toContain(ug['voice.audio.button']);
    // No recording holds a service's name and Chinese has no system voice here: eSpeak said it, in Uyghur.
    await expect
      .poll(() => synthesized.find((s) => passport.test(s.text)), { timeout: 15_000 })
      .toMatchObject({ locale: 'ug', personal: false });
    const sound = synthesized.find((s) => passport.test(s.text))?.sound;
    expect(sound?.seconds).toBeGreaterThan(1);
    expect(sound?.rms).toBeGreaterThan(300);
    const leaving = heard.length;
    await page.keyboard.press('Escape');
    await expect.poll(() => heardSince(leaving, ug['voice.audio.exit'])).toBe(true);
  });

  it('reads a Tibetan screen in Chinese, the one voice here that can say its words', async () => {
    const { page } = ctx;
    await chooseLanguage(names.bo.name);
    const from = heard.length;
    await page.getByRole('button', { name: bo['assist.elder'] }).click();
    await expect.poll(() => heardSince(from, zh['voice.homeElder'])).toBe(true);
    await expect(voiceBar().getAttribute('data-voice-route')).resolves.toBe('audio');
  });
});
