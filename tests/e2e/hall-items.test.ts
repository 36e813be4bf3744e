import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { keypadDate, testDay } from '../test-clock';
import { steps } from './journey-steps';

/**
 * Three of the eight items a hall is asked for, through the same generic screens: what the
 * citizen reads is the rule file's own facts (free or the fee, 当场, the article that stops).
 */
describe('the items a hall is asked for in Chromium', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  it('暂住登记: free and on the spot; a tenancy agreement not brought goes on the 一次性告知单', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('temporary-residence-registration', 'adult');
    await s.h1('您的常住户口在本市、县以外吗？');
    await s.choose('是，户口在外地');
    await s.next();
    await s.keys(keypadDate(testDay(-40)));
    await s.next();
    await s.h1('您在本地居住的详细地址');
    await s.type('北京市朝阳区示例路8号2单元301室');
    await s.next();
    await s.choose('租住的房屋');
    await s.next();
    await s.choose('务工、经商');
    await s.next();
    await s.keys('13800138000');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('房屋租赁合同', false);
    await s.next();
    await s.h1('请核对您的申请');
    await s.submit();
    await s.h1('提交成功');
    const notice = await page.getByTestId('one-time-notice').innerText();
    expect(notice).toContain('房屋租赁合同');
    const slip = await s.main();
    expect(slip).toContain('免费');
    expect(slip).toContain('当场办结');
    expect(slip).toContain('暂住登记凭证');
    await s.finish();
  });

  it('行驶证、登记证书补换领: both documents are ￥20.00; a plate with its province character is explained', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('vehicle-document-replacement', 'adult');
    await s.choose('两种都要');
    await s.next();
    await s.choose('丢失或灭失（补领）');
    await s.next();
    await s.h1('号牌号码（省份简称后的部分）');
    await s.keys('12345A');
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain('京A12345输入A12345');
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys('A12345');
    await s.next();
    await s.choose('是，我是车主');
    await s.next();
    await s.keys('13800138000');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('行驶证工本费');
    expect(review).toContain('登记证书工本费');
    expect(review).toContain('￥20.00');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toContain('补领后作废');
    expect(slip).toContain('12123');
    await s.finish();
  });

  it('遗失物品报失: a theft is sent to 110 with its article, and the notice prints', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('lost-property-report', 'adult');
    await s.h1('物品是丢失的，还是被盗、被抢？');
    await s.choose('被盗、被抢');
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain('请拨打110');
    await expect(page.locator('.field-basis').innerText()).resolves.toContain(
      '刑事诉讼法》第一百一十条',
    );
    await page.getByRole('button', { name: '打印一次性告知单' }).click();
    await page.getByText('告知单已打印，请从出纸口取走。').waitFor();
    await screenshot(page, 'portrait-26-lost-property-theft');
    // Lost after all: the journey goes on.
    await s.choose('丢失（遗忘、掉落）');
    await s.next();
    await s.h1('丢失的是什么？');
  });
});
