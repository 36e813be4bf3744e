import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { keypadDate, testClock, testDay } from '../test-clock';
import { faceKioskSetup } from './face-kiosk';
import { callApi as api, screenshot, withBackOfficeAndKioskPage } from './harness';
import { steps } from './journey-steps';

/**
 * 缴费 and 再次签注 at the kiosk, through the test back office's payment
 * platform over mutual TLS: a citizen whose face matches their card pays for a
 * repeat Hong Kong endorsement with a 付款码 and leaves with 签注已办理; one
 * walks away while the phone waits for a password (the idle countdown ends the
 * session), and the order is cancelled
 * with nothing charged; one chooses the window and the slip says where to pay.
 */
const face = faceKioskSetup('payment', { card: 'franck', video: 'blinking' });
const ctx = withBackOfficeAndKioskPage(
  { heartbeatSeconds: 3600, retryBaseMs: 50, retryCapMs: 500 },
  {
    config: {
      face: face.config['face'],
      devices: face.config['devices'],
      payment: { enabled: true, services: ['hk-macau-endorsement'], payingSeconds: 30 },
      // Short enough that a citizen who walks away is timed out within the test.
      idle: { timeoutSeconds: 10, countdownSeconds: 3 },
    },
    chromiumArgs: face.chromiumArgs,
    // The station's systems keep the kiosk's time: the endorsement's validity starts on the test day.
    officeClock: testClock(),
  },
);

const WECHAT_CODE = '134567890123456789';

/** Home → the endorsement guide → the card → 人证核验 passed → a repeat G endorsement for Hong Kong → submitted → 缴纳费用. */
async function toPayment(page: Page): Promise<string> {
  const s = steps(page);
  await s.start('hk-macau-endorsement', 'adult');
  await s.h1('人证核验');
  await page.getByRole('button', { name: '开始拍摄' }).click();
  await expect(
    page.getByTestId('face-outcome').getAttribute('data-outcome', { timeout: 90_000 }),
  ).resolves.toBe('passed');
  await page.getByRole('button', { name: '继续办理' }).click();
  await s.h1('往来港澳通行证号码');
  await s.keys('C12345678');
  await s.next();
  await s.h1('通行证有效期至');
  await s.keys(keypadDate(testDay(3 * 365)));
  await s.next();
  await s.choose('个人旅游（G）');
  await s.next();
  await s.h1('您以前办理过这种签注吗？');
  await s.choose('办理过（再次签注）');
  await s.next();
  await s.choose('香港');
  await s.next();
  await s.choose('三个月一次');
  await s.next();
  await s.keys('13800138000');
  await s.next();
  await s.pastGreenChannel();
  await s.h1('请准备以下材料');
  await s.declare('电子往来港澳通行证', true);
  await s.next();
  await s.h1('请核对您的申请');
  await s.submit();
  await s.h1('缴纳费用');
  return page.getByTestId('payment-application-no').innerText();
}

const ordersOf = (applicationNo: string) =>
  ctx.office.payments.orders().filter((o) => o.applicationNo === applicationNo);

describe('缴费 and 再次签注 at the kiosk', () => {
  it('pays a repeat endorsement with a 付款码 and leaves with 签注已办理, its e-receipt and 已缴费', async () => {
    const { page } = ctx;
    const applicationNo = await toPayment(page);
    await expect(page.getByTestId('payment-total').innerText()).resolves.toBe('￥15.00');
    expect(await page.locator('main').innerText()).toContain('香港一次有效签注');
    await screenshot(page, 'portrait-payment-01-choose');
    await page.getByRole('button', { name: /出示付款码/ }).click();
    await page.getByTestId('payment-scan').waitFor();
    // A web address held to the scanner is named for what it is; nothing moves.
    await api(page, 'demoScan', { text: 'https://u.wechat.com/abc' });
    await expect
      .poll(() => page.getByTestId('payment-state').innerText())
      .toContain('扫到的是一个网址');
    await screenshot(page, 'portrait-payment-02-not-a-code');
    const elder = page.getByRole('button', { name: '长辈版', exact: true });
    await elder.click();
    await screenshot(page, 'portrait-payment-02-not-a-code-elder');
    await elder.click();
    await api(page, 'demoScan', { text: WECHAT_CODE });
    await steps(page).h1('提交成功');
    const slip = await page.locator('main').innerText();
    expect(slip).toContain(
      `签注已办理：香港个人旅游（G）签注，三个月一次有效，有效期 ${testDay(0)} 至 ${testDay(91)}`,
    );
    expect(slip).toMatch(/已缴费 ￥15\.00（订单号 PO\d{8}[0-9A-F]{16}）/);
    expect(slip).toMatch(/财政电子票据\s*FS\d{16}/);
    expect(slip).toContain('已在本机办结');
    await page.getByTestId('receipt-qr').waitFor();
    await screenshot(page, 'portrait-payment-03-slip-issued');
    await elder.click();
    await screenshot(page, 'portrait-payment-03-slip-issued-elder');
    await elder.click();
    // The platform took the money once, for this application's one order.
    const orders = ordersOf(applicationNo);
    expect(orders.map((o) => o.state)).toEqual(['paid']);
    const charges = ctx.office.payments
      .ledger()
      .filter((e) => e.applicationNo === applicationNo && e.kind === 'charge');
    expect(charges.map((e) => e.amountFen)).toEqual([1500]);
    await steps(page).finish();
  });

  it('a citizen who walks away while the phone asks for a password has the order cancelled, nothing charged', async () => {
    const { page } = ctx;
    const applicationNo = await toPayment(page);
    ctx.office.payments.queue('user_paying_never');
    await page.getByRole('button', { name: /出示付款码/ }).click();
    await api(page, 'demoScan', { text: WECHAT_CODE });
    await expect
      .poll(() => page.getByTestId('payment-state').innerText())
      .toContain('请在手机上确认支付');
    await screenshot(page, 'portrait-payment-04-confirm-on-phone');
    // Nobody touches the screen: the idle countdown ends the session, and with it the payment.
    await page
      .getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' })
      .waitFor({ timeout: 40_000 });
    await expect
      .poll(() => ordersOf(applicationNo).map((o) => o.state), { timeout: 10_000 })
      .toEqual(['cancelled']);
    expect(ctx.office.payments.ledger().filter((e) => e.applicationNo === applicationNo)).toEqual(
      [],
    );
    await page.getByRole('button', { name: '移走证件' }).click();
  });

  it('到窗口缴费: nothing is charged, the slip says where to pay, and a 差评 with two reasons reaches the back office once', async () => {
    const { page } = ctx;
    const applicationNo = await toPayment(page);
    await page.getByTestId('pay-at-window').click();
    await steps(page).h1('提交成功');
    const slip = await page.locator('main').innerText();
    expect(slip).toContain('未缴费：请到窗口缴纳 ￥15.00');
    expect(slip).toContain('未缴费，请到窗口缴费后办理');
    await screenshot(page, 'portrait-payment-05-slip-window');
    // Cancelled at the platform too (the kiosk's cancel may still be on its way on a busy machine).
    await expect.poll(() => ordersOf(applicationNo).map((o) => o.state)).toEqual(['cancelled']);

    // 好差评: a 差评 with two reasons and a number to call back, given with consent.
    const rating = page.getByTestId('rating');
    await rating.locator('[data-rating="dissatisfied"]').click();
    await rating.locator('[data-rating="dissatisfied"][aria-pressed="true"]').waitFor();
    await rating.locator('[data-reason="procedure_inconvenient"]').click();
    await rating.locator('[data-reason="too_slow"]').click();
    await rating.getByTestId('rating-callback').click();
    for (const digit of '13911112222')
      await rating.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
    await rating.scrollIntoViewIfNeeded();
    await screenshot(page, 'portrait-payment-06-rating');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('感谢您的评价！').waitFor();
    // Held by the back office once, tied to the application number only.
    await expect
      .poll(() => ctx.office.evaluations().filter((e) => e.applicationNo === applicationNo))
      .toMatchObject([
        {
          rating: 'dissatisfied',
          reasons: ['procedure_inconvenient', 'too_slow'],
          callbackPhone: '13911112222',
          channel: 'self_service_terminal',
        },
      ]);
    expect(JSON.stringify(ctx.office.evaluations())).not.toContain('王晓明');
    await steps(page).finish();
  });
});
