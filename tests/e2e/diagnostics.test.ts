import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, withKioskPage } from './harness';
import { holdEmblem, typePin } from './staff-steps';

describe('technician diagnostics', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  it('opens from a 3-second hold on the emblem and refuses a wrong PIN', async () => {
    const { page } = ctx;
    await holdEmblem(page);
    await page.getByRole('dialog', { name: '工作人员登录' }).waitFor();
    await typePin(page, '111111', '技术人员');
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      '密码不对，还可以再试 2 次',
    );
    await screenshot(page, 'portrait-40-staff-pin');
    await typePin(page, '246810');
    await page.getByRole('heading', { level: 1, name: '设备诊断' }).waitFor();
  });

  it('lists every device with its connection, state and SAM id', async () => {
    const { page } = ctx;
    const reader = page.locator('[data-device="idcard-1"]');
    await screenshot(page, 'portrait-41-diagnostics');
    await expect(reader.innerText()).resolves.toContain('正常');
    await expect(reader.innerText()).resolves.toMatch(
      /安全模块编号\s*\d{2}\.\d{2}-\d{8,10}-\d{10}-\d{10}/,
    );
    await expect(page.locator('[data-device="printer-1"]').innerText()).resolves.toContain('58 mm');
    await screenshot(page, 'portrait-41-diagnostics');
  });

  it('says in Chinese what the demo lacks for a hall, and what a citizen would miss', async () => {
    const { page } = ctx;
    const checks = page.locator('.diag-checks li');
    await expect.poll(() => checks.count(), { timeout: 5000 }).toBeGreaterThan(8);
    const lines = await checks.allInnerTexts();
    // Every line in the kiosk's language: technical identifiers (ids, config keys) only.
    for (const text of lines)
      expect(text.replace(/[A-Za-z0-9_.:()-]+/g, ''), text).toMatch(/[\u4e00-\u9fff]{2}/);
    expect(lines.join('\n')).not.toMatch(/simulated, so|none configured|loaded, \d+ refused/);
    const line = (name: string) =>
      page.locator(`.diag-checks li[data-check="${name}"]`).innerText();
    await expect(line('demo')).resolves.toContain('不得用于派出所');
    await expect(line('simulated')).resolves.toContain('群众无法在本机读卡、扫码或打印凭条');
    await expect(line('backOffice')).resolves.toContain('未配置后台：申请只保存在本机');
    await expect(line('voice')).resolves.toContain('本机语音合成');
    await expect(line('handwriting')).resolves.toContain('手写');
    // Not ready for a hall: the demo, its simulated devices and unsigned rules say so.
    await expect(page.locator('.notice-error').first().innerText()).resolves.toContain('未就绪');
    await expect(page.locator('main').innerText()).resolves.toMatch(
      /内存\s*本程序占用 \d+ MB · 空闲 \d+ MB · 共 \d+ MB/,
    );
    await page.locator('.diag-checks').scrollIntoViewIfNeeded();
    await screenshot(page, 'portrait-48-diagnostics-readiness');
  });

  it('self-tests the reader and the printer', async () => {
    const { page } = ctx;
    const reader = page.locator('[data-device="idcard-1"]');
    await reader.getByRole('button', { name: '自检' }).click();
    await expect
      .poll(() => reader.getByRole('status').innerText(), { timeout: 5000 })
      .toContain('读卡区上没有证件');
    // With a test card on the reader the self-test reads it, and says only that it could.
    await page.locator('[data-card="adult"]').click();
    await reader.getByRole('button', { name: '自检' }).click();
    await expect
      .poll(() => reader.getByRole('status').innerText(), { timeout: 5000 })
      .toContain('读卡区上的证件已读取');
    const result = await reader.getByRole('status').innerText();
    expect(result).toContain('自检通过');
    expect(result).toContain('证件类型：居民身份证');
    expect(result).not.toContain('王晓明');
    await reader.scrollIntoViewIfNeeded();
    await screenshot(page, 'portrait-47-self-test-card');
    await page.getByRole('button', { name: '移走证件' }).click();
    const printer = page.locator('[data-device="printer-1"]');
    await printer.getByRole('button', { name: '自检' }).click();
    await printer.getByText('自检通过：测试凭条已打印').waitFor();
  });

  it('shows the live frame log with card data masked', async () => {
    const { page } = ctx;
    const reader = page.locator('[data-device="idcard-1"]');
    await reader.getByRole('button', { name: '通信记录' }).click();
    await page.locator('[data-card="adult"]').click();
    const log = reader.locator('.diag-frames');
    await expect
      .poll(() => log.innerText(), { timeout: 5000 })
      .toContain('AA AA AA 96 69 00 03 20 01 22');
    await expect
      .poll(() => log.innerText(), { timeout: 5000 })
      .toContain('bytes of card data (masked)');
    // Frame times in China time, as the header's clock (the kiosk's day starts at 10:00 +08:00).
    await expect(log.innerText()).resolves.toMatch(/^10:\d\d:\d\d\.\d{3} /m);
    // The name 王晓明 in UCS-2LE would be 8B 73 53 66 0E 66: it must not be anywhere in the log.
    await expect(log.innerText()).resolves.not.toContain('8B 73 53 66');
    await screenshot(page, 'portrait-42-frame-log');
    await page.getByRole('button', { name: '移走证件' }).click();
  });

  it('shows a printer fault, and the readiness report says not ready', async () => {
    const { page } = ctx;
    const printer = page.locator('[data-device="printer-1"]');
    await printer.getByRole('button', { name: '缺纸' }).click();
    await printer.getByRole('button', { name: '自检' }).click();
    await expect
      .poll(() => printer.getByRole('status').innerText(), { timeout: 5000 })
      .toContain('paper_out');
    await expect
      .poll(() => printer.locator('.diag-state').innerText(), { timeout: 5000 })
      .toBe('故障');
    await page.getByRole('button', { name: '导出就绪报告' }).click();
    const saved = page.getByText(/报告已保存：/);
    await saved.waitFor();
    const path = (await saved.innerText()).replace('报告已保存：', '').trim();
    expect(existsSync(path)).toBe(true);
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      ready: boolean;
      checks: { name: string; ok: boolean }[];
    };
    expect(report.ready).toBe(false);
    expect(report.checks.find((c) => c.name.startsWith('device printer-1'))?.ok).toBe(false);
  });

  it('shows a fault left on as on after signing in again, and switches it off', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '退出并锁定' }).click();
    await page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
    await holdEmblem(page);
    await typePin(page, '246810', '技术人员');
    await page.getByRole('heading', { level: 1, name: '设备诊断' }).waitFor();
    const paperOut = page
      .locator('[data-device="printer-1"]')
      .getByRole('button', { name: '缺纸' });
    await expect.poll(() => paperOut.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'portrait-43-fault-still-on');
    await paperOut.click();
    await expect.poll(() => paperOut.getAttribute('aria-pressed')).toBe('false');
    // The printer says it has paper at its next status check; 自检 asks at once.
    await page.locator('[data-device="printer-1"]').getByRole('button', { name: '自检' }).click();
    await expect
      .poll(() => page.locator('[data-device="printer-1"] .diag-state').innerText())
      .toBe('正常');
  });

  it('locks again and goes home', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '退出并锁定' }).click();
    await page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
    const status = await page.evaluate(
      async () =>
        (await (
          await fetch('/api/getDiagnostics', { method: 'POST', body: '{}' })
        ).json()) as unknown,
    );
    expect(status).toMatchObject({ ok: false, error: { code: 'staff_locked' } });
  });

  it('locks out after three wrong PINs in a row', async () => {
    const { page } = ctx;
    await holdEmblem(page);
    for (const pin of ['000001', '000002']) await typePin(page, pin);
    await typePin(page, '000003');
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(
      /密码错误次数太多，请 30 秒后再试/,
    );
    await typePin(page, '246810');
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/密码错误次数太多/);
  });
});
