import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withBackOfficeAndKioskPage, withKioskPage } from './harness';
import { holdEmblem, typePin } from './staff-steps';

/**
 * 呼叫工作人员: a citizen asks for a hall guide from any screen; the kiosk says
 * help is coming, the back office hears it at once (a heartbeat, not the next
 * interval), the guide's queue view shows where the citizen is, and the guide
 * closes the call by coming. Audited, nothing personal.
 */

// One heartbeat at start, the next an hour later: any other is the call's own.
const ctx = withBackOfficeAndKioskPage({ heartbeatSeconds: 3600 });

type Beat = { helpRequested: { since: string; screen: string } | null };
const lastBeat = (): Beat | undefined => ctx.office.heartbeats().at(-1) as Beat | undefined;

describe('呼叫工作人员 (call staff)', () => {
  it('is on every citizen screen and tells the citizen help is coming', async () => {
    await expect.poll(() => ctx.office.heartbeats().length, { timeout: 15_000 }).toBe(1);
    expect(lastBeat()?.helpRequested).toBeNull();
    await ctx.page.locator('[data-service="passport-first"]').click();
    await ctx.page.getByRole('heading', { level: 1, name: '普通护照首次申请' }).waitFor();
    await ctx.page.getByTestId('call-staff').click();
    // 「已通知」 once the back office took it, not before.
    await expect
      .poll(() => ctx.page.getByTestId('help-called').innerText(), { timeout: 10_000 })
      .toBe('已通知工作人员，请在这里稍候');
    await expect(ctx.page.getByTestId('call-staff').count()).resolves.toBe(0);
    await screenshot(ctx.page, 'portrait-50-help-called');
  });

  it('reaches the back office at once, with the screen and no personal data', async () => {
    await expect.poll(() => lastBeat()?.helpRequested?.screen, { timeout: 10_000 }).toBe('guide');
    expect(ctx.office.heartbeats().length).toBe(2);
  });

  it('shows the call on the guide’s queue view until the guide says they came', async () => {
    await ctx.page.getByRole('button', { name: '返回首页' }).click();
    await ctx.page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
    // Still open on the home screen: the citizen waits where they are.
    await expect(ctx.page.getByTestId('help-called').count()).resolves.toBe(1);
    await holdEmblem(ctx.page);
    await typePin(ctx.page, '135790', '大厅引导员');
    await ctx.page.getByRole('heading', { level: 1, name: '申请上传队列' }).waitFor();
    const alert = ctx.page.getByTestId('help-alert');
    await expect(alert.innerText()).resolves.toContain('有群众在本机呼叫工作人员');
    await expect(alert.innerText()).resolves.toContain('在「办事指南」页面');
    await screenshot(ctx.page, 'portrait-51-help-queue-alert');
    await alert.getByRole('button', { name: '我已到场' }).click();
    await expect.poll(() => ctx.page.getByTestId('help-alert').count()).toBe(0);
    await expect.poll(() => lastBeat()?.helpRequested, { timeout: 10_000 }).toBeNull();
  });

  it('audits the call and its answer without personal data', () => {
    const dir = join(ctx.kiosk.dataDir, 'audit');
    const text = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const lines = text.split('\n').filter((l) => l.includes('"help.'));
    expect(lines.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual([
      'help.requested',
      'help.answered',
    ]);
    expect(lines[0]).toContain('"actor":"citizen"');
    expect(lines[1]).toContain('"actor":"guide"');
  });
});

describe('呼叫工作人员 where nothing can carry the call', () => {
  const alone = withKioskPage({ config: demoConfig() });

  it('says the call did not get through (no back office), never 「已通知」, and lets the citizen try again', async () => {
    const { page } = alone;
    await page.getByTestId('call-staff').click();
    const button = page.locator('[data-testid="call-staff"][data-delivery="not_sent"]');
    await expect(button.innerText()).resolves.toBe(
      '呼叫未能送达，请到窗口找工作人员（点此再呼叫）',
    );
    await expect(page.getByTestId('help-called').count()).resolves.toBe(0);
    await screenshot(page, 'portrait-52-help-not-sent');
    await button.click();
    await expect(button.count()).resolves.toBe(1);
  });
});
