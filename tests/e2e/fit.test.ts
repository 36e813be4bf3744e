import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  demoConfig,
  launchChromium,
  screenshot,
  startKiosk,
  type RunningKiosk,
} from './harness';
import { fitProblems, oneViewProblems, setDemoDock, typingProblems } from './fit-check';
import { HANDWRITING } from '../system-tools';
import { recordJourneyToMaterials, steps, typeOnScreen } from './journey-steps';

/**
 * Every screen fits, at the four screens kiosks are sold with, in both modes:
 * the automated check walks a whole journey and fails on any control that is
 * covered (by the sticky action bar, an overlay), cut off, or labelled beyond
 * its box, and on a question that scrolls away while the citizen types.
 * Screenshots of every screen go to tests/artifacts/screenshots/fit-*.
 */
const SIZES = [
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x1024', width: 1280, height: 1024 },
  { name: '768x1366', width: 768, height: 1366 },
] as const;
const MODES = ['normal', 'elder'] as const;
/**
 * Where the whole catalogue cannot be in one view: twenty-four items at 长辈版's finger size
 * (80 px tiles, names on two lines) need seven rows in the 户籍 and 出入境 column of a 1024 px
 * screen. There the scroll cue says more lies below; everywhere else every tile is in view.
 */
const HOME_SCROLLS = new Set(['1280x1024/elder']);

let kiosk: RunningKiosk;
let browser: Browser;
beforeAll(async () => {
  // The printer asked for its status every second: its out-of-paper notice comes and goes at once.
  const config = demoConfig();
  config['devices'] = (config['devices'] as { kind: string }[]).map((d) =>
    d.kind === 'printer' ? { ...d, options: { statusIntervalMs: 1000 } } : d,
  );
  kiosk = await startKiosk({ config });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** Each walk starts with an empty reader, whatever the walk before it left there. */
async function freshHome(page: Page, mode: 'normal' | 'elder'): Promise<void> {
  await page.goto(kiosk.url);
  await steps(page).h1('您好！请选择要办理的业务');
  await page.getByTestId('demo-reader').waitFor();
  if ((await page.locator('[data-testid="demo-reader"][data-card-on-reader="true"]').count()) > 0)
    await page.getByRole('button', { name: '移走证件' }).click();
  await page.locator('[data-testid="demo-reader"][data-card-on-reader="false"]').waitFor();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  if (mode === 'elder') await page.getByRole('button', { name: '长辈版' }).click();
}

/** What a walk through the screens has at hand: its page, the citizen's moves, and the checks. */
interface Walk {
  readonly page: Page;
  readonly s: ReturnType<typeof steps>;
  /** Checks the screen as it stands (dock folded) and saves its screenshot. */
  readonly look: (screen: string) => Promise<void>;
  /** Checks that the question, its field and the keyboard are all in view while typing. */
  readonly typing: (screen: string) => Promise<void>;
  /** Checks that everything `selector` finds is on the first view, unscrolled. */
  readonly oneView: (screen: string, selector: string) => Promise<void>;
}

/**
 * One walk at one size and mode, in a fresh browser context from a home with
 * an empty reader: fails with every problem found, and leaves a screenshot of
 * where it stopped if a step fails.
 */
async function walk(
  size: (typeof SIZES)[number],
  mode: (typeof MODES)[number],
  prefix: string,
  body: (walk: Walk) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const folded = async (check: () => Promise<string[]>): Promise<void> => {
    await setDemoDock(page, false);
    problems.push(...(await check()));
  };
  const look = async (screen: string): Promise<void> => {
    await folded(() => fitProblems(page, `${prefix}${screen}`));
    await screenshot(page, `fit-${size.name}-${mode}-${prefix}${screen}`);
    await setDemoDock(page, true);
  };
  const typing = async (screen: string): Promise<void> => {
    await folded(() => typingProblems(page, `${prefix}${screen}`));
    await setDemoDock(page, true);
  };
  try {
    await freshHome(page, mode);
    await body({
      page,
      s: steps(page),
      look,
      typing,
      oneView: (screen, selector) =>
        folded(() => oneViewProblems(page, `${prefix}${screen}`, selector)),
    });
  } catch (error) {
    await screenshot(page, `fit-${size.name}-${mode}-${prefix}FAILED`);
    throw error;
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
}

describe.each(SIZES)('every screen fits at $name', (size) => {
  describe.each(MODES)('%s mode', (mode) => {
    it(
      'walks a whole journey with nothing covered, cut off or scrolled away',
      () =>
        walk(size, mode, '', async ({ page, s, look, typing, oneView }) => {
          if (HOME_SCROLLS.has(`${size.name}/${mode}`)) {
            // More lies below than this screen holds: the foot of the screen says so.
            await expect(page.getByTestId('scroll-cue').innerText()).resolves.toContain(
              '下面还有业务',
            );
          } else await oneView('01-home', '[data-service], [data-testid="check-status"]');
          await look('01-home');
          await page.locator('[data-service="id-card-renewal"]').click();
          await look('02-guide');
          await page.getByRole('button', { name: '开始办理' }).click();
          await s.h1('请放置身份证');
          await look('03-idcard');
          await page.locator('[data-card="adult"]').click();
          await s.h1('读取成功，请核对您的信息');
          await look('04-idcard-read');
          await page.getByRole('button', { name: '信息无误，下一步' }).click();
          await s.h1('您为什么要办理？');
          await look('05-question-choice');
          await s.renewalByPost();
          await look('06-keyboard');
          await typing('06-keyboard');
          for (const key of 'bei')
            await page
              .locator('.cn-keyboard')
              .getByRole('button', { name: key, exact: true })
              .click();
          await look('07-keyboard-candidates');
          await typing('07-keyboard-candidates');
          // 北 chosen from bei's candidates, so what follows types the same with or without zinnia.
          await typeOnScreen(page, [['', '北']]);
          // The pad only where the recognizer is installed (zinnia): no 手写 key otherwise.
          if (HANDWRITING) {
            await page.locator('.cn-keyboard').getByRole('button', { name: '手写' }).click();
            await look('08-handwriting');
            await page.locator('.cn-keyboard').getByRole('button', { name: '拼音' }).click();
          }
          await typeOnScreen(page, [['jing', '京']]);
          await page.locator('#answer').fill('北京市朝阳区建国路88号院3号楼2单元501');
          await s.next();
          await look('09-keypad');
          await typing('09-keypad');
          await s.keys('13900001234');
          await s.next();
          await s.h1(/您是否需要优先办理/);
          await look('10-question-green');
          await s.next();
          await s.h1('请核对您的申请');
          await look('11-review');
          await page.getByRole('button', { name: '返回首页' }).click();
          await page.getByRole('dialog', { name: '要放弃本次办理吗？' }).waitFor();
          await look('12-leave-dialog');
          await page.getByRole('button', { name: '继续办理' }).click();
          await s.submit();
          await s.h1('提交成功');
          await look('13-slip');
          await page.getByRole('button', { name: '完成，返回首页' }).click();
          await page.getByRole('alertdialog', { name: '请取走您的身份证' }).waitFor();
          await look('14-take-card');
          await page.getByRole('button', { name: '移走证件' }).click();
          await page.getByRole('alertdialog').waitFor({ state: 'detached' });
          await page.getByTestId('check-status').click();
          await page.locator('#status-number').waitFor();
          await look('15-status');
        }),
      120_000,
    );

    it(
      'walks an agent’s journey: a question refused, the materials, the review, the slip naming both',
      () =>
        walk(size, mode, 'agent-', async ({ page, s, look }) => {
          await s.start('no-criminal-record', 'elder');
          await s.choose('我受他人委托代办');
          await s.next();
          await s.next();
          await page.locator('.error-summary').waitFor();
          await look('01-question-refused');
          await s.abandon();
          await page.getByRole('button', { name: '移走证件' }).click();
          await page.getByRole('alertdialog').waitFor({ state: 'detached' });
          // The card's owner has gone: the kiosk is back to its usual mode for the next visitor.
          if (mode === 'elder') await page.getByRole('button', { name: '长辈版' }).click();
          await recordJourneyToMaterials(page);
          await look('02-materials');
          await s.declare('授权委托书', true);
          await s.declare('委托人居民身份证复印件', false);
          await look('03-materials-declared');
          await s.next();
          await s.h1('请核对您的申请');
          await look('04-review');
          await expect(page.locator('#review-applicant').innerText()).resolves.toBe(
            '代办人（您本人）',
          );
          // Each missing material once, not "委托人居民身份证复印件（委托人居民身份证复印件）".
          await expect(page.locator('.missing-list').innerText()).resolves.toBe(
            '委托人居民身份证复印件',
          );
          await s.submit();
          await s.h1('提交成功');
          await look('05-slip');
          // The slip is the principal's application, and names the agent who came.
          await expect(page.locator('[data-row="applicant"]').innerText()).resolves.toMatch(
            /申请人（委托人）\s*李\*红/,
          );
          await expect(page.locator('[data-row="agent"]').innerText()).resolves.toMatch(
            /代办人\s*李\*英/,
          );
          await setDemoDock(page, true);
          await s.finish();
        }),
      120_000,
    );

    it(
      'fits with the printer’s out-of-paper notice on the home screen, and while typing with the voice on',
      () =>
        walk(size, mode, 'paper-voice-', async ({ page, s, look, typing }) => {
          const paperOut = (on: boolean) =>
            callApi(page, 'demoSetFault', { deviceId: 'printer-1', fault: 'paperOut', on });
          const notice = page.getByText(/回执打印机暂时无法打印/);
          await paperOut(true);
          try {
            await notice.waitFor();
            await look('01-home-paper-out');
            // 长辈版 turned the voice on already.
            if (mode === 'normal') await page.getByRole('button', { name: '语音：关' }).click();
            await s.start('id-card-renewal', 'adult');
            await s.h1('您为什么要办理？');
            await s.renewalByPost();
            await look('02-keyboard-voice-on');
            await typing('02-keyboard-voice-on');
            await s.abandon();
            await page.getByRole('button', { name: '移走证件' }).click();
            await page.getByRole('alertdialog').waitFor({ state: 'detached' });
          } finally {
            await paperOut(false);
          }
          // The next walk starts from a home without the notice.
          await notice.waitFor({ state: 'detached' });
        }),
      120_000,
    );
  });
});
