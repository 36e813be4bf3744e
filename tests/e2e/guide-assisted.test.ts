import { sleep } from '../sleep';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { steps } from './journey-steps';
import { holdEmblem, typePin } from './staff-steps';

const CITIZEN = '王晓明';
const SERVICE = '居民身份证换领、补领';

/** The text of every page of a PDF, as pdf.js reads it. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages.join('\n');
}

/**
 * A hall guide helps a citizen on crutches renew his ID card: signs in with
 * the guide PIN (after a colleague's wrong guesses locked it), fills in for
 * him, skips the optional question, marks the green channel with a reason,
 * and the citizen keeps his screen. The review, the slip, the A4 form and the
 * audit log all say a guide helped.
 */
describe('guide-assisted green-channel journey', () => {
  const ctx = withKioskPage({
    // Short lockouts so the test can watch one pass and double; long enough that typing the
    // right PIN on a busy machine (seconds, under faketime in CI) still meets the first one.
    config: demoConfig({
      staff: {
        ...(demoConfig()['staff'] as Record<string, unknown>),
        firstLockoutSeconds: 8,
      },
    }),
  });
  const dialog = () => ctx.page.getByRole('dialog', { name: '工作人员登录' });
  const alert = () => dialog().getByRole('alert').innerText();

  it('locks guide sign-in after three wrong PINs, doubling, and refuses the right PIN meanwhile', async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.start('id-card-renewal', 'adult');
    await s.h1('您为什么要办理？');
    await holdEmblem(page);
    await typePin(page, '111111', '大厅引导员');
    await expect(alert()).resolves.toContain('密码不对，还可以再试 2 次');
    await typePin(page, '222222');
    await expect(alert()).resolves.toContain('还可以再试 1 次');
    await typePin(page, '333333');
    await expect(alert()).resolves.toMatch(/密码错误次数太多，请 8 秒后再试/);
    await typePin(page, '135790');
    await expect(alert()).resolves.toMatch(/密码错误次数太多/);
    await screenshot(page, 'portrait-80-guide-locked-out');
    await sleep(8_200, 'the lockout runs on the kiosk process clock');
    await typePin(page, '444444');
    await expect(alert()).resolves.toMatch(/请 16 秒后再试/);
    await sleep(16_200, 'the lockout runs on the kiosk process clock');
    await typePin(page, '135790');
    await expect(dialog().count()).resolves.toBe(0);
    // The guide's drawer opens beside the citizen's question, which stays.
    await page.getByTestId('guide-panel').waitFor();
    await s.h1('您为什么要办理？');
    await screenshot(page, 'portrait-81-guide-panel');
  });

  it('fills in for him, skips the optional question and marks the green channel', async () => {
    const { page } = ctx;
    const s = steps(page);
    await page.getByTestId('guide-fill').click();
    await page.getByText('工作人员正在为您代为填写。').waitFor();
    await page.getByTestId('guide-skip').click();
    await expect
      .poll(() => page.getByTestId('guide-skip').getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByTestId('guide-green').click();
    await page.locator('[data-reason="mobility"]').click();
    await expect
      .poll(() => page.getByTestId('guide-green').innerText())
      .toContain('已标记绿色通道');
    await screenshot(page, 'portrait-82-guide-green-channel');
    // Folded to a tab, the citizen has the screen back.
    await page.getByTestId('guide-panel').getByRole('button', { name: '收起' }).click();
    await page.getByTestId('guide-tab').waitFor();
    await expect(page.getByTestId('guide-panel').count()).resolves.toBe(0);
    await screenshot(page, 'portrait-83-guide-folded');

    await s.choose('证件损坏');
    await s.next();
    await s.choose('不需要');
    await s.next();
    await s.choose('到窗口领取');
    await s.next();
    await s.keys('13900001234');
    await s.next();
    // 您是否需要优先办理 is optional: skipped; his card is the only material, so straight to review.
    await s.h1('请核对您的申请');
  });

  it("shows the guide's help on the review screen and on the slip", async () => {
    const { page } = ctx;
    const s = steps(page);
    await s.h1('请核对您的申请');
    const help = await page.getByTestId('review-assistance').innerText();
    expect(help).toContain('绿色通道：行动不便');
    expect(help).toContain('部分内容由工作人员代为填写');
    expect(help).toContain('已跳过可选问题');
    await screenshot(page, 'portrait-84-review-guide-assisted');
    await s.submit();
    await s.h1('提交成功');
    const slip = await s.main();
    expect(slip).toContain('工作人员协助办理');
    expect(slip).toMatch(/绿色通道\s*导办员标记/);
    expect(slip).toMatch(
      /工作人员协助办理\s*绿色通道：行动不便；部分内容由工作人员代为填写；已跳过可选问题/,
    );
    await screenshot(page, 'portrait-85-slip-guide-assisted');
  });

  it('prints the A4 application form for signature: a PDF with his name and the item', async () => {
    const { page } = ctx;
    // The web host has no system printer: the form is the page printed to PDF.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'a4-form-print-view');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.emulateMedia({ media: 'screen' });
    const text = await pdfText(new Uint8Array(pdf));
    expect(text).toContain(CITIZEN);
    expect(text).toContain(SERVICE);
    expect(text).toContain('申请人签名');
    expect(text).toContain('原居民身份证（已在自助终端读取）');
    // The form, not the kiosk screen: no buttons, no demo dock.
    expect(text).not.toContain('完成，返回首页');
    expect(text).not.toContain('演示模式');
    await steps(page).finish();
  });

  it("ended with his session: the next citizen's screen has no guide drawer until a guide signs in again", async () => {
    const { page } = ctx;
    const s = steps(page);
    // The guide signed in during the last citizen's session; it finished, and the sign-in with it.
    await expect(page.getByTestId('guide-tab').count()).resolves.toBe(0);
    await s.start('id-card-renewal', 'elder');
    await s.h1('您为什么要办理？');
    await expect(page.getByTestId('guide-tab').count()).resolves.toBe(0);
    await holdEmblem(page);
    await typePin(page, '135790', '大厅引导员');
    await page.getByTestId('guide-panel').waitFor();
  });

  it("ends another citizen's session from the drawer, and the sign-in ends with it", async () => {
    const { page } = ctx;
    const s = steps(page);
    await page.getByRole('button', { name: '结束本次办理' }).click();
    // One tap does not end it: the guide confirms, and 继续办理 would keep everything.
    const confirm = page.getByRole('dialog', { name: '结束这位群众的办理？' });
    await confirm.getByRole('button', { name: '继续办理' }).click();
    await s.h1('您为什么要办理？');
    await page.getByRole('button', { name: '结束本次办理' }).click();
    await screenshot(page, 'portrait-60-guide-end-confirm');
    await confirm.getByRole('button', { name: '结束办理' }).click();
    await s.h1('您好！请选择要办理的业务');
    await expect(page.locator('main').innerText()).resolves.not.toContain('李秀英');
    await expect.poll(() => page.getByTestId('guide-panel').count()).toBe(0);
    await expect(page.getByTestId('guide-tab').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '移走证件' }).click();
  });

  it("gives the next citizen after an idle timeout none of the guide's powers (staff_locked)", async () => {
    const { page } = ctx;
    const s = steps(page);
    const call = (method: string, body: unknown) =>
      page.evaluate(
        async ([m, b]) =>
          (await (
            await fetch(`/api/${m}`, { method: 'POST', body: JSON.stringify(b) })
          ).json()) as {
            ok: boolean;
            error?: { code: string };
          },
        [method, body] as const,
      );
    await s.start('id-card-renewal', 'adult');
    await holdEmblem(page);
    await typePin(page, '135790', '大厅引导员');
    await page.getByTestId('guide-panel').waitFor();
    expect(await call('staffStatus', {})).toMatchObject({ ok: true, value: { role: 'guide' } });
    // Citizen A walks away: the idle prompt runs out and the screen ends the session.
    expect((await call('endSession', { reason: 'idle' })).ok).toBe(true);
    // Citizen B starts his own session and tries what the guide could do.
    expect((await call('startSession', { serviceId: 'id-card-renewal' })).ok).toBe(true);
    for (const [method, body] of [
      ['guideAction', { action: 'greenChannel', reason: 'mobility' }],
      ['guideAction', { action: 'fillOnBehalf', on: true }],
      ['getQueueStatus', {}],
      ['syncNow', {}],
    ] as const)
      expect(await call(method, body)).toMatchObject({
        ok: false,
        error: { code: 'staff_locked' },
      });
    expect(await call('staffStatus', {})).toMatchObject({ ok: true, value: { role: null } });
    await expect.poll(() => page.getByTestId('guide-panel').count()).toBe(0);
    await expect(page.getByTestId('guide-tab').count()).resolves.toBe(0);
    await call('endSession', { reason: 'cancelled' });
  });

  it('writes every guide action to the audit log, marked guide-assisted, with nothing personal', () => {
    const audit = readFileSync(join(ctx.kiosk.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    const entries = audit
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { actor: string; action: string; fields: object });
    const actions = entries.map((e) => `${e.actor}:${e.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'guide:staff.unlock',
        'guide:staff.lock',
        'guide:guide.fillOnBehalf',
        'guide:guide.skipOptional',
        'guide:guide.greenChannel',
      ]),
    );
    expect(entries.find((e) => e.action === 'guide.greenChannel')?.fields).toMatchObject({
      value: 'mobility',
    });
    expect(entries.find((e) => e.action === 'application.submitted')?.fields).toMatchObject({
      guideAssisted: true,
      greenChannel: true,
    });
    expect(
      entries.some(
        (e) => e.action === 'session.end' && (e.fields as { reason?: string }).reason === 'guide',
      ),
    ).toBe(true);
    // Every sign-in ended with the session it was opened in, and the log says so.
    expect(
      entries.filter(
        (e) =>
          e.action === 'staff.lock' && (e.fields as { reason?: string }).reason === 'session_ended',
      ),
    ).toHaveLength(3);
    for (const personal of [CITIZEN, '李秀英', '13900001234'])
      expect(audit).not.toContain(personal);
  });
});
