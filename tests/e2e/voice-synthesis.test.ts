import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { steps } from './journey-steps';

/**
 * A kiosk whose system has a Chinese speech voice. Debian's Chromium here has
 * none, so the page gets a stand-in `speechSynthesis` with one zh-CN voice that
 * writes down what it is asked to say; everything else is the real kiosk.
 */
function installSpeechVoice(): void {
  const said: string[] = [];
  class Utterance extends EventTarget {
    voice: unknown = null;
    lang = '';
    volume = 1;
    rate = 1;
    onend: (() => void) | null = null;
    readonly text: string;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  const voice = {
    name: '普通话',
    lang: 'zh-CN',
    voiceURI: 'test-zh-CN',
    localService: true,
    default: true,
  };
  const synthesis = Object.assign(new EventTarget(), {
    getVoices: () => [voice],
    speak: (u: Utterance) => {
      said.push(u.text);
      setTimeout(() => u.onend?.(), 5);
    },
    cancel: () => undefined,
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
  (window as unknown as { said: string[] }).said = said;
}

describe('speech through the system voice, and "读出我的信息"', () => {
  const ctx = withKioskPage({ config: demoConfig() });
  const said = () => ctx.page.evaluate(() => (window as unknown as { said: string[] }).said);

  it('speaks the prompts with the system voice when it has a Chinese one', async () => {
    const { page } = ctx;
    await page.addInitScript(installSpeechVoice);
    await page.reload();
    await page.getByRole('button', { name: '长辈版' }).click();
    await expect(page.getByTestId('assist-bar').getAttribute('data-voice-route')).resolves.toBe(
      'synth',
    );
    await expect.poll(said).toContainEqual('您好！请在屏幕上选择要办理的业务。');
  });

  it('reads her details only when she taps the button, and never repeats them', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-renewal', null);
    await page.locator('[data-card="elder"]').click();
    await s.h1('读取成功，请核对您的信息');
    await expect.poll(said).toContainEqual(expect.stringContaining('已经读取您的身份证'));
    expect((await said()).join('')).not.toContain('李秀英');
    await screenshot(page, 'elder-12-read-my-details');

    await page.getByRole('button', { name: '读出我的信息' }).click();
    await expect.poll(async () => (await said()).at(-1)).toContain('姓名：李秀英');
    const details = (await said()).at(-1)!;
    expect(details).toContain('1 1 0 1 0 2 1 9 5 0');
    // Not in the page: the voice bar shows that something was said, not what.
    await expect(page.getByTestId('assist-bar').getAttribute('data-spoken')).resolves.not.toContain(
      '李秀英',
    );
    // 再听一遍 repeats the screen's prompt, not her details.
    await page.getByRole('button', { name: '再听一遍' }).click();
    await expect.poll(async () => (await said()).at(-1)).toContain('已经读取您的身份证');
    expect((await said()).filter((text) => text.includes('李秀英'))).toHaveLength(1);
  });
});
