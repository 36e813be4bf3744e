import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { keypadDate, testDay } from '../test-clock';
import { steps } from './journey-steps';

/**
 * One journey for each of the other five sample items, through the one generic
 * journey the rule files drive: no screen knows which service it shows.
 */
describe('the six sample items in Chromium', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  it('户口迁移: missing materials still submit, as 待补正 with the 一次性告知单 listing every one', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('hukou-move-in', 'adult');
    await s.h1('您迁入户口的原因是');
    await s.choose('投靠配偶');
    await s.next();
    // 当场 follows whether approval is awaited, not the reason.
    await s.h1('您的迁入需要迁入地公安机关审批吗？');
    await s.choose('不需要审批');
    await s.next();
    await s.choose('是，迁入他人户内');
    await s.next();
    await s.h1('收户人（户主）的姓名');
    await s.type('李华');
    await s.next();
    await s.type('夫'); // He joins his wife's household: to its head he is 夫.
    await s.next();
    await s.h1('您现在的户口所在地（迁出地）');
    // Pre-selected from the card's address: 北京市朝阳区.
    await expect(page.locator('.region-chosen-name').innerText()).resolves.toBe('北京市朝阳区');
    await screenshot(page, 'portrait-20-question-region');
    await page.getByRole('button', { name: '重新选择' }).click();
    await s.region('辽宁省', '沈阳市');
    await screenshot(page, 'portrait-21-region-picker');
    await s.region('和平区');
    await expect(page.locator('.region-chosen-name').innerText()).resolves.toBe(
      '辽宁省沈阳市和平区',
    );
    await s.next();
    await s.type('北京市朝阳区示例路8号2单元301室');
    await s.next();
    await s.keys('13800138000');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请准备以下材料');
    await s.next();
    // Every material must be answered before going on: the summary says which.
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('申请人户口簿');
    await s.declare('申请人户口簿', true);
    await s.declare('收户人户口簿', true);
    await s.declare('户主同意迁入的书面意见', false);
    await s.declare('结婚证', false);
    await expect(page.getByRole('status').innerText()).resolves.toContain('还缺 2 项');
    await screenshot(page, 'portrait-22-materials');
    await s.next();
    await s.h1('请核对您的申请');
    await expect(s.main()).resolves.toContain('还缺的材料');
    await screenshot(page, 'portrait-23-review-missing');
    await s.submit();
    await s.h1('提交成功');
    const notice = await page.getByTestId('one-time-notice').innerText();
    expect(notice).toContain('一次性告知单');
    expect(notice).toContain('户主同意迁入的书面意见');
    expect(notice).toContain('结婚证');
    const text = await s.main();
    expect(text).toContain('待补正');
    expect(text).toContain('免费');
    expect(text).toContain('当场办结');
    await screenshot(page, 'portrait-24-slip-one-time-notice');
    const applicationNo = await page.getByTestId('application-no').innerText();
    const db = new DatabaseSync(join(ctx.kiosk.dataDir, 'kiosk.sqlite'), { readOnly: true });
    const row = db
      .prepare('SELECT status, service_id FROM applications WHERE application_no = ?')
      .get(applicationNo);
    db.close();
    expect(row).toEqual({ status: 'pending_completion', service_id: 'hukou-move-in' });
    await s.finish();
  });

  it('往来港澳通行证签注: a multiple-trip endorsement is ￥80 for each of Hong Kong and Macao', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('hk-macau-endorsement', 'polyphone');
    await s.h1('往来港澳通行证号码');
    await s.keys('C12345678');
    await s.next();
    await s.h1('通行证有效期至');
    // Two months left on the kiosk's clock: under the 3 months the rule file asks for.
    await s.keys(keypadDate(testDay(60)));
    await s.next();
    // A permit expiring within 3 months is refused with the rule file's own words.
    await expect(page.locator('.field-error').innerText()).resolves.toContain('不足3个月');
    await expect(page.locator('.field-basis').innerText()).resolves.toContain('签注服务指南');
    await screenshot(page, 'portrait-25-question-date-check');
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys(keypadDate(testDay(3 * 365)));
    await s.next();
    await s.choose('探亲（T）');
    await s.next();
    // Whom the citizen visits decides the trips offered (国家移民管理局's guide).
    await s.h1('您去香港、澳门探望谁？');
    await s.choose('配偶');
    await s.next();
    await s.h1('您以前办理过这种签注吗？');
    await s.choose('没有办理过（首次签注）');
    await s.next();
    await s.choose('香港和澳门');
    await s.next();
    await s.h1('签注的次数和有效期');
    const offered = await page.locator('.choices').innerText();
    expect(offered).not.toContain('一年两次');
    expect(offered).toContain('三个月多次');
    await s.choose('一年多次');
    await s.next();
    await s.keys('13700001111');
    await s.next();
    await s.next();
    await s.h1('请准备以下材料');
    await s.declare('电子往来港澳通行证', true);
    await s.declare('港澳亲属的身份证明和亲属关系证明', true);
    await s.next();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('香港多次有效签注（一年以内）');
    expect(review).toContain('澳门多次有效签注（一年以内）');
    expect(review).toContain('￥160.00');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toContain('探亲（T）签注');
    expect(slip).toContain('￥160.00');
    expect(slip).toContain('已提交，等待窗口审核');
    await expect(page.getByTestId('one-time-notice').count()).resolves.toBe(0);
    await s.finish();
  });

  it('居民身份证换领: an expired card is welcome here; the new card’s validity follows the age', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-renewal', 'expired');
    await s.h1('您为什么要办理？');
    await expect(page.locator('.choices').innerText()).resolves.not.toContain('证件丢失');
    await s.choose('有效期快到了或已过期');
    await s.next();
    await s.h1('您是否属于下列可以免收工本费的情形？');
    await s.choose('都不属于');
    await s.next();
    await s.choose('需要');
    await s.next();
    await s.choose('到窗口领取');
    await s.next();
    await s.keys('13600002222');
    await s.next();
    await s.next();
    // Nothing to bring but the card the kiosk read: straight to the review.
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('换领工本费');
    expect(review).toContain('临时居民身份证工本费');
    expect(review).toContain('￥30.00');
    expect(review).toMatch(/新证有效期\s*长期/);
    await s.submit();
    await s.h1('提交成功');
    await expect(s.main()).resolves.toMatch(/新证有效期\s*长期/);
    await s.finish();
  });

  it('居民身份证补领: without the card, name and ID number are typed and checked', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-renewal', null);
    await screenshot(page, 'portrait-26-idcard-no-card-option');
    await page.getByRole('button', { name: '我没带身份证（证件丢失）' }).click();
    await s.h1('您的姓名');
    await s.type('王晓明');
    await s.next();
    await s.h1('您的公民身份号码');
    await s.keys('110105198806150033');
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain('请对照证件逐位核对');
    // An answer to correct is not a refusal: no article under it.
    await expect(page.locator('.field-basis').count()).resolves.toBe(0);
    await screenshot(page, 'portrait-27-question-id-number-error');
    await page.locator('.keypad').getByRole('button', { name: '删除' }).click();
    await s.keys('2');
    await s.next();
    await s.lostCardToReview('13600003333');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toContain('￥40.00');
    expect(slip).toContain('王*明');
    await s.finish();
  });

  it('居民身份证换领 for a household in another province (异地受理): the legal 60 days, no extra fee', async () => {
    const { page } = ctx;
    const s = steps(page);
    // 赵建国's card gives an address in Hebei; the demo station is in Beijing.
    await s.start('id-card-renewal', 'expired');
    await s.renewalByPost();
    await s.next();
    await s.keys('13700002222');
    await s.next();
    await s.pastGreenChannel();
    await s.h1('请核对您的申请');
    const review = await s.main();
    expect(review).toContain('60日（自窗口受理之日起计算）');
    expect(review).toContain('异地受理');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toContain('户籍地公安机关审核签发后，由本所制作发放，不另收费');
    expect(slip).toContain('60日（自窗口受理之日起计算）');
    expect(slip).toContain('￥40.00');
    await screenshot(page, 'portrait-29b-id-card-cross-province-slip');
    await s.finish();
  });

  it('机动车驾驶证期满换证: too early is explained; in the 90-day window it is done the same day for ￥10', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('driving-licence-renewal', 'adult');
    await s.h1('驾驶证有效期截止日期');
    // 200 days ahead: before the 90-day renewal window opens.
    await s.keys(keypadDate(testDay(200)));
    await s.next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain('有效期满前90天内');
    await expect(page.locator('.field-basis').innerText()).resolves.toContain('公安部令第162号');
    await page.locator('.keypad').getByRole('button', { name: '清空' }).click();
    await s.keys(keypadDate(testDay(40)));
    await s.next();
    await s.choose('C1 小型汽车');
    await s.next();
    await s.choose('我带纸质证明');
    await s.next();
    await s.choose('当场领取');
    await s.next();
    await s.keys('13500004444');
    await s.next();
    await s.next();
    await s.declare('机动车驾驶证', true);
    await s.declare('机动车驾驶人身体条件证明', true);
    await s.next();
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toContain('￥10.00');
    expect(slip).toMatch(/办理时限\s*窗口受理后当场办结/);
    await s.finish();
  });

  it('无犯罪记录证明: an elderly agent applies for someone else; free, 3 working days, green channel', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('no-criminal-record', 'elder');
    await s.choose('我受他人委托代办');
    await s.next();
    await s.type('李小红');
    await s.next();
    await s.keys('11010519491231002X');
    await s.next();
    await s.choose('出国（境）留学、签证、移民');
    await s.next();
    await s.keys('13900005555');
    await s.next();
    // 76: in the green channel without being asked.
    await s.declare('授权委托书', true);
    await s.declare('委托人居民身份证复印件', true);
    await s.next();
    await s.h1('请核对您的申请');
    await expect(s.main()).resolves.toContain('年满70周岁');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toContain('免费');
    expect(slip).toContain('3个工作日');
    expect(slip).toMatch(/绿色通道\s*年满70周岁/);
    await screenshot(page, 'portrait-28-slip-green-channel');
    await s.finish();
  });

  it('搜索业务: hz on the screen keypad finds 护照 first, and a match opens its guide', async () => {
    const { page } = ctx;
    await page.getByTestId('search-open').click();
    const search = page.getByTestId('service-search');
    for (const key of ['H', 'Z'])
      await search.locator('.keypad').getByRole('button', { name: key, exact: true }).click();
    await expect(page.getByTestId('search-query').innerText()).resolves.toBe('hz');
    const results = page.getByTestId('search-results').locator('[data-service]');
    await expect
      .poll(() => results.evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-service'))))
      .toEqual([
        'passport-first',
        'passport-renewal',
        'driving-licence-deferral',
        'driving-licence-renewal',
      ]);
    await screenshot(page, 'portrait-30-search-hz');
    const elder = page.getByRole('button', { name: '长辈版', exact: true });
    await elder.click();
    await screenshot(page, 'portrait-30-search-hz-elder');
    await elder.click();
    // Letters that match nothing say so, with a way on.
    await search.locator('.keypad').getByRole('button', { name: 'Q', exact: true }).click();
    await expect(search.innerText()).resolves.toContain('没有找到相关业务');
    await search.locator('.keypad').getByRole('button', { name: '删除', exact: true }).click();
    await results.first().click();
    await steps(page).h1('普通护照首次申请');
    await page.getByRole('button', { name: '返回首页' }).click();
    await steps(page).h1('您好！请选择要办理的业务');
  });

  it('shows every service on the home screen and the public guide with every field', async () => {
    const { page } = ctx;
    const rules = [
      'hukou-move-in',
      'id-card-renewal',
      'passport-first',
      'hk-macau-endorsement',
      'driving-licence-renewal',
      'no-criminal-record',
    ];
    for (const id of rules)
      await expect(page.locator(`[data-service="${id}"]`).count()).resolves.toBe(1);
    await screenshot(page, 'portrait-29-home-all-items');
    await page.locator('[data-service="hukou-move-in"]').click();
    await steps(page).h1('户口迁移（迁入）');
    const guide = await page.locator('main').innerText();
    const rule = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'rules', 'services', 'hukou-move-in.json'), 'utf8'),
    ) as {
      guide: { legalBasis: { 'zh-CN': string }[]; consultPhone?: string; complaintPhone: string };
    };
    for (const heading of [
      '适用对象',
      '办理条件',
      '申请材料',
      '办理流程',
      '办理时限',
      '收费标准',
      '设定依据',
      '办理地点',
      '咨询电话',
      '监督投诉电话',
      '到现场次数',
    ]) {
      expect(guide).toContain(heading);
    }
    expect(guide).toContain(rule.guide.legalBasis[0]!['zh-CN']);
    // No hotline in the rule file: the station's own number (never 110).
    expect(rule.guide.consultPhone).toBeUndefined();
    expect(guide).toMatch(/咨询电话\s*010-00000000/);
    expect(guide).toContain('出生医学证明或亲属关系证明（任选一项）');
    await screenshot(page, 'portrait-30-guide-hukou');
    await page.getByRole('button', { name: '返回首页' }).click();
  });
});
