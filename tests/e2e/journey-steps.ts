import type { Page } from 'playwright-core';

/**
 * The moves a citizen makes on the kiosk, in the words of the screen, so a
 * journey test reads like what a person does.
 */
export function steps(page: Page) {
  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const next = () => page.getByRole('button', { name: '下一步', exact: true }).click();
  const choose = (label: string) =>
    page.locator('.choices').getByText(label, { exact: true }).click();
  const keys = async (text: string): Promise<void> => {
    for (const key of text)
      await page.locator('.keypad').getByRole('button', { name: key, exact: true }).click();
  };
  const declare = async (material: string, have: boolean): Promise<void> => {
    const row = page
      .locator('.material-row')
      .filter({ has: page.getByText(material, { exact: true }) });
    await row.getByRole('button', { name: have ? '带来了' : '现在没有' }).click();
  };
  return {
    h1,
    /** Home → guide → start → place a demo card → confirm the card. */
    async start(serviceId: string, cardId: string | null): Promise<void> {
      await page.locator(`[data-service="${serviceId}"]`).click();
      await page.getByRole('button', { name: '开始办理' }).click();
      await h1('请放置身份证');
      if (cardId === null) return;
      await page.locator(`[data-card="${cardId}"]`).click();
      await h1('读取成功，请核对您的信息');
      await page.getByRole('button', { name: '信息无误，下一步' }).click();
    },
    next,
    choose,
    keys,
    /** Chinese text: typed on a keyboard until the on-screen pinyin keyboard lands. */
    type: (text: string) => page.locator('#answer').fill(text),
    async region(...names: string[]): Promise<void> {
      for (const name of names)
        await page.locator('.region-grid').getByRole('button', { name, exact: true }).click();
    },
    declare,
    /** After the last question: the optional green-channel question every service shares, passed by. */
    async pastGreenChannel(): Promise<void> {
      await h1(/您是否需要优先办理/);
      await next();
    },
    /** 居民身份证换领: a damaged card, no temporary card, sent by post — up to the address screen. */
    async renewalByPost(): Promise<void> {
      await choose('证件损坏');
      await next();
      await choose('不需要');
      await next();
      await choose('邮寄到家');
      await next();
      await h1('邮寄地址');
    },
    /** 居民身份证补领 after name and ID number are typed: registered in this province, lost, collected at the window, 户口簿 brought — up to review. */
    async lostCardToReview(mobile: string): Promise<void> {
      // No card, so no address to read the province from: asked.
      await h1('您的户口在本省（自治区、直辖市）吗？');
      await choose('在本省');
      await next();
      await h1('您为什么要办理？');
      await choose('证件丢失');
      await next();
      await choose('不需要');
      await next();
      await choose('到窗口领取');
      await next();
      await keys(mobile);
      await next();
      await next();
      await h1('请准备以下材料');
      await declare('居民户口簿', true);
      await next();
      await h1('请核对您的申请');
    },
    /** 清空 on the screen keyboard: the field starts over. */
    clearText: () =>
      page.locator('.cn-keyboard').getByRole('button', { name: '清空', exact: true }).click(),
    submit: () => page.getByRole('button', { name: '确认提交' }).click(),
    /** 返回首页 mid-journey, and yes to 放弃办理 when the kiosk asks: back home. */
    async abandon(): Promise<void> {
      await page.getByRole('button', { name: '返回首页' }).click();
      await page
        .getByRole('dialog', { name: '要放弃本次办理吗？' })
        .getByRole('button', { name: '放弃办理，返回首页' })
        .click();
      await h1('您好！请选择要办理的业务');
    },
    /** Done: the citizen takes the card off the reader and the kiosk goes home. */
    async finish(): Promise<void> {
      await page.getByRole('button', { name: '移走证件' }).click();
      // The card is lifted and the kiosk has noticed: no "请取走您的身份证" after 完成.
      await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
      await page.getByRole('button', { name: '完成，返回首页' }).click();
      await h1('您好！请选择要办理的业务');
    },
    main: () => page.locator('main').innerText(),
  };
}

/** The 无犯罪记录证明 journey an elderly agent makes for someone else: its personal data, to look for where it must not be. */
export const RECORD_JOURNEY = {
  citizen: '李秀英',
  citizenId: '110102195003020020',
  principal: '李小红',
  principalId: '11010519491231002X',
  phone: '13900005555',
} as const;

/** Home → … → the materials screen of RECORD_JOURNEY. */
export async function recordJourneyToMaterials(page: Page): Promise<void> {
  const s = steps(page);
  await s.start('no-criminal-record', 'elder');
  await s.choose('我受他人委托代办');
  await s.next();
  await s.type(RECORD_JOURNEY.principal);
  await s.next();
  await s.keys(RECORD_JOURNEY.principalId);
  await s.next();
  await s.choose('出国（境）留学、签证、移民');
  await s.next();
  await s.keys(RECORD_JOURNEY.phone);
  // 76: in the green channel without being asked.
  await s.next();
  await s.h1('请准备以下材料');
}

/** Home → … → the review screen of RECORD_JOURNEY. */
export async function recordJourneyToReview(page: Page): Promise<void> {
  const s = steps(page);
  await recordJourneyToMaterials(page);
  await s.declare('授权委托书', true);
  await s.declare('委托人居民身份证复印件', true);
  await s.next();
  await s.h1('请核对您的申请');
}

/** RECORD_JOURNEY submitted and finished; returns the slip's application number. */
export async function applyForRecord(page: Page): Promise<string> {
  const s = steps(page);
  await recordJourneyToReview(page);
  await s.submit();
  await s.h1('提交成功');
  const applicationNo = await page.getByTestId('application-no').innerText();
  await s.finish();
  return applicationNo;
}

/**
 * Types Chinese on the on-screen keyboard only: for each [pinyin, wanted] pair,
 * taps the letters, then the wanted candidate (turning candidate pages if it is
 * not on the first). Digits and marks go through the 数字符号 page.
 */
export async function typeOnScreen(
  page: Page,
  parts: readonly (readonly [string, string])[],
): Promise<void> {
  const keyboard = page.locator('.cn-keyboard');
  for (const [letters, wanted] of parts) {
    if (/^[0-9#·\-（）]+$/.test(letters)) {
      await keyboard.getByRole('button', { name: '数字符号' }).click();
      for (const key of letters)
        await keyboard.getByRole('button', { name: key, exact: true }).click();
      await keyboard.getByRole('button', { name: '拼音' }).click();
      continue;
    }
    for (const key of letters) {
      await keyboard
        .getByRole('button', { name: key === 'v' ? 'ü（拼音 v）' : key, exact: true })
        .click();
    }
    const candidate = keyboard.locator(`[data-candidate="${wanted}"]`);
    // The first page first: right after the page opens the keyboard's dictionary may still be
    // loading (a lazy chunk), and paging through an empty bar would wait on a disabled key.
    await keyboard.locator('[data-candidate]').first().waitFor();
    for (let turn = 0; turn < 12 && (await candidate.count()) === 0; turn += 1) {
      await keyboard.getByRole('button', { name: '下一页候选字' }).click();
    }
    await candidate.click();
  }
}
