import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../integration/pty-pair';
import {
  launchChromium,
  openKioskPage,
  screenshot,
  startKiosk,
  type RunningKiosk,
} from './harness';
import {
  startDeviceSimulators,
  type DeviceSimulators,
  type PrintedReceipt,
} from './device-simulators';
import { steps } from './journey-steps';

/**
 * The kiosk on real serial ports: reader, scanner and printer are PTYs from
 * socat with the wire-level simulators on the other ends, in their own process.
 * The journey reads the card off the PTY and the slip's ESC/POS bytes come out
 * of the printer's PTY; faults show their message and recover.
 */
describe('the kiosk on serial devices (PTYs)', () => {
  const pairs: Record<'idcard' | 'printer' | 'scanner', PtyPair> = {} as never;
  let sims: DeviceSimulators;
  const printed: PrintedReceipt[] = [];
  /** The text of every receipt printed so far, across the simulators' restarts. */
  const receipts = (): string[] => printed.map((p) => p.receipt);
  let kiosk: RunningKiosk;
  let browser: Browser;
  let page: Page;

  const simSay = (command: object): void => sims.say(command);
  const startSim = async (): Promise<void> => {
    sims = await startDeviceSimulators(
      {
        idcard: pairs.idcard.deviceEnd,
        printer: pairs.printer.deviceEnd,
        scanner: pairs.scanner.deviceEnd,
      },
      printed,
    );
  };
  const stopSim = (): Promise<void> => sims.stop();

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
    await sims?.stop();
    for (const pair of Object.values(pairs)) await pair?.close();
  });

  it('shows no demo dock: these are real ports', async () => {
    await expect(page.locator('.demo-dock').count()).resolves.toBe(0);
  });

  /** The passport journey from the card read to the review screen. */
  const passportToReview = async (mobile: string): Promise<void> => {
    const s = steps(page);
    await page.getByRole('button', { name: '信息无误，下一步' }).click();
    await s.keys(mobile);
    await s.next();
    await s.h1('姓的拼音');
    await s.next();
    await s.h1('名的拼音');
    await s.next();
    await s.choose('不是');
    await s.next();
    await s.choose('不需要加急');
    await s.next();
    await s.choose('到窗口领取');
    await s.next();
    await s.h1(/您是否需要优先办理/);
    await s.next();
    await s.h1('请核对您的申请');
  };
  /** The passport journey from the card read to the slip. */
  const passportAfterCard = async (mobile: string): Promise<void> => {
    await passportToReview(mobile);
    await steps(page).submit();
    await steps(page).h1('提交成功');
  };
  /** The same screen once more in 长辈版, where the notice must show too; back to normal after. */
  const screenshotInElderMode = async (name: string, notice: string): Promise<void> => {
    const elder = page.getByRole('button', { name: '长辈版' });
    await elder.click();
    await page.getByTestId(notice).waitFor();
    await screenshot(page, name);
    await elder.click();
  };
  const toCardScreen = async (serviceId: string): Promise<void> => {
    await page.locator(`[data-service="${serviceId}"]`).click();
    await page.getByRole('button', { name: '开始办理' }).click();
    await steps(page).h1('请放置身份证');
  };
  const finish = async (): Promise<void> => {
    simSay({ remove: true });
    await page.getByRole('button', { name: '完成，返回首页' }).click();
    await steps(page).h1('您好！请选择要办理的业务');
  };

  /** 返回首页 from a read card: the kiosk asks first, and the citizen gives up. */
  const leaveToHome = async (): Promise<void> => {
    simSay({ remove: true });
    await steps(page).abandon();
  };

  let applicationNo = '';
  it('reads the card from the reader PTY in the passport journey and prints the slip on the printer PTY', async () => {
    await toCardScreen('passport-first');
    simSay({ place: 'adult' });
    await steps(page).h1('读取成功，请核对您的信息');
    await expect(page.locator('main').innerText()).resolves.toContain('王晓明');
    await passportAfterCard('13800138000');
    await page.getByText('回执已打印，请取走。').waitFor({ timeout: 20_000 });
    applicationNo = await page.getByTestId('application-no').innerText();
    await expect.poll(() => receipts().length, { timeout: 20_000 }).toBe(1);
    expect(receipts()[0]).toContain('申请回执');
    expect(receipts()[0]).toContain(applicationNo);
    expect(receipts()[0]).toContain('普通护照首次申请');
    expect(receipts()[0]).toContain('120.00');
    expect(receipts()[0]).toContain('王*明');
    expect(receipts()[0]).not.toContain('王晓明');
    expect(receipts()[0]).toContain(`[QR:GAKIOSK:${applicationNo}]`);
    await screenshot(page, 'portrait-50-slip-printed');
    await finish();
  });

  it('opens that application when its slip is held up to the scanner on the PTY', async () => {
    simSay({ scan: `GAKIOSK:${applicationNo}` });
    await steps(page).h1('查询办理进度');
    const result = page.locator('.status-result');
    await expect.poll(() => result.innerText(), { timeout: 10_000 }).toContain(applicationNo);
    const text = await result.innerText();
    expect(text).toContain('普通护照首次申请');
    expect(text).toContain('申请已安全保存在本机');
    expect(text).not.toContain('王');
    await screenshot(page, 'portrait-53-status-scanned-pty');
    await page.getByRole('button', { name: '返回首页' }).click();
    await steps(page).h1('您好！请选择要办理的业务');
  });

  it('says when the card could not be read, and reads it once the fault clears', async () => {
    simSay({ fault: 'readFailure', on: true });
    await toCardScreen('passport-first');
    simSay({ place: 'polyphone' });
    await page.getByText('读取没有成功，请拿起身份证后重新放上。').waitFor({ timeout: 10_000 });
    await screenshot(page, 'portrait-54-card-read-failed');
    simSay({ fault: 'readFailure', on: false });
    await steps(page).h1('读取成功，请核对您的信息');
    await expect(page.locator('main').innerText()).resolves.toContain('单雪梅');
    await leaveToHome();
  });

  it('reads through line noise and replies that arrive in pieces', async () => {
    simSay({ fault: 'garbage', on: true });
    simSay({ fault: 'splitFrames', on: true });
    await toCardScreen('passport-first');
    simSay({ place: 'adult' });
    await steps(page).h1('读取成功，请核对您的信息');
    await expect(page.locator('main').innerText()).resolves.toContain('王晓明');
    simSay({ fault: 'garbage', on: false });
    simSay({ fault: 'splitFrames', on: false });
    await leaveToHome();
  });

  it('tells the citizen when the reader stops answering, and carries on when it answers again', async () => {
    await toCardScreen('passport-first');
    simSay({ fault: 'slow', on: true });
    await page
      .getByText('身份证阅读器暂时无法使用，请联系工作人员，或到窗口办理。', { exact: false })
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'portrait-55-card-reader-not-answering');
    simSay({ fault: 'slow', on: false });
    await page
      .getByText('身份证阅读器暂时无法使用', { exact: false })
      .waitFor({ state: 'detached', timeout: 15_000 });
    simSay({ place: 'adult' });
    await steps(page).h1('读取成功，请核对您的信息');
    await leaveToHome();
  });

  it('tells the citizen when the printer is out of paper, and prints again once refilled', async () => {
    simSay({ fault: 'paperOut', on: true });
    await page.getByText(/回执打印机暂时无法打印/).waitFor({ timeout: 10_000 });
    await screenshot(page, 'portrait-56-home-printer-down');
    await toCardScreen('passport-first');
    simSay({ place: 'polyphone' });
    await steps(page).h1('读取成功，请核对您的信息');
    await passportToReview('13800138001');
    await page.getByTestId('printer-down').waitFor();
    await screenshot(page, 'portrait-58-review-printer-down');
    // 长辈版 says it too, large, before the citizen confirms.
    await screenshotInElderMode('elder-58-review-printer-down', 'printer-down');
    const s = steps(page);
    await s.submit();
    await s.h1('提交成功');
    await page.getByText(/打印机缺纸/).waitFor();
    await screenshot(page, 'portrait-51-slip-paper-out');
    expect(receipts()).toHaveLength(1);
    simSay({ fault: 'paperOut', on: false });
    await page.getByRole('button', { name: '重新打印回执' }).click();
    await page.getByText('回执已打印，请取走。').waitFor({ timeout: 20_000 });
    await expect.poll(() => receipts().length, { timeout: 20_000 }).toBe(2);
    expect(receipts()[1]).toContain('单*梅');
    await finish();
    await page.getByText(/回执打印机暂时无法打印/).waitFor({ state: 'detached' });
  });

  it('says the printer cover is open, and prints once it is closed', async () => {
    simSay({ fault: 'coverOpen', on: true });
    await page.getByText(/回执打印机暂时无法打印/).waitFor({ timeout: 10_000 });
    await toCardScreen('passport-first');
    simSay({ place: 'adult' });
    await steps(page).h1('读取成功，请核对您的信息');
    await passportAfterCard('13800138002');
    await page.getByText('打印机盖没有关好', { exact: false }).waitFor();
    await screenshot(page, 'portrait-57-slip-cover-open');
    simSay({ fault: 'coverOpen', on: false });
    await page.getByRole('button', { name: '重新打印回执' }).click();
    await page.getByText('回执已打印，请取走。').waitFor({ timeout: 20_000 });
    await expect.poll(() => receipts().length, { timeout: 20_000 }).toBe(3);
    await finish();
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
  it('asks for the number on the keypad while the scanner is unplugged, and takes scans again once it is back', async () => {
    await pairs.scanner.unplug();
    await page.getByTestId('check-status').click();
    await steps(page).h1('查询办理进度');
    await page.getByTestId('scanner-down').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('scanner-down').innerText()).resolves.toContain(
      '扫码器暂时无法使用',
    );
    await screenshot(page, 'portrait-59-status-scanner-down');
    await screenshotInElderMode('elder-59-status-scanner-down', 'scanner-down');
    await page.locator('#status-number').fill(applicationNo);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect
      .poll(() => page.locator('.status-result').innerText(), { timeout: 10_000 })
      .toContain(applicationNo);
    await page.getByRole('button', { name: '返回首页' }).click();
    await steps(page).h1('您好！请选择要办理的业务');

    await stopSim();
    await pairs.scanner.replug();
    await startSim();
    await page.getByTestId('check-status').click();
    await page.getByTestId('scanner-down').waitFor({ state: 'detached', timeout: 15_000 });
    simSay({ scan: `GAKIOSK:${applicationNo}` });
    await expect
      .poll(() => page.locator('.status-result').innerText(), { timeout: 10_000 })
      .toContain(applicationNo);
    await page.getByRole('button', { name: '返回首页' }).click();
  });
});
