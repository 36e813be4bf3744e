import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { HANDWRITING } from '../system-tools';
import { steps, typeOnScreen } from './journey-steps';

/**
 * Every name typeable on the kiosk's own keys, in a journey where there is no
 * card to read it from (居民身份证补领): 张 by pinyin, 玥 by pinyin (it was
 * missing), 𠮷 (outside GBK and the BMP) by its two parts on the 生僻字 page,
 * and 王 drawn on the handwriting pad and recognised offline.
 */

/** Draws a character on the pad from Make Me a Hanzi's stroke medians, as a finger would. */
async function draw(page: Page, char: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require(`hanzi-writer-data/${char}.json`) as { medians: [number, number][][] };
  const pad = page.getByTestId('handwriting-pad');
  const box = await pad.boundingBox();
  if (box === null) throw new Error('no handwriting pad');
  const at = ([x, y]: [number, number]): [number, number] => [
    box.x + (x / 1024) * box.width,
    box.y + ((900 - y) / 1024) * box.height,
  ];
  for (const median of data.medians) {
    const [first, ...rest] = median.map(at);
    if (first === undefined) continue;
    await page.mouse.move(...first);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(...point, { steps: 6 });
    await page.mouse.up();
  }
}

/** 张 and 玥 by pinyin, 𠮷 by its parts on the 生僻字 page; 王 on the pad where the recognizer is installed. */
async function nameByEveryPath(page: Page, shot: string): Promise<string> {
  const keyboard = page.locator('.cn-keyboard');
  await typeOnScreen(page, [
    ['zhang', '张'],
    ['yue', '玥'],
  ]);
  await keyboard.getByRole('button', { name: '生僻字' }).click();
  for (const key of 'tukou') await keyboard.getByRole('button', { name: key, exact: true }).click();
  await screenshot(page, `${shot}-rare`);
  await keyboard.locator('[data-candidate="𠮷"]').click();
  await keyboard.getByRole('button', { name: '拼音' }).click();
  if (!HANDWRITING) return '张玥𠮷';
  await keyboard.getByRole('button', { name: '手写' }).click();
  await draw(page, '王');
  const wang = keyboard.locator('[data-candidate="王"]');
  await wang.waitFor();
  await screenshot(page, `${shot}-handwriting`);
  await wang.click();
  return '张玥𠮷王';
}

describe('every name typeable', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  it('types 张玥𠮷(王) by pinyin, 生僻字 parts and (with zinnia) handwriting, and carries it to review and the slip', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-renewal', null);
    await page.getByRole('button', { name: '我没带身份证（证件丢失）' }).click();
    await s.h1('您的姓名');
    const name = await nameByEveryPath(page, 'portrait-80-keyboard');
    await expect(page.locator('#answer').inputValue()).resolves.toBe(name);
    await s.next();
    await s.h1('您的公民身份号码');
    await s.keys('110105198806150032');
    await s.next();
    await s.lostCardToReview('13600003333');
    await expect(s.main()).resolves.toContain(name);
    await s.submit();
    await s.h1('提交成功');
    await s.finish();
  });

  it('offers no 手写 key where the recognizer is not installed, rather than a pad that cannot answer', async ({
    skip,
  }) => {
    if (HANDWRITING) skip('zinnia is installed here: the journey above drew on the pad');
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-renewal', null);
    await page.getByRole('button', { name: '我没带身份证（证件丢失）' }).click();
    await s.h1('您的姓名');
    await expect(
      page.locator('.cn-keyboard').getByRole('button', { name: '手写' }).count(),
    ).resolves.toBe(0);
    await s.abandon();
  });

  it('in 长辈版 the pad and the 生僻字 page are as large and as usable', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-renewal', null);
    await page.getByRole('button', { name: '我没带身份证（证件丢失）' }).click();
    await s.h1('您的姓名');
    await page.getByRole('button', { name: '长辈版' }).click();
    const name = await nameByEveryPath(page, 'elder-80-keyboard');
    await expect(page.locator('#answer').inputValue()).resolves.toBe(name);
  });
});
