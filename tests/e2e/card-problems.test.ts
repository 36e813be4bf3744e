import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';

/** What a citizen sees when the card is not the right one, or was already on the reader. */
describe('ID card problems', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  it('does not use a card left on the reader by someone before the session', async () => {
    const { page } = ctx;
    await page.locator('[data-card="adult"]').click();
    await page.waitForTimeout(500);
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await page.getByText('读卡区上已有一张证件。请先拿起证件，再重新放上。').waitFor();
    await expect(page.locator('main').innerText()).resolves.not.toContain('王晓明');
    await screenshot(page, 'portrait-13-idcard-stale');
    await page.getByRole('button', { name: '移走证件' }).click();
    await page.getByText('请将身份证平放在下方的读卡区，不要移动。').waitFor();
    await page.locator('[data-card="adult"]').click();
    await page.getByRole('heading', { level: 1, name: '读取成功，请核对您的信息' }).waitFor();
  });

  it('stops an expired card with a message that says what to do', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '不是我的证件' }).click();
    await page.getByText('请拿起这张证件，放上您本人的身份证。').waitFor();
    await page.getByRole('button', { name: '移走证件' }).click();
    await page.waitForTimeout(400);
    await page.locator('[data-card="expired"]').click();
    await page.getByText('赵建国').waitFor();
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain(
      '您的身份证已超过有效期限（2025年10月1日），请先办理身份证换领。',
    );
    await expect(page.getByRole('button', { name: '信息无误，下一步' }).isDisabled()).resolves.toBe(
      true,
    );
    await screenshot(page, 'portrait-14-idcard-expired');
  });

  it('asks before leaving, and leaving wipes the card from the screen', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '返回首页' }).click();
    const dialog = page.getByRole('dialog', { name: '要放弃本次办理吗？' });
    await dialog.waitFor();
    await screenshot(page, 'portrait-15-leave-dialog');
    await dialog.getByRole('button', { name: '放弃办理，返回首页' }).click();
    await page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.not.toContain('赵建国');
  });
});
