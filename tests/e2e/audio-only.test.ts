import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { listenTo, synthesizedOn, type Synthesized } from './voice-log';

/**
 * 语音导航: a blind citizen applies for a passport with the numeric keypad
 * and headphones alone. The test presses only keys (the card is put on the
 * simulated reader, as a hand would) and listens: every step waits for what
 * the kiosk says, as the citizen would, and the whole transcript is printed.
 */
describe('the audio-only mode in Chromium', () => {
  const ctx = withKioskPage({ config: demoConfig() });
  /** Every utterance, as the voice bar shows it (sentences joined by " | "). */
  let heard: string[] = [];
  /** What the kiosk's own voice made: this Chromium has no speech voice, so nothing else can say a name. */
  let synthesized: Synthesized[] = [];
  let listening = false;

  async function listen(page: Page): Promise<void> {
    if (listening) return;
    listening = true;
    heard = await listenTo(page);
    synthesized = synthesizedOn(page);
  }

  /** The sentence was made into sound by the kiosk's own voice: audible, and as long as saying it takes. */
  async function synthesizedAloud(sentence: string | RegExp, personal = false): Promise<void> {
    const match = (s: Synthesized): boolean =>
      (typeof sentence === 'string' ? s.text === sentence : sentence.test(s.text)) &&
      s.personal === personal;
    await expect.poll(() => synthesized.some(match), { timeout: 10_000 }).toBe(true);
    const sound = synthesized.find(match)?.sound;
    expect(sound, String(sentence)).toMatchObject({ riff: 'RIFF', wave: 'WAVE' });
    expect(sound?.seconds).toBeGreaterThan(0.4);
    expect(sound?.rms).toBeGreaterThan(300);
  }

  /** Presses a key and waits until the kiosk says something that contains `expected`. */
  async function press(page: Page, key: string, expected: string | RegExp): Promise<string> {
    const from = heard.length;
    await page.keyboard.press(key);
    const match = (text: string): boolean =>
      typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    // Generous: a submit, a slip or a busy machine may take seconds; a pass returns at once.
    await expect.poll(() => heard.slice(from).some(match), { timeout: 15_000 }).toBe(true);
    return heard.slice(from).find(match) ?? '';
  }

  /**
   * "Next" until the kiosk names `name` (what a citizen does: listen, go on): the keypad's 2,
   * or its + (which also works from a text field, where the digits type).
   */
  async function find(
    page: Page,
    name: string | RegExp,
    { key = '+', most = 60 }: { readonly key?: '2' | '+'; readonly most?: number } = {},
  ): Promise<string> {
    const match = (text: string): boolean =>
      typeof name === 'string' ? text.startsWith(name) : name.test(text);
    for (let i = 0; i < most; i += 1) {
      const from = heard.length;
      await page.keyboard.press(key);
      await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(from);
      const said = heard.at(-1) ?? '';
      if (match(said)) return said;
    }
    throw new Error(`never heard ${String(name)}; last: ${heard.slice(-5).join(' ‖ ')}`);
  }

  const h1 = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  afterAll(() => {
    // The transcript, for the closing note and for whoever wonders what a blind citizen hears.
    process.stdout.write(`audio-only transcript:\n${heard.map((h) => `  » ${h}`).join('\n')}\n`);
    const made = synthesized.map(
      (s) =>
        `  ♪ ${s.personal ? '(personal) •••' : s.text}: ${s.sound === null ? 'FAILED' : `${s.sound.seconds.toFixed(2)} s`}`,
    );
    process.stdout.write(`synthesized by the kiosk's own voice:\n${made.join('\n')}\n`);
  });

  it('starts with * on the home screen, says how the keys work and turns the screen dark', async () => {
    const { page } = ctx;
    await listen(page);
    await h1(page, '您好！请选择要办理的业务');
    await press(page, 'ArrowDown', '需要语音导航，请按星号键');
    await press(page, '*', '语音导航已开启，屏幕已关闭');
    await expect(page.locator('html').getAttribute('data-screen-dark')).resolves.toBe('true');
    await expect(page.getByTestId('audio-only-note').innerText()).resolves.toContain(
      '按 0 键打开屏幕',
    );
    await screenshot(page, 'portrait-90-audio-only-dark');
    await press(page, '/', '按键说明');
  });

  it('reads the services one by one and opens the guide with 5', async () => {
    const { page } = ctx;
    expect(await find(page, '普通护照首次申请', { key: '2' })).toContain('按钮');
    // With no system voice, the service's name is said by the kiosk's own (no recording holds it).
    await synthesizedAloud(/^普通护照首次申请 时限/);
    await press(page, '5', '这是办事指南');
    await h1(page, '普通护照首次申请');
    const start = await find(page, '开始办理', { key: '2' });
    expect(start).toBe('开始办理 | 按钮');
    await press(page, '5', '请把身份证平放在读卡器上');
  });

  it('says the card was read, and goes on from the card', async () => {
    const { page } = ctx;
    // The hand puts the card on the reader (the demo dock stands in for it; focus stays where it was).
    await page.locator('[data-card="adult"]').dispatchEvent('click');
    await expect
      .poll(() => heard.some((h) => h.includes('已经读取您的身份证')), { timeout: 10_000 })
      .toBe(true);
    // The card's rows are the citizen's own: spoken by the system voice only, never shown.
    const row = await find(page, '•••');
    expect(row).not.toContain('王晓明');
    // Said all the same, through the kiosk's own voice, marked personal (never kept).
    await synthesizedAloud(/王晓明|110105198806150/, true);
    await find(page, '信息无误，下一步');
    await press(page, '5', '您的手机号码');
  });

  it('types the mobile number on the keypad and hears it back only as hidden', async () => {
    const { page } = ctx;
    expect(await find(page, '您的手机号码')).toBe('您的手机号码 | 输入框 | 空白');
    for (const digit of '13800138000') await page.keyboard.press(digit);
    await expect(page.locator('#answer').inputValue()).resolves.toBe('13800138000');
    await press(page, '*', '•••');
    await find(page, '下一步');
    await press(page, '5', '姓的拼音');
  });

  it('keeps the pinyin from the card and chooses answers with 5', async () => {
    const { page } = ctx;
    await find(page, '下一步');
    await press(page, '5', '名的拼音');
    await find(page, '下一步');
    await press(page, '5', '您是否属于登记备案的国家工作人员？');
    expect(await find(page, '是')).toBe('是 需提交单位意见 | 未选中 | 第 2 项，共 2 项');
    await press(page, '5', '已选中 | 是');
    await find(page, '下一步');
    await press(page, '5', '您是否因紧急事由需要加急办理？');
    await find(page, '不需要加急');
    await press(page, '5', '已选中 | 不需要加急');
    await find(page, '下一步');
    await press(page, '5', '您想怎样领取护照？');
    await find(page, '到窗口领取');
    await press(page, '5', '已选中 | 到窗口领取');
    await find(page, '下一步');
    await press(page, '5', '您是否需要优先办理');
    await find(page, '下一步');
    await press(page, '5', '请告诉我们每一项材料是否带来了');
  });

  it('declares the employer opinion brought: the group is named on entering it', async () => {
    const { page } = ctx;
    expect(await find(page, /^所在单位出具的意见 \| 带来了/)).toBe(
      '所在单位出具的意见 | 带来了 | 按钮 | 未选',
    );
    await press(page, '5', '带来了 | 已选');
    await press(page, '2', /^现在没有/);
    await find(page, '下一步');
    await press(page, '5', '请核对您的申请');
  });

  it('reads the review with the answers hidden, submits, and reads the slip', async () => {
    const { page } = ctx;
    expect(await find(page, '确认提交')).toBe('确认提交 | 按钮');
    await press(page, '5', '提交成功');
    await h1(page, '提交成功');
    // The number a citizen gives at the window, read out (it is no personal data: the status lookup shows none).
    const number = await page.getByTestId('application-no').innerText();
    expect(await find(page, /^申请编号 /)).toBe(`申请编号 ${number}`);
  });

  it('lights the screen with 0 for a guide, and ends with the session', async () => {
    const { page } = ctx;
    await press(page, '0', '屏幕已打开');
    await expect(page.locator('html').getAttribute('data-screen-dark')).resolves.toBe('false');
    await screenshot(page, 'portrait-91-audio-only-slip-lit');
    await page.getByRole('button', { name: '移走证件' }).dispatchEvent('click');
    await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
    await find(page, '完成，返回首页');
    await page.keyboard.press('5');
    await h1(page, '您好！请选择要办理的业务');
    // The next person finds the kiosk as it normally is.
    // (once the main process has closed the session: the mode goes with it)
    await expect
      .poll(() => page.getByTestId('audio-only-note').count(), { timeout: 10_000 })
      .toBe(0);
    const all = heard.join('\n');
    for (const personal of ['王晓明', '110105198806150', '13800138000', '示例路'])
      expect(all).not.toContain(personal);
  });
});
