import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoConfig,
  launchChromium,
  openKioskPage,
  ROOT,
  screenshot,
  startKiosk,
  type RunningKiosk,
} from './harness';
import type { Browser, Page } from 'playwright-core';

/**
 * What a station's IT person does: copy the rules, change a fee and a
 * material, break another file by mistake, restart — the kiosk shows the
 * change, and the broken file never reaches citizens.
 */
describe('a station edits its rule files', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const rules = join(mkdtempSync(join(tmpdir(), 'station-rules-')), 'rules');
    cpSync(join(ROOT, 'rules', 'services'), join(rules, 'services'), { recursive: true });
    cpSync(join(ROOT, 'rules', 'common.json'), join(rules, 'common.json'));
    cpSync(join(ROOT, 'rules', 'calendar'), join(rules, 'calendar'), { recursive: true });
    const passportFile = join(rules, 'services', 'passport-first.json');
    const passport = JSON.parse(readFileSync(passportFile, 'utf8')) as {
      version: string;
      fee: { items: { amount: number }[] };
      materials: { id: string; requiredIf?: unknown }[];
    };
    passport.version = '2026.12.1-station';
    passport.fee.items[0]!.amount = 140;
    const employer = passport.materials.find((m) => m.id === 'employerOpinion')!;
    employer.requiredIf = true;
    writeFileSync(passportFile, JSON.stringify(passport, null, 2));
    writeFileSync(
      join(rules, 'services', 'no-criminal-record.json'),
      '{ "id": "no-criminal-record", ',
    );

    kiosk = await startKiosk({ config: demoConfig(), env: { KIOSK_RULES_DIR: rules } });
    browser = await launchChromium();
    page = await openKioskPage(browser, kiosk);
  });
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('leaves the broken file out and tells the technician which file and why', async () => {
    await expect(page.locator('[data-service="no-criminal-record"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-service="passport-first"]').count()).resolves.toBe(1);
    const call = (method: string, body: object = {}) =>
      page.evaluate(
        async ({ method, body }) => {
          const response = await fetch(`/api/${method}`, {
            method: 'POST',
            body: JSON.stringify(body),
          });
          return (await response.json()) as unknown;
        },
        { method, body },
      );
    // Which files are refused is for technicians, not for whoever stands at the screen.
    await expect(call('listRuleProblems')).resolves.toMatchObject({
      ok: false,
      error: { code: 'staff_locked' },
    });
    await expect(call('staffUnlock', { role: 'technician', pin: '246810' })).resolves.toMatchObject(
      { ok: true },
    );
    const problems = await call('listRuleProblems');
    await call('staffLock');
    expect(problems).toEqual({
      ok: true,
      value: [
        {
          file: 'services/no-criminal-record.json',
          action: 'refused',
          problems: [{ path: '$', message: expect.stringContaining('not valid JSON') }],
        },
      ],
    });
  });

  it('shows the new fee and the now-always-required material', async () => {
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('heading', { level: 1, name: '普通护照首次申请' }).waitFor();
    const guide = await page.locator('main').innerText();
    expect(guide).toContain('所在单位出具的意见');
    expect(guide).not.toMatch(/所在单位出具的意见[^\n]*视情况提交/);
    await page.getByRole('button', { name: '开始办理' }).click();
    await page.locator('[data-card="adult"]').click();
    await page.getByRole('button', { name: '信息无误，下一步' }).click();
    const next = () => page.getByRole('button', { name: '下一步', exact: true }).click();
    for (const digit of '13800138000')
      await page.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
    await next();
    await next();
    await next();
    await page.locator('.choices').getByText('不是', { exact: true }).click();
    await next();
    await page.locator('.choices').getByText('不需要加急', { exact: true }).click();
    await next();
    await page.locator('.choices').getByText('到窗口领取', { exact: true }).click();
    await next();
    await next();
    await page.getByRole('heading', { level: 1, name: '请准备以下材料' }).waitFor();
    await page.locator('.material-row').getByRole('button', { name: '带来了' }).click();
    await next();
    await page.getByRole('heading', { level: 1, name: '请核对您的申请' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('￥140.00');
    await screenshot(page, 'portrait-31-review-station-fee');
  });
});
