import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { keypadDate, testDay } from '../test-clock';
import { steps } from './journey-steps';

/**
 * One journey for each of the ten items added after the first six, to its slip
 * or its 一次性告知单, through the same generic screens. What each asserts is
 * what the citizen reads: the fee, the time limit, what the new document will
 * be, and every material still missing.
 */
describe('the ten further items in Chromium', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  async function submitted(page: Page): Promise<string> {
    const s = steps(page);
    await s.submit();
    await s.h1('提交成功');
    return s.main();
  }

  it('新生儿出生登记: the kiosk pre-fills; a missing card of the other parent goes on the 一次性告知单', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('birth-registration', 'adult');
    await s.choose('父亲');
    await s.next();
    await s.h1('孩子的姓名');
    await s.type('王小宝');
    await s.next();
    await s.choose('男');
    await s.next();
    await s.keys(keypadDate(testDay(-12)));
    await s.next();
    await s.h1('出生医学证明编号');
    await s.keys('1101234567'); // ten characters, but the letter is missing
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain(
      '1个大写字母加9位数字',
    );
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys('Q110123456');
    await s.next();
    await s.choose('随父亲落户');
    await s.next();
    await s.choose('已登记结婚');
    await s.next();
    await s.keys('13800138000');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('出生医学证明', true);
    await s.declare('落户一方的居民户口簿', true);
    await s.declare('父母双方的居民身份证', false);
    await s.declare('结婚证', true);
    await s.next();
    await s.h1('请核对您的申请');
    const slip = await submitted(page);
    const notice = await page.getByTestId('one-time-notice').innerText();
    expect(notice).toContain('父母双方的居民身份证');
    expect(notice).not.toContain('结婚证');
    expect(slip).toContain('待补正');
    expect(slip).toContain('免费');
    expect(slip).toContain('本回执是预填申请');
    await screenshot(page, 'portrait-40-birth-registration-notice');
    await s.finish();
  });

  it('死亡注销户口: a spouse reports; with the medical certificate the cremation one is not asked for', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('death-registration', 'elder');
    await s.h1('逝者的姓名');
    await s.type('王建华');
    await s.next();
    await s.keys('110102195003020020'); // the citizen's own number: refused with the file's words
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain(
      '这是您本人的身份号码',
    );
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys('110105194002030010');
    await s.next();
    await s.choose('配偶');
    await s.next();
    // What a clerk sees at a glance: a death before the birth in the number just typed,
    // and a year no certificate carries.
    await s.keys('19391231');
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain(
      '死亡日期早于逝者身份号码上的出生日期',
    );
    await screenshot(page, 'portrait-41-death-before-birth');
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys(`1${keypadDate(testDay(-3)).slice(1)}`);
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toMatch(
      /^1\d{3} 年不像这个日期的年份/,
    );
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys(keypadDate(testDay(-3)));
    await s.next();
    await s.choose('在，带来交回');
    await s.next();
    await s.keys('13900005555');
    // 76: in the green channel without being asked.
    await s.next();
    await s.h1('请准备以下材料');
    await s.declare('居民死亡医学证明（推断）书', true);
    await s.declare('火化证明', false);
    await s.declare('逝者所在户的居民户口簿', true);
    await s.declare('逝者的居民身份证', true);
    await s.next();
    const slip = await submitted(page);
    expect(slip).toContain('已提交，等待窗口审核');
    await expect(page.getByTestId('one-time-notice').count()).resolves.toBe(0);
    expect(slip).toContain('当场办结');
    await s.finish();
  });

  it('姓名变更: a parent for a child; the other parent’s consent is still missing', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('name-change', 'adult');
    await s.choose('我的未成年子女');
    await s.next();
    await s.type('王小明');
    await s.next();
    await s.keys('110105201408080045');
    await s.next();
    await s.h1('新的姓名');
    await s.type('王明轩');
    await s.next();
    await s.choose('重名、谐音不雅或生僻字影响生活');
    await s.next();
    await s.type('同班有三位同学同名');
    await s.next();
    await s.keys('13700001111');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('居民户口簿', true);
    await s.declare('父母双方同意变更姓名的书面意见', false);
    await s.next();
    const slip = await submitted(page);
    expect(await page.getByTestId('one-time-notice').innerText()).toContain(
      '父母双方同意变更姓名的书面意见',
    );
    expect(slip).toContain('20个工作日');
    expect(slip).toContain('请申请换领居民身份证');
    await s.finish();
  });

  it('居民身份证首次申领 by a guardian: free since 2018-04-01, and the child’s card is valid 5 years', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-first', 'adult');
    await s.h1('孩子的姓名');
    await s.type('王小宝');
    await s.next();
    await s.keys('110105201605200026');
    await s.next();
    await s.choose('是');
    await s.next();
    await s.keys('13600002222');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('居民户口簿', true);
    await s.next();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('免费');
    expect(review).not.toContain('￥20');
    expect(review).toContain('5年（未满16周岁）');
    const slip = await submitted(page);
    expect(slip).toContain('20个工作日');
    await s.finish();
  });

  it('居民身份证首次申领 at 16 without a card: typed from the 户口簿, and free', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-first', null);
    await page.getByRole('button', { name: '我还没有身份证（本人申领）' }).click();
    await s.h1('您的姓名');
    await s.type('王小丽');
    await s.next();
    await s.keys('110105201605200026'); // ten years old: the guardian applies
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain(
      '未满16周岁的，请由监护人',
    );
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys('110105201001100032');
    await s.next();
    await s.keys('13600002223');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('居民户口簿', true);
    await s.next();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('免费');
    expect(review).toContain('10年');
    await submitted(page);
    await page.getByRole('button', { name: '完成，返回首页' }).click();
    await s.h1('您好！请选择要办理的业务');
  });

  it('临时居民身份证 with an expired card: ￥10, made on the spot, valid 3 months', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('temporary-id-card', 'expired');
    await s.choose('已经申请，正在制证');
    await s.next();
    await s.keys('13500004444');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('居民户口簿', true);
    await s.declare('居民身份证受理回执', true);
    await s.next();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('￥10.00');
    expect(review).toContain('3个月，自签发之日起计算');
    const slip = await submitted(page);
    expect(slip).toContain('当场办结');
    await s.finish();
  });

  it('居住证申领: under six months is refused in the file’s words; a missing job proof is listed', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('residence-permit', 'polyphone');
    await s.h1('您从哪天起在本市居住？');
    await s.keys(keypadDate(testDay(-100)));
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain('居住满半年');
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys(keypadDate(testDay(-400)));
    await s.next();
    await s.choose('在本市有合法稳定就业');
    await s.next();
    await s.choose('租住的房屋');
    await s.next();
    await s.type('北京市朝阳区示例路8号2单元301室');
    await s.next();
    await s.keys('13700002222');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    // Renting: the tenancy contract; the property certificate and dormitory letter are not asked.
    await expect(s.main()).resolves.not.toContain('房屋产权证明');
    await s.declare('房屋租赁合同', true);
    await s.declare('劳动合同或用人单位出具的劳动关系证明', false);
    await s.declare('营业执照', false);
    await s.next();
    const slip = await submitted(page);
    expect(await page.getByTestId('one-time-notice').innerText()).toContain('就业证明');
    expect(slip).toContain('免费');
    expect(slip).toContain('15日（自窗口受理之日起计算）');
    await s.finish();
  });

  it('居住证签注 with nothing changed: free, on the spot', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('residence-permit-endorsement', 'polyphone');
    await s.h1('居住证编号');
    await s.keys('110105123456');
    await s.next();
    await s.choose('没有变化');
    await s.next();
    await s.keys('13700003333');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('居住证', true);
    await s.next();
    const slip = await submitted(page);
    expect(slip).toContain('免费');
    expect(slip).toContain('当场办结');
    await s.finish();
  });

  it('往来港澳通行证申请, renewing: ￥60 (发改价格〔2019〕914号), valid 10 years', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('hk-macau-permit', 'adult');
    await s.choose('到期换发');
    await s.next();
    await s.h1('原通行证号码');
    await s.keys('C12345678');
    await s.next();
    await s.choose('不是');
    await s.next();
    await s.h1('您是否因紧急事由需要加急办理？');
    await s.choose('不需要加急');
    await s.next();
    await s.choose('到窗口领取');
    await s.next();
    await s.keys('13800001234');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.declare('原往来港澳通行证', true);
    // The photo is taken (free) at the window: nothing for the citizen to bring or declare.
    await expect(page.getByTestId('portrait-state-photo').innerText()).resolves.toBe(
      '到窗口现场采集（免费）',
    );
    await s.next();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('￥60.00');
    expect(review).toContain('10年');
    const slip = await submitted(page);
    expect(slip).toContain('7个工作日');
    await s.finish();
  });

  it('普通护照换发补发 for a lost passport at 15: ￥120, 5 years, the old one void', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('passport-renewal', 'minor');
    // What a first passport asks of a child, a renewal asks too: who came with them.
    await s.h1('今天陪同孩子来办理的是');
    await s.choose('没有人陪同，孩子自己来的');
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toMatch(
      /须由监护人陪同.*请点「返回首页」结束/,
    );
    // The article that stops the child, under the refusal.
    await expect(page.locator('.field-basis').innerText()).resolves.toMatch(
      /^依据：\u2068《中华人民共和国普通护照和出入境通行证签发管理办法》第三条/,
    );
    await s.choose('监护人本人');
    await s.next();
    await s.h1('监护人的姓名');
    await s.type('欧阳大龙');
    await s.next();
    await s.keys('110105197503150014');
    await s.next();
    await s.h1('监护人与孩子的关系');
    await s.choose('父亲');
    await s.next();
    await s.choose('护照丢失或被盗');
    await s.next();
    await s.h1('大约哪天丢失的？');
    await s.keys(keypadDate(testDay(-20)));
    await s.next();
    // At 15 nobody is registered state personnel (the working age is 16): not asked.
    await s.h1('您是否因紧急事由需要加急办理？');
    await s.choose('不需要加急');
    await s.next();
    await s.h1('您想怎样拿到新护照？');
    await s.choose('到窗口领取');
    await s.next();
    await s.keys('13800004321');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await expect(s.main()).resolves.not.toContain('原护照');
    await expect(page.getByTestId('portrait-state-photo').innerText()).resolves.toBe(
      '到窗口现场采集（免费）',
    );
    await s.declare('监护人居民身份证', true);
    await s.declare('居民户口簿', true);
    await s.next();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('￥120.00');
    expect(review).toContain('5年');
    expect(review).toContain('报失后即作废');
    await submitted(page);
    await s.finish();
  });

  it('驾驶证遗失补领: not while seized; otherwise ￥10 and made on the spot', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('driving-licence-replacement', 'adult');
    await s.choose('是，被扣押、扣留或暂扣');
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain(
      '扣押、扣留或暂扣期间不能补领',
    );
    await s.choose('没有，是丢失了');
    await s.next();
    await s.keys('13800005678');
    await s.next();
    await s.pastGreenChannel();
    // Nothing to bring but the card the kiosk read: straight to the review.
    await s.h1('请核对您的申请');
    expect(await s.main()).toContain('￥10.00');
    const slip = await submitted(page);
    expect(slip).toContain('当场办结');
    await s.finish();
  });
});
