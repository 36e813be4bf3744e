import { beforeAll, describe, expect, it } from 'vitest';
import { demoConfig, heapStrings, kioskDom, screenshot, withKioskPage } from './harness';

const PERSONAL = ['和平区示例街7号', '210102199511200', '13912345678'];

/** A citizen walks away mid-application: the kiosk asks, counts down, then wipes everything. */
describe('idle timeout', () => {
  const ctx = withKioskPage({
    config: demoConfig({ idle: { timeoutSeconds: 5, countdownSeconds: 4 } }),
  });
  beforeAll(async () => {
    const { page } = ctx;
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await page.locator('[data-card="polyphone"]').click();
    await page.getByRole('heading', { level: 1, name: '读取成功，请核对您的信息' }).waitFor();
    await page.getByRole('button', { name: '信息无误，下一步' }).click();
    await page.getByRole('heading', { level: 1, name: '您的手机号码' }).waitFor();
    for (const digit of '13912345678')
      await page.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
  });

  it('asks "还需要更多时间吗？" with a countdown, and "继续" keeps the answers', async () => {
    const { page } = ctx;
    const dialog = page.getByRole('dialog', { name: '还需要更多时间吗？' });
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.innerText()).resolves.toMatch(/\d 秒后将返回首页/);
    await screenshot(page, 'portrait-11-idle-countdown');
    // Whoever passes while she is away reads nothing through it: the backdrop is opaque.
    await expect(
      page
        .locator('dialog[open]')
        .evaluate((el) => getComputedStyle(el, '::backdrop').backgroundColor),
    ).resolves.toBe('rgb(8, 48, 107)');
    await dialog.getByRole('button', { name: '需要，继续办理' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.locator('#answer').inputValue()).resolves.toBe('13912345678');
    // While she is here her details are in the page's memory (so the check after idle can fail).
    await expect(heapStrings(page, PERSONAL)).resolves.toEqual(PERSONAL);
  });

  it('returns home after the countdown with no name, ID number or answer left anywhere', async () => {
    const { page } = ctx;
    await page
      .getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' })
      .waitFor({ timeout: 15_000 });
    const html = await kioskDom(page);
    for (const needle of ['单雪梅', '210102199511200', '13912345678', 'SHAN'])
      expect(html).not.toContain(needle);
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(storage).toBe('{}{}');
    // The main process dropped its copy too.
    const identity = await page.evaluate(async () => {
      const response = await fetch('/api/getSessionIdentity', { method: 'POST', body: '{}' });
      return (await response.json()) as unknown;
    });
    expect(identity).toEqual({ ok: true, value: { identity: null } });
    // Nor in the page's memory: stores, React state, keyboard buffers are all
    // gone. (Her name is on the demo dock's sample-card button, so her address
    // stands for what came off the card.)
    await expect(heapStrings(page, PERSONAL)).resolves.toEqual([]);
    // She left her card on the reader: the kiosk asks for it to be taken, showing nothing of it.
    const takeCard = page.getByRole('alertdialog', { name: '请取走您的身份证' });
    await takeCard.waitFor();
    await screenshot(page, 'portrait-12-after-idle');
    await page.getByRole('button', { name: '移走证件' }).click();
    await takeCard.waitFor({ state: 'detached' });
  });

  it('puts an idle home screen back into Chinese for the next person', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello! Please choose a service' }).waitFor();
    await page
      .getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' })
      .waitFor({ timeout: 10_000 });
  });
});
