import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, smallestTarget, withKioskPage } from './harness';
import { steps, typeOnScreen } from './journey-steps';
import { synthesizedOn } from './voice-log';

const spoken = (page: Page) => page.getByTestId('assist-bar').getAttribute('data-spoken');

/**
 * The "done when": a 76-year-old who has never seen the kiosk renews
 * her ID card by touch alone, in 长辈版 with voice: large type, large keys,
 * spoken prompts (the recordings: this Chromium has no Chinese voice), the new
 * address typed in pinyin on the screen keyboard.
 */
describe('长辈版: an ID card renewal by touch alone', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  it('switches to elder mode from the home screen, with voice on', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '长辈版' }).click();
    await expect(page.locator('html').getAttribute('data-mode')).resolves.toBe('elder');
    // Already in 长辈版: the prompt does not send her to 长辈版 again (a tap there turns it off).
    await expect.poll(() => spoken(page)).toBe('您好！请在屏幕上选择要办理的业务。');
    await expect(page.getByTestId('assist-bar').getAttribute('data-voice-route')).resolves.toBe(
      'audio',
    );
    const body = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.screen-lead')!).fontSize),
    );
    expect(body).toBeGreaterThanOrEqual(28);
    expect((await smallestTarget(page)).height).toBeGreaterThanOrEqual(80);
    await screenshot(page, 'elder-01-home');
    // 再听一遍 says it again.
    await page.getByRole('button', { name: '再听一遍' }).click();
    await expect(spoken(page)).resolves.toBe('您好！请在屏幕上选择要办理的业务。');
  });

  it('shows every service in one view, each with fewer words (the name and the time limit)', async () => {
    const { page } = ctx;
    expect(await page.locator('.service-tile').count()).toBeGreaterThanOrEqual(16);
    for (const area of ['户籍', '出入境', '交通管理', '治安管理'])
      await expect(page.getByRole('heading', { level: 2, name: area }).count()).resolves.toBe(1);
    // 护照 is on the first screen, not behind a guess that it belongs to 出入境.
    await expect(page.locator('[data-service="passport-first"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('.service-tile .service-summary').count()).resolves.toBe(0);
    await page.locator('[data-service="id-card-renewal"]').click();
    await page.getByRole('heading', { level: 1, name: '居民身份证换领、补领' }).waitFor();
    await expect.poll(() => spoken(page)).toContain('这是办事指南');
    await screenshot(page, 'elder-03-guide');
  });

  it('reads the card and speaks without ever saying her details', async () => {
    const { page } = ctx;
    const s = steps(page);
    await page.getByRole('button', { name: '开始办理' }).click();
    await s.h1('请放置身份证');
    await expect.poll(() => spoken(page)).toContain('请把身份证平放在读卡器上');
    await screenshot(page, 'elder-04-idcard');
    await page.locator('[data-card="elder"]').click();
    await s.h1('读取成功，请核对您的信息');
    await expect.poll(() => spoken(page)).toContain('已经读取您的身份证');
    const said = (await spoken(page)) ?? '';
    expect(said).not.toContain('李秀英');
    expect(said).not.toMatch(/\d{6}/);
    // No system voice here: "读出我的信息" reads her card with the kiosk's own voice, marked
    // personal (never kept), and the voice bar shows that something was said, not what.
    const synthesized = synthesizedOn(page);
    await page.getByRole('button', { name: '读出我的信息' }).click();
    // The first sentence starts the kiosk's voice (its thread compiles the synthesizer): allow for it.
    await expect
      .poll(() => synthesized.find((s) => s.text.includes('李秀英')), { timeout: 15_000 })
      .toMatchObject({ personal: true, locale: 'zh-CN', sound: { riff: 'RIFF' } });
    expect(synthesized.find((s) => s.text.includes('李秀英'))?.sound?.seconds).toBeGreaterThan(5);
    await expect(page.getByTestId('assist-bar').getAttribute('data-spoken')).resolves.not.toContain(
      '李秀英',
    );
    // The number on screen is masked outside the review screen.
    await expect(s.main()).resolves.toMatch(/1101\*{12}20/);
    await screenshot(page, 'elder-05-idcard-read');
    await page.getByRole('button', { name: '信息无误，下一步' }).click();
  });

  it('answers one question per screen, each spoken, and types the new address in pinyin', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.h1('您为什么要办理？');
    await expect.poll(() => spoken(page)).toContain('您为什么要办理？');
    await screenshot(page, 'elder-06-question-choice');
    await s.next();
    // An error is spoken too.
    await expect.poll(() => spoken(page)).toContain('这一项还需要修改');
    await screenshot(page, 'elder-07-question-error');
    await s.renewalByPost();
    // The card's address is offered first; she is moving, so she clears it.
    await expect(page.locator('#answer').inputValue()).resolves.toContain('北京市西城区');
    await s.clearText();
    await typeOnScreen(page, [
      ['beijing', '北京'],
      ['shi', '市'],
      ['chaoyang', '朝阳'],
      ['qu', '区'],
      ['jianguo', '建国'],
      ['lu', '路'],
      ['88', ''],
      ['hao', '号'],
      ['yuan', '院'],
      ['3', ''],
      ['hao', '号'],
      ['lou', '楼'],
    ]);
    await expect(page.locator('#answer').inputValue()).resolves.toBe(
      '北京市朝阳区建国路88号院3号楼',
    );
    expect((await smallestTarget(page)).height).toBeGreaterThanOrEqual(80);
    await screenshot(page, 'elder-08-pinyin-address');
    await s.next();
    await s.keys('13900001234');
    await screenshot(page, 'elder-09-question-mobile');
    // At 76 she is in the green channel already: the kiosk does not ask whether she needs it.
    await s.next();
  });

  it('reviews, submits and gets the slip, all large and spoken', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.h1('请核对您的申请');
    await expect.poll(() => spoken(page)).toContain('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('北京市朝阳区建国路88号院3号楼');
    expect(review).toMatch(/绿色通道\s*年满70周岁/);
    // The review screen is the one place the full number shows.
    expect(review).toContain('110102195003020020');
    await screenshot(page, 'elder-10-review');
    const primary = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.button-primary')!).fontSize),
    );
    expect(primary).toBeGreaterThanOrEqual(36);
    await s.submit();
    await s.h1('提交成功');
    await expect.poll(() => spoken(page)).toContain('提交成功');
    await screenshot(page, 'elder-11-slip');
    await s.finish();
    // The next visitor gets the kiosk as it normally is: once the reader has reported the
    // card lifted (an event that may come a poll after the demo dock shows it).
    await expect.poll(() => page.locator('html').getAttribute('data-mode')).toBe('normal');
  });

  it('gives an older visitor at least three minutes before the idle countdown', async () => {
    const { page } = ctx;
    const info = (await page.evaluate(
      async () =>
        (await (
          await fetch('/api/getKioskInfo', { method: 'POST', body: '{}' })
        ).json()) as unknown,
    )) as {
      value: { idle: { elderTimeoutSeconds: number; elderCountdownSeconds: number } };
    };
    expect(info.value.idle.elderTimeoutSeconds).toBeGreaterThanOrEqual(180);
    expect(info.value.idle.elderCountdownSeconds).toBeGreaterThan(0);
  });
});
