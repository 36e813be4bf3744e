import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../integration/pty-pair';
import {
  launchChromium,
  openKioskPage,
  ROOT,
  screenshot,
  startKiosk,
  type RunningKiosk,
} from './harness';
import { steps } from './journey-steps';

/**
 * The kiosk on real serial ports: reader, scanner and printer are PTYs from
 * socat with the wire-level simulators on the other ends, in their own process.
 * The journey reads the card off the PTY and the slip's ESC/POS bytes come out
 * of the printer's PTY; faults show their message and recover.
 */
describe('the kiosk on serial devices (PTYs)', () => {
  const pairs: Record<'idcard' | 'printer' | 'scanner', PtyPair> = {} as never;
  let sim: ChildProcess;
  const receipts: string[] = [];
  let kiosk: RunningKiosk;
  let browser: Browser;
  let page: Page;

  const simSay = (command: object): void => {
    sim.stdin?.write(`${JSON.stringify(command)}\n`);
  };
  const startSim = async (): Promise<void> => {
    sim = spawn(
      process.execPath,
      [
        `${ROOT}/build/scripts/run-ts.mjs`,
        `${ROOT}/electron/devices/sim/sim-cli.ts`,
        '--idcard',
        pairs.idcard.deviceEnd,
        '--printer',
        pairs.printer.deviceEnd,
        '--scanner',
        pairs.scanner.deviceEnd,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'], cwd: ROOT },
    );
    await new Promise<void>((resolve) => {
      createInterface({ input: sim.stdout! }).on('line', (line) => {
        const message = JSON.parse(line) as { ready?: boolean; receipt?: string };
        if (message.ready === true) resolve();
        if (message.receipt !== undefined) receipts.push(message.receipt);
      });
    });
  };

  const stopSim = (): Promise<void> =>
    new Promise((resolve) => {
      if (sim.exitCode !== null || sim.signalCode !== null) return resolve();
      sim.once('exit', () => resolve());
      sim.kill();
    });

  beforeAll(async () => {
    pairs.idcard = await openPtyPair();
    pairs.printer = await openPtyPair();
    pairs.scanner = await openPtyPair();
    await startSim();
    kiosk = await startKiosk({
      config: {
        station: {
          code: '110105001',
          name: '示例市公安局示例分局示例派出所',
          address: '示例路1号',
          phone: '010-00000000',
        },
        kioskId: 'PTY-01',
        devices: [
          {
            id: 'idcard-1',
            kind: 'idcard',
            transport: { type: 'serial', path: pairs.idcard.kioskEnd, baudRate: 115200 },
            options: { pollIntervalMs: 150 },
          },
          {
            id: 'scanner-1',
            kind: 'scanner',
            transport: { type: 'serial', path: pairs.scanner.kioskEnd, baudRate: 115200 },
            options: { aimPrefix: true },
          },
          {
            id: 'printer-1',
            kind: 'printer',
            transport: { type: 'serial', path: pairs.printer.kioskEnd, baudRate: 9600 },
            options: { statusIntervalMs: 1000 },
          },
        ],
        backOffice: null,
      },
    });
    browser = await launchChromium();
    page = await openKioskPage(browser, kiosk);
  });
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    if (sim !== undefined) await stopSim();
    for (const pair of Object.values(pairs)) await pair?.close();
  });

  it('shows no demo dock: these are real ports', async () => {
    await expect(page.locator('.demo-dock').count()).resolves.toBe(0);
  });

  it('reads the card from the reader PTY and prints the slip on the printer PTY', async () => {
    const s = steps(page);
    await page.locator('[data-service="no-criminal-record"]').click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await s.h1('请放置身份证');
    simSay({ place: 'adult' });
    await s.h1('读取成功，请核对您的信息');
    await page.getByRole('button', { name: '信息无误，下一步' }).click();
    await s.choose('我本人');
    await s.next();
    await s.choose('就业、入职');
    await s.next();
    await s.keys('13800138000');
    await s.next();
    await s.next();
    await s.submit();
    await s.h1('提交成功');
    await page.getByText('回执已打印，请取走。').waitFor({ timeout: 20_000 });
    const applicationNo = await page.getByTestId('application-no').innerText();
    await expect.poll(() => receipts.length, { timeout: 20_000 }).toBe(1);
    expect(receipts[0]).toContain('受理回执');
    expect(receipts[0]).toContain(applicationNo);
    expect(receipts[0]).toContain('无犯罪记录证明');
    expect(receipts[0]).toContain('王*明');
    expect(receipts[0]).not.toContain('王晓明');
    expect(receipts[0]).toContain(`[QR:GAKIOSK:${applicationNo}]`);
    await screenshot(page, 'portrait-50-slip-printed');
    simSay({ remove: true });
    await page.getByRole('button', { name: '完成，返回首页' }).click();
  });

  it('tells the citizen when the printer is out of paper, and prints again once refilled', async () => {
    const s = steps(page);
    simSay({ fault: 'paperOut', on: true });
    await page.locator('[data-service="no-criminal-record"]').click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await s.h1('请放置身份证');
    simSay({ place: 'polyphone' });
    await s.h1('读取成功，请核对您的信息');
    await page.getByRole('button', { name: '信息无误，下一步' }).click();
    await s.choose('我本人');
    await s.next();
    await s.choose('收养');
    await s.next();
    await s.keys('13800138001');
    await s.next();
    await s.next();
    await s.submit();
    await s.h1('提交成功');
    await page.getByText(/打印机缺纸/).waitFor();
    await screenshot(page, 'portrait-51-slip-paper-out');
    simSay({ fault: 'paperOut', on: false });
    await page.getByRole('button', { name: '重新打印回执' }).click();
    await page.getByText('回执已打印，请取走。').waitFor({ timeout: 20_000 });
    await expect.poll(() => receipts.length, { timeout: 20_000 }).toBe(2);
    simSay({ remove: true });
    await page.getByRole('button', { name: '完成，返回首页' }).click();
  });

  it('warns on the home screen when the reader is unplugged, and recovers when it is back', async () => {
    await pairs.idcard.unplug();
    await page.getByText('身份证阅读器暂时无法使用').waitFor({ timeout: 10_000 });
    await screenshot(page, 'portrait-52-home-reader-down');
    await stopSim();
    await pairs.idcard.replug();
    await startSim();
    await page
      .getByText('身份证阅读器暂时无法使用')
      .waitFor({ state: 'detached', timeout: 15_000 });
  });
});
