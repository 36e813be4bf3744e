import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi as api, kioskDom, screenshot, withBackOfficeAndKioskPage } from './harness';
import { applyForRecord, RECORD_JOURNEY, recordJourneyToReview, steps } from './journey-steps';
import { holdEmblem, typePin } from './staff-steps';

/**
 * The "done when", in Chromium against the real test back office over
 * mutual TLS: applications made at the kiosk arrive exactly once; with the
 * back office stopped, ten more wait on the kiosk and all arrive when it
 * returns; the slip's QR code (scanned, or its number typed) shows each one's
 * state without any personal data; staff see the queue.
 */

const {
  citizen: CITIZEN,
  citizenId: CITIZEN_ID,
  principal: PRINCIPAL,
  principalId: PRINCIPAL_ID,
  phone: PHONE,
} = RECORD_JOURNEY;

const ctx = withBackOfficeAndKioskPage({
  retryBaseMs: 100,
  retryCapMs: 1000,
  heartbeatSeconds: 5,
  requestTimeoutMs: 3000,
  statusTimeoutMs: 1500,
});

const storedNumbers = (): string[] => ctx.office.stored().map((r) => r.body.applicationNo);

describe('applications reach the station back office', () => {
  let first = '';

  it('delivers an application made at the kiosk exactly once, and the slip screen says when it arrived', async () => {
    const { page } = ctx;
    const s = steps(page);
    await recordJourneyToReview(page);
    await s.submit();
    await s.h1('提交成功');
    first = await page.getByTestId('application-no').innerText();
    // The slip (paper and screen) says only this kiosk finds it until it is sent; the screen,
    // which can change, then says the station has it.
    await expect(page.locator('.slip').innerText()).resolves.toContain(
      '申请上传到派出所后台以前，只有本机查得到',
    );
    await expect
      .poll(() => page.getByTestId('slip-sync').innerText())
      .toContain('派出所后台已接收您的申请');
    await page.getByTestId('slip-sync').scrollIntoViewIfNeeded();
    await screenshot(page, 'portrait-67-slip-sent');
    await s.finish();
    await expect.poll(storedNumbers, { timeout: 15_000 }).toContain(first);
    expect(storedNumbers().filter((n) => n === first)).toHaveLength(1);
    const record = ctx.office.stored().find((r) => r.body.applicationNo === first)!;
    expect(record.kioskId).toBe('E2E-01');
    expect(JSON.stringify(record.body)).toContain(PRINCIPAL_ID);
  });

  it('says so when a code scanned on the home screen is not from an application receipt', async () => {
    await api(ctx.page, 'demoScan', { text: 'https://example.com/coupon?id=42' });
    await expect(ctx.page.getByTestId('foreign-code').innerText()).resolves.toContain(
      '这个二维码不是申请回执上的',
    );
    await expect(
      ctx.page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).count(),
    ).resolves.toBe(1);
    await screenshot(ctx.page, 'portrait-52-foreign-code');
  });

  it('shows its state when the slip QR is scanned on the home screen, with nothing personal', async () => {
    await api(ctx.page, 'demoScan', { text: `GAKIOSK:${first}` });
    await ctx.page.getByRole('heading', { level: 1, name: '查询办理进度' }).waitFor();
    const result = ctx.page.locator('.status-result');
    await expect
      .poll(() => result.innerText(), { timeout: 10_000 })
      .toContain('派出所已收到您的申请，等待审核');
    const text = await result.innerText();
    expect(text).toContain(first);
    expect(text).toContain('无犯罪记录证明');
    expect(text).toMatch(/受理编号\s*SL\d+/);
    expect(text).toContain('以上为派出所后台的最新信息');
    const html = await kioskDom(ctx.page);
    for (const personal of [CITIZEN, PRINCIPAL, CITIZEN_ID, PRINCIPAL_ID, PHONE])
      expect(html).not.toContain(personal);
    await screenshot(ctx.page, 'portrait-60-status-back-office');
  });

  it('shows what the back office says later, for a number typed on the keypad', async () => {
    ctx.office.setState(first, 'needs_completion', '请补交委托人身份证原件');
    await ctx.page.getByRole('button', { name: '查询其他编号' }).click();
    await screenshot(ctx.page, 'portrait-61-status-entry');
    for (const key of first.replaceAll('-', ''))
      await ctx.page.locator('.keypad').getByRole('button', { name: key, exact: true }).click();
    await ctx.page.getByRole('button', { name: '查询', exact: true }).click();
    await expect
      .poll(() => ctx.page.locator('.status-result').innerText(), { timeout: 10_000 })
      .toContain('需要补正材料：请补交委托人身份证原件');
    await screenshot(ctx.page, 'portrait-62-status-needs-completion');
  });

  it('says clearly when a number is mistyped or unknown', async () => {
    await ctx.page.getByRole('button', { name: '查询其他编号' }).click();
    await ctx.page
      .locator('#status-number')
      .fill(`${first.slice(0, -1)}${first.endsWith('0') ? '1' : '0'}`);
    await ctx.page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => ctx.page.getByRole('alert').innerText()).toContain('这个编号不正确');
    await screenshot(ctx.page, 'portrait-63-status-bad-number');
    await ctx.page.getByRole('button', { name: '返回首页' }).click();
  });

  it('keeps ten applications while the back office is down, shows them to staff, and delivers all ten when it returns', async () => {
    await ctx.office.stop();
    const waiting: string[] = [];
    for (let i = 0; i < 10; i += 1) waiting.push(await applyForRecord(ctx.page));
    expect(new Set(waiting).size).toBe(10);

    // A slip made while the back office is down: the kiosk's own record answers.
    await ctx.page.getByTestId('check-status').click();
    await ctx.page.locator('#status-number').fill(waiting[9]!);
    await ctx.page.getByRole('button', { name: '查询', exact: true }).click();
    await expect
      .poll(() => ctx.page.locator('.status-result').innerText(), { timeout: 10_000 })
      .toContain('正在等待上传到派出所后台');
    await screenshot(ctx.page, 'portrait-64-status-waiting');
    await ctx.page.getByRole('button', { name: '返回首页' }).click();

    // The hall guide's queue view: counts and the error, nothing personal.
    await holdEmblem(ctx.page);
    await typePin(ctx.page, '135790', '大厅引导员');
    await ctx.page.getByRole('heading', { level: 1, name: '申请上传队列' }).waitFor();
    await expect
      .poll(() => ctx.page.locator('[data-state="queued"] .queue-count-n').innerText(), {
        timeout: 10_000,
      })
      .toBe('10');
    await expect
      .poll(() => ctx.page.getByTestId('queue-link').innerText(), { timeout: 15_000 })
      .toContain('无法连接');
    await expect(ctx.page.getByTestId('queue-last-error').innerText()).resolves.toMatch(
      /ECONNREFUSED/,
    );
    const queueHtml = await kioskDom(ctx.page);
    for (const personal of [CITIZEN, PRINCIPAL, CITIZEN_ID, PRINCIPAL_ID])
      expect(queueHtml).not.toContain(personal);
    // The guide's drawer stays off staff's own screen: nothing covers the counts or the error.
    await expect(ctx.page.locator('.guide-panel, .guide-tab').count()).resolves.toBe(0);
    await screenshot(ctx.page, 'portrait-65-queue-down');
    // "Sync now" while the back office is still down: the ten are tried at once, and wait again.
    await ctx.page.getByRole('button', { name: '立即上传' }).click();
    await ctx.page.getByText(/已安排 \d+ 件申请立即上传。/).waitFor();
    await expect
      .poll(() => ctx.page.locator('[data-state="queued"] .queue-count-n').innerText(), {
        timeout: 10_000,
      })
      .toBe('10');

    // Back office up again: nobody presses anything, the worker's own retries deliver all ten.
    await ctx.office.start();
    await expect
      .poll(() => storedNumbers().filter((n) => waiting.includes(n)).length, { timeout: 20_000 })
      .toBe(10);
    expect(storedNumbers()).toHaveLength(11);
    await expect
      .poll(() => ctx.page.locator('[data-state="accepted"] .queue-count-n').innerText(), {
        timeout: 10_000,
      })
      .toBe('11');
    await expect
      .poll(() => ctx.page.getByTestId('queue-link').innerText(), { timeout: 10_000 })
      .toContain('连接正常');
    await screenshot(ctx.page, 'portrait-66-queue-drained');
    await ctx.page.getByRole('button', { name: '退出并锁定' }).click();

    // Each of the ten slips, held up to the scanner, now answers from the back office.
    // (A slip is taken on the home screen only: wait for it before holding the next one up.)
    for (const no of waiting) {
      await ctx.page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
      await api(ctx.page, 'demoScan', { text: `GAKIOSK:${no}` });
      const result = ctx.page.locator('.status-result');
      await expect
        .poll(() => result.innerText(), { timeout: 10_000 })
        .toContain('派出所已收到您的申请');
      const text = await result.innerText();
      expect(text).toContain(no);
      expect(text).toMatch(/受理编号\s*SL\d+/);
      await ctx.page.getByRole('button', { name: '返回首页' }).click();
    }
  }, 300_000);

  it('takes a slip scanned by a keyboard-wedge scanner on the status screen', async () => {
    await ctx.page.getByTestId('check-status').click();
    await ctx.page.locator('body').click({ position: { x: 5, y: 300 } });
    // A wedge scanner "types" the code in a burst and presses Enter. The burst is made in the
    // page in one go: Playwright's keys each cross the browser's protocol, and on a busy machine
    // their gaps grew past a scanner's (35 ms), so the kiosk rightly took them for a person.
    await ctx.page.evaluate((code) => {
      for (const key of [...code, 'Enter']) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
    }, `GAKIOSK:${first}`);
    await expect
      .poll(() => ctx.page.locator('.status-result').innerText(), { timeout: 10_000 })
      .toContain(first);
    await ctx.page.getByRole('button', { name: '返回首页' }).click();
  });

  it('leaves no name or ID number in clear text in the data folder, the logs or the audit log', async () => {
    const files = readdirSync(ctx.kiosk.dataDir, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile(),
    );
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['kiosk.sqlite', 'kiosk.log', 'audit.jsonl']),
    );
    for (const file of files) {
      const bytes = readFileSync(join(file.parentPath, file.name));
      for (const personal of [CITIZEN, PRINCIPAL, CITIZEN_ID, PRINCIPAL_ID, PHONE]) {
        expect(bytes.includes(Buffer.from(personal)), `${personal} in ${file.name}`).toBe(false);
      }
    }
    const audit = readFileSync(join(ctx.kiosk.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    for (const action of [
      'app.start',
      'session.start',
      'application.submitted',
      'session.end',
      'staff.unlock',
      'sync.accepted',
      'sync.back_office_unreachable',
      'sync.sync_now',
    ]) {
      expect(audit, action).toContain(`"action":"${action}"`);
    }
  });
});
