import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { steps } from './journey-steps';

/** What a citizen sees when the card is not the right one, or was already on the reader. */
/** 长辈版 on, the adult card put down, 普通护照 started and the card confirmed as the citizen's own. */
async function confirmedAdultCardInElder(page: Page): Promise<void> {
  await page.getByRole('button', { name: '长辈版' }).click();
  await page.locator('[data-card="adult"]').click();
  await page.locator('[data-testid="demo-reader"][data-card-on-reader="true"]').waitFor();
  await page.locator('[data-service="passport-first"]').click();
  await page.getByRole('button', { name: '开始办理' }).click();
  await page.getByRole('button', { name: '是我的证件', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '读取成功，请核对您的信息' }).waitFor();
}

describe('ID card problems', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  it('reads a card put down before 开始办理, and shows only its masked name until the citizen says it is theirs', async () => {
    const { page } = ctx;
    await page.locator('[data-card="adult"]').click();
    await page.locator('[data-testid="demo-reader"][data-card-on-reader="true"]').waitFor();
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await page
      .getByRole('heading', { level: 1, name: '读卡区上的这张证件是您本人的吗？' })
      .waitFor();
    await expect(page.getByTestId('card-first-name').innerText()).resolves.toBe('王*明');
    // Nothing else of the card until it is claimed: it may be the last person's.
    await expect(page.locator('main').innerText()).resolves.not.toContain('王晓明');
    await expect(page.locator('main').innerText()).resolves.not.toContain('110105');
    await screenshot(page, 'portrait-13-idcard-card-first');
    await page.getByRole('button', { name: '是我的证件', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '读取成功，请核对您的信息' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('王晓明');
  });

  it('stops an expired card with a message that says what to do', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '不是我的证件' }).click();
    await page.getByText('请拿起这张证件，放上您本人的身份证。').waitFor();
    await page.getByRole('button', { name: '移走证件' }).click();
    await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
    await page.locator('[data-card="expired"]').click();
    await page.getByText('赵建国').waitFor();
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain(
      '您的身份证已超过有效期限（2025年10月1日），请先办理身份证换领。',
    );
    await expect(page.getByRole('button', { name: '信息无误，下一步' }).isDisabled()).resolves.toBe(
      true,
    );
    // The article that stops the card stands under the message, and goes on paper on request.
    await expect(page.locator('.field-basis').innerText()).resolves.toContain(
      '依据：\u2068《中华人民共和国居民身份证法》第十一条',
    );
    await page.getByRole('button', { name: '打印一次性告知单' }).click();
    await page.getByText('告知单已打印，请从出纸口取走。').waitFor();
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

  it('asks the citizen to take the card left on the reader, on screen and by voice (voice off), until it is lifted', async () => {
    const { page } = ctx;
    // The expired card from before still lies there: leaving the journey left it behind.
    const prompt = page.getByRole('alertdialog', { name: '请取走您的身份证' });
    await prompt.waitFor();
    await expect(page.getByTestId('assist-bar').getAttribute('data-spoken')).resolves.toContain(
      '请取走您的身份证',
    );
    await screenshot(page, 'portrait-16-take-card');
    await page.getByRole('button', { name: '移走证件' }).click();
    await prompt.waitFor({ state: 'detached' });
    // The next person starts clean: no card, no prompt, no question whose card it is.
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await page.getByRole('heading', { level: 1, name: '请放置身份证' }).waitFor();
    await steps(page).abandon();
  });

  it('in 长辈版 the card put down first and the take-card prompt are as large', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '长辈版' }).click();
    await page.locator('[data-card="elder"]').click();
    await page.locator('[data-testid="demo-reader"][data-card-on-reader="true"]').waitFor();
    await page.locator('[data-service="id-card-renewal"]').click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await page
      .getByRole('heading', { level: 1, name: '读卡区上的这张证件是您本人的吗？' })
      .waitFor();
    await screenshot(page, 'elder-13-idcard-card-first');
    await steps(page).abandon();
    await page.getByRole('alertdialog', { name: '请取走您的身份证' }).waitFor();
    await screenshot(page, 'elder-16-take-card');
    await page.getByRole('button', { name: '移走证件' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  });

  it('asks nothing when the card was lifted while the session was ending', async () => {
    const { page } = ctx;
    await confirmedAdultCardInElder(page);
    // The kiosk answers "the card is still there"; the citizen lifts it before that answer
    // reaches the screen, whose "card removed" therefore comes first (as on a busy machine).
    let answered!: () => void;
    const held = new Promise<void>((resolve) => (answered = resolve));
    await page.route(
      '**/api/endSession',
      async (route) => {
        const answer = await route.fetch();
        expect(await answer.json()).toMatchObject({ ok: true, value: { cardOnReader: true } });
        await page.getByRole('button', { name: '移走证件' }).dispatchEvent('click');
        await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
        await route.fulfill({ response: answer });
        answered();
      },
      { times: 1 },
    );
    await steps(page).abandon();
    await held;
    await page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
    // Once the answer is in: no prompt for a card that is gone, and 长辈版 is off for the next visitor.
    await expect
      .poll(() => page.getByRole('button', { name: '长辈版' }).getAttribute('aria-pressed'))
      .toBe('false');
    await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
  });

  it('keeps 长辈版 for the next visitor who taps it while the last session is still ending', async () => {
    const { page } = ctx;
    await confirmedAdultCardInElder(page);
    await page.getByRole('button', { name: '移走证件' }).click();
    await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
    // The kiosk's answer to "end the session" is held while the next visitor, already at the
    // home screen, taps 长辈版: the answer must not take their choice away.
    let answered!: (failure: Error | null) => void;
    const held = new Promise<Error | null>((resolve) => (answered = resolve));
    await page.route(
      '**/api/endSession',
      async (route) => {
        const answer = await route.fetch();
        let failure: Error | null = null;
        try {
          const home = page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' });
          await home.waitFor();
          const elder = page.getByRole('button', { name: '长辈版' });
          // Home shows the kiosk as it normally is at once, not after the answer.
          await expect(elder.getAttribute('aria-pressed')).resolves.toBe('false');
          await elder.dispatchEvent('click');
          await expect.poll(() => elder.getAttribute('aria-pressed')).toBe('true');
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
        } finally {
          await route.fulfill({ response: answer });
          answered(failure);
        }
      },
      { times: 1 },
    );
    const delivered = page.waitForResponse('**/api/endSession');
    await steps(page).abandon();
    const failure = await held;
    if (failure !== null) throw failure;
    await delivered;
    // Two frames after the answer reached the page: long past the moment it was handled.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await expect(
      page.getByRole('button', { name: '长辈版' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.getByRole('button', { name: '长辈版' }).click();
  });
});
