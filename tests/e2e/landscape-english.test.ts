import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';

/**
 * The same journey on a landscape 1920×1080 kiosk, switched to English, with
 * a polyphonic surname (单 reads SHAN as a surname).
 */
describe('landscape kiosk in English', () => {
  const ctx = withKioskPage({ config: demoConfig(), orientation: 'landscape' });

  const next = () => ctx.page.getByRole('button', { name: 'Next', exact: true }).click();

  it('switches to English from the header and lays out the home screen in two columns', async () => {
    const { page } = ctx;
    await screenshot(page, 'landscape-01-home-zh');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello! Please choose a service' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'landscape-02-home-en');
  });

  it('shows the guide in English', async () => {
    const { page } = ctx;
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('heading', { level: 1, name: 'First ordinary passport' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('7 working days');
    expect(text).toContain('CNY 120 per passport.');
    await screenshot(page, 'landscape-03-guide-en');
  });

  it('derives SHAN for the surname 单 and completes the application', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: 'Start application' }).click();
    await page.locator('[data-card="polyphone"]').click();
    await page
      .getByRole('heading', { level: 1, name: 'Card read. Please check your details' })
      .waitFor();
    // Her card says 满; an English screen names it too.
    await expect(page.locator('.identity-fields').innerText()).resolves.toMatch(
      /Ethnicity\s+Man \(Manchu\)/,
    );
    await screenshot(page, 'landscape-04-idcard-en');
    await page.getByRole('button', { name: 'These are correct, continue' }).click();
    for (const digit of '13700001111')
      await page.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
    await next();
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('SHAN');
    await screenshot(page, 'landscape-05-pinyin-en');
    await next();
    await expect(page.locator('#answer').inputValue()).resolves.toBe('XUEMEI');
    await next();
    await page.getByText('No', { exact: true }).click();
    await next();
    await page.getByRole('heading', { level: 1, name: 'Do you need it urgently?' }).waitFor();
    await page.getByText('No', { exact: true }).click();
    await next();
    await page.getByText('Collect at the window', { exact: true }).click();
    await next();
    await page.getByRole('heading', { level: 1, name: /priority handling/ }).waitFor();
    await next();
    await page.getByRole('heading', { level: 1, name: 'Check your application' }).waitFor();
    await screenshot(page, 'landscape-06-review-en');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Application submitted' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('First ordinary passport');
    expect(text).toContain('￥120.00 (Passport fee)');
    expect(text).toContain('单*梅');
    // Her card's address is in Liaoning and the kiosk in Beijing: a cross-province application.
    expect(text).toContain('20 days (counted from the day the window accepts the application)');
    expect(text).toContain('Cross-province application');
    await screenshot(page, 'landscape-07-slip-en');
  });

  it("looks the slip up in English, from this kiosk's record when no back office is configured", async () => {
    const { page } = ctx;
    const applicationNo = await page.getByTestId('application-no').innerText();
    await page.getByRole('button', { name: 'Remove card' }).click();
    await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
    await page.getByRole('button', { name: 'Done, back to Home' }).click();
    // A finished session hands the kiosk back in its default language (once the reader has
    // reported the card lifted); this visitor wants English again.
    await page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByTestId('check-status').click();
    await page.getByRole('heading', { level: 1, name: 'Check an application' }).waitFor();
    await page.locator('#status-number').fill(applicationNo.toLowerCase());
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const result = page.locator('.status-result');
    await expect
      .poll(() => result.innerText())
      .toContain('not connected to the station back office yet');
    const text = await result.innerText();
    expect(text).toContain('First ordinary passport');
    expect(text).not.toContain('单');
    await screenshot(page, 'landscape-08-status-en');
  });
});
