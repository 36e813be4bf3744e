import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, type Mode } from './axe-check';
import { withDocumentCamera, withKioskPage } from './harness';
import { recordJourneyToMaterials, steps } from './journey-steps';

/** The interactive elements of the citizen's screen, in DOM order, as Tab should visit them. */
function tabStops(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, a[href], input, textarea, select, [tabindex]:not([tabindex="-1"])',
      ),
    ]
      .filter(
        (el) =>
          el.closest('.demo-dock') === null &&
          el.offsetParent !== null &&
          !(el as HTMLButtonElement).disabled &&
          el.tabIndex >= 0,
      )
      // A radio group is one stop (arrow keys move inside it): its checked radio, else its first.
      .filter((el, _, all) => {
        if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
        const group = all.filter(
          (o): o is HTMLInputElement =>
            o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name,
        );
        return el === (group.find((o) => o.checked) ?? group[0]);
      })
      .map((el) => el.outerHTML.slice(0, 300)),
  );
}

/**
 * Focuses the first stop, then presses Tab until focus leaves the citizen's
 * screen (or comes round again); returns what it visited, in order.
 */
async function tabThrough(page: Page, first: string, limit: number): Promise<string[]> {
  await page.evaluate((html) => {
    for (const el of document.querySelectorAll<HTMLElement>('*'))
      if (el.outerHTML.slice(0, 300) === html) return el.focus();
  }, first);
  const visited: string[] = [first];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null || el === document.body || el.closest('.demo-dock') !== null) return null;
      return el.outerHTML.slice(0, 300);
    });
    if (here === null) break;
    if (visited.includes(here)) break;
    visited.push(here);
  }
  return visited;
}

describe.each<Mode>(['normal', 'elder'])(
  'accessibility of every citizen screen (%s mode)',
  (mode) => {
    const ctx = withKioskPage(withDocumentCamera());
    const problems: string[] = [];
    /** 长辈版 ends with each session (the next visitor gets the normal kiosk): switch it on again. */
    const enterMode = async (): Promise<void> => {
      const page = ctx.page;
      if (mode === 'elder' && (await page.locator('html').getAttribute('data-mode')) !== 'elder') {
        await page.getByRole('button', { name: '长辈版' }).click();
        await expect(page.locator('html').getAttribute('data-mode')).resolves.toBe('elder');
      }
    };
    const check = async (screen: string) => problems.push(...(await axe(ctx.page, mode, screen)));
    /** Each walk answers for its own screens, so a walk run alone still checks something. */
    const noFindings = (): void => {
      expect(problems.splice(0)).toEqual([]);
    };

    it('home, guide, card, the questions, review and slip', async () => {
      const { page } = ctx;
      const s = steps(page);
      await enterMode();
      await check('home');
      await page.locator('[data-service="id-card-renewal"]').click();
      await check('guide');
      await page.getByRole('button', { name: '开始办理' }).click();
      await s.h1('请放置身份证');
      await check('idcard-wait');
      await page.locator('[data-card="adult"]').click();
      await s.h1('读取成功，请核对您的信息');
      await check('idcard-read');
      await page.getByRole('button', { name: '信息无误，下一步' }).click();
      await s.h1('您为什么要办理？');
      await check('question-choice');
      await s.next();
      await page.locator('.error-summary').waitFor();
      await check('question-error');
      await s.renewalByPost();
      await check('question-keyboard');
      for (const key of 'bei')
        await page.locator('.cn-keyboard').getByRole('button', { name: key, exact: true }).click();
      await check('question-keyboard-candidates');
      await page.locator('.cn-keyboard [data-candidate]').first().click();
      await s.next();
      await check('question-keypad');
      await s.keys('13900001234');
      await s.next();
      await s.h1(/您是否需要优先办理/);
      await s.next();
      await s.h1('请核对您的申请');
      await check('review');
      await s.submit();
      await s.h1('提交成功');
      await check('slip');
      await s.finish();
      noFindings();
    });

    it('materials, the camera, and the leave dialog', async () => {
      const { page } = ctx;
      const s = steps(page);
      await enterMode();
      await recordJourneyToMaterials(page);
      await check('materials');
      await page.getByTestId('photograph-powerOfAttorney').click();
      await expect
        .poll(() => page.getByRole('button', { name: '拍照' }).isEnabled(), { timeout: 10_000 })
        .toBe(true);
      await check('camera-live');
      await page.getByRole('button', { name: '拍照' }).click();
      await page.getByTestId('camera-photo').waitFor();
      await check('camera-review');
      await page.getByRole('button', { name: '返回首页' }).click();
      const dialog = page.getByRole('dialog', { name: '要放弃本次办理吗？' });
      await dialog.waitFor();
      await check('leave-dialog');
      await dialog.getByRole('button', { name: '放弃办理，返回首页' }).click();
      await s.h1('您好！请选择要办理的业务');
      // The card was left on the reader: the prompt to take it is checked too, then the card lifted.
      const takeCard = page.getByRole('alertdialog', { name: '请取走您的身份证' });
      await takeCard.waitFor();
      await check('take-card');
      await page.getByRole('button', { name: '移走证件' }).click();
      await takeCard.waitFor({ state: 'detached' });
      noFindings();
    });

    it('status lookup', async () => {
      const { page } = ctx;
      await enterMode();
      await page.getByTestId('check-status').click();
      await page.locator('#status-number').waitFor();
      await check('status-entry');
      await page.locator('#status-number').fill('20261127-ABCDEF-0');
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await page.getByRole('alert').waitFor();
      await check('status-bad-number');
      await page.getByRole('button', { name: '返回首页' }).click();
      noFindings();
    });

    it('lets an assistive keypad reach every action with Tab, in reading order', async () => {
      const { page } = ctx;
      const s = steps(page);
      await s.h1('您好！请选择要办理的业务');
      await enterMode();
      const expected = await tabStops(page);
      expect(expected.length).toBeGreaterThan(3);
      await expect(tabThrough(page, expected[0]!, expected.length + 5)).resolves.toEqual(expected);

      // A journey worked by keyboard alone. Each new screen puts focus on its
      // heading first (the top of the reading order); then Tab/Space/Enter.
      const headingFocused = () =>
        expect
          .poll(() =>
            page.evaluate(() => document.activeElement?.closest('#screen-title') !== null),
          )
          .toBe(true);
      const press = async (target: Locator, key: string): Promise<void> => {
        await target.focus();
        await page.keyboard.press(key);
      };
      await press(page.locator('[data-service="id-card-renewal"]'), 'Enter');
      await s.h1('居民身份证换领、补领');
      await headingFocused();
      await press(page.getByRole('button', { name: '开始办理' }), 'Enter');
      await s.h1('请放置身份证');
      await page.locator('[data-card="adult"]').click();
      await s.h1('读取成功，请核对您的信息');
      await headingFocused();
      const cardStops = await tabStops(page);
      await expect(tabThrough(page, cardStops[0]!, cardStops.length + 5)).resolves.toEqual(
        cardStops,
      );
      await press(page.getByRole('button', { name: '信息无误，下一步' }), 'Enter');
      await s.h1('您为什么要办理？');
      await headingFocused();
      const questionStops = await tabStops(page);
      await expect(tabThrough(page, questionStops[0]!, questionStops.length + 5)).resolves.toEqual(
        questionStops,
      );
      await page.getByRole('radio', { name: '证件损坏' }).focus();
      await page.keyboard.press('Space');
      await expect(page.getByRole('radio', { name: '证件损坏' }).isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: '下一步', exact: true }).focus();
      await page.keyboard.press('Enter');
      await s.h1('新证制好前，需要办理临时居民身份证吗？');
    });
  },
);
