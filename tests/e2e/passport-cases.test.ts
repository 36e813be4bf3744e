import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { steps } from './journey-steps';

/**
 * The passport cases a station meets beyond an adult with a card: a child with
 * no identity card yet (the household register), brought by someone the
 * guardian sent (委托陪同), who needs the passport urgently (加急). Every paper
 * still missing is on the slip at once, and so is what 加急 means.
 */
describe('passport cases (护照：无证儿童、委托陪同、加急)', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  const CHILD = '110105201105010015'; // 15 on the test clock's day
  const GUARDIAN = '110105197503150014';
  const COMPANION = '110105198002100021';

  it('says in the guide how to book, who may come with a child and when it can be expedited', async () => {
    const { page } = ctx;
    await page.locator('[data-service="passport-first"]').click();
    await steps(page).h1('普通护照首次申请');
    const guide = await page.locator('main').innerText();
    for (const expected of [
      '“移民局”App或拨打12367预约',
      '可以委托他人陪同，带上监护人的委托书',
      '凭居民户口簿申请',
      '批准加急的，5个工作日内',
      '《中华人民共和国护照法》第六条第四款',
      '《中华人民共和国普通护照和出入境通行证签发管理办法》第三条',
      '《中华人民共和国居民身份证法》第二条',
    ]) {
      expect(guide).toContain(expected);
    }
  });

  it('takes a child without a card by the household register, with a companion the guardian sent, expedited', async () => {
    const { page } = ctx;
    const s = steps(page);
    await page.getByRole('button', { name: '开始办理' }).click();
    await s.h1('请放置身份证');
    await page.getByRole('button', { name: '孩子还没有身份证（凭户口簿申请）' }).click();
    await s.h1('孩子的姓名');
    await s.type('欧阳小凤');
    await s.next();
    await s.h1('孩子的公民身份号码');
    await s.keys('110105198806150032'); // an adult's number: the card is the way in from 16
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain(
      '年满16周岁的，须持居民身份证申请',
    );
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys(CHILD);
    await s.next();
    // No card, so no address to read the province from: asked, once.
    await s.h1('孩子的户口在本省（自治区、直辖市）吗？');
    // No card was read: the journey's stage says the details were typed, not read.
    const stepper = page.getByTestId('journey-stepper');
    await expect(stepper.innerText()).resolves.toContain('填写身份信息');
    await expect(stepper.innerText()).resolves.not.toContain('读取身份证');
    await s.choose('在外省');
    await s.next();
    await s.h1('您的手机号码');
    await s.keys('13800138000');
    await s.next();
    // The pinyin comes from the typed name, as it would from a card, and the hint says so.
    await s.h1('姓的拼音');
    await expect(s.main()).resolves.toContain('已按姓名自动生成');
    await expect(s.main()).resolves.not.toContain('已根据身份证');
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('OUYANG');
    await s.next();
    await s.h1('名的拼音');
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('XIAOFENG');
    await s.next();
    await s.h1('今天陪同孩子来办理的是');
    // A child who came alone is stopped here, told why and how to stop, not at the review.
    await s.choose('没有人陪同，孩子自己来的');
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toMatch(
      /须由监护人陪同.*请点「返回首页」结束/,
    );
    // The article that stops the child, under the refusal.
    await expect(page.locator('.field-basis').innerText()).resolves.toMatch(
      /^依据：\u2068《中华人民共和国普通护照和出入境通行证签发管理办法》第三条/,
    );
    await s.h1('今天陪同孩子来办理的是');
    await screenshot(page, 'portrait-40-passport-child-alone');
    await s.choose('监护人委托的其他人');
    await screenshot(page, 'portrait-40-passport-companion');
    await s.next();
    await s.h1('监护人的姓名');
    await s.type('欧阳大龙');
    await s.next();
    await s.keys(GUARDIAN);
    await s.next();
    await s.h1('监护人与孩子的关系');
    await s.choose('父亲');
    await s.next();
    await s.h1('陪同人的姓名');
    await s.type('李秀兰');
    await s.next();
    await s.h1('陪同人的公民身份号码');
    await s.keys(GUARDIAN);
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain(
      '这是监护人的号码。监护人本人陪同的，请在上一题选“监护人本人”。',
    );
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys(COMPANION);
    await s.next();
    // A 15-year-old is not asked whether they are registered state personnel (no one works before 16).
    await s.h1('您是否因紧急事由需要加急办理？');
    await s.choose('出国留学，报到日期临近');
    await screenshot(page, 'portrait-41-passport-urgent');
    await s.next();
    await s.h1('您想怎样领取护照？');
    await s.choose('到窗口领取');
    await s.next();
    await s.pastGreenChannel();

    await s.h1('请准备以下材料');
    const list = await s.main();
    // Nothing the reader would have read: no card row; the household register instead.
    expect(list).not.toContain('本机已读取');
    await s.declare('居民户口簿', true);
    await s.declare('监护人居民身份证复印件', false);
    await s.declare('监护人出具的委托书', false);
    await s.declare('陪同人居民身份证', true);
    await s.declare('与加急事由相关的证明', false);
    await screenshot(page, 'portrait-42-passport-materials');
    await expect(page.getByRole('status').innerText()).resolves.toContain('还缺 3 项');
    await s.next();

    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('欧阳小凤');
    expect(review).toContain('经出入境管理部门审核批准的，自受理之日起5个工作日内');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    for (const expected of [
      '监护人居民身份证复印件',
      '监护人出具的委托书',
      '与加急事由相关的证明',
      '加急办理',
      '未获批准的，按普通时限办理',
      '跨省异地申请',
      // 日, not 工作日: the cross-province limit is counted in calendar days.
      '20日（自窗口受理之日起计算）',
    ]) {
      expect(slip).toContain(expected);
    }
    await screenshot(page, 'portrait-43-passport-child-slip');
    // The A4 form for signature has the guardian's line for a child.
    await expect(page.getByTestId('a4-guardian-signature').innerText()).resolves.toContain(
      '监护人签名',
    );
  });
});
