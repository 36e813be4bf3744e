import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../integration/pty-pair';
import {
  callApi,
  demoConfig,
  launchChromium,
  openKioskPage,
  screenshot,
  startKiosk,
  withSerialPrinter,
  type RunningKiosk,
} from './harness';
import { startDeviceSimulators, type DeviceSimulators } from './device-simulators';
import { steps } from './journey-steps';

/**
 * A child who came alone is stopped at the first question of 普通护照换发补发, with the
 * article that says so; they take the 一次性告知单 with them, printed by a real ESC/POS
 * printer simulator over a PTY. Nothing about the child is on the paper.
 */
describe('the 一次性告知单 of a refusal', () => {
  let printer: PtyPair;
  let sims: DeviceSimulators;
  let kiosk: RunningKiosk;
  let browser: Browser;
  beforeAll(async () => {
    printer = await openPtyPair();
    sims = await startDeviceSimulators({ printer: printer.deviceEnd });
    kiosk = await startKiosk({ config: withSerialPrinter(demoConfig(), printer.kioskEnd) });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    await sims?.stop();
    await printer?.close();
  });

  it('prints the reason and its basis for a child who came alone, and nothing for an answer the rules accept', async () => {
    const page = await openKioskPage(browser, kiosk);
    const s = steps(page);
    await s.start('passport-renewal', 'minor');
    await s.h1('今天陪同孩子来办理的是');
    await s.choose('没有人陪同，孩子自己来的');
    await s.next();
    await page.locator('.field-basis').waitFor();
    const before = sims.printed.length;
    await page.getByRole('button', { name: '打印一次性告知单' }).click();
    await page.getByText('告知单已打印，请从出纸口取走。').waitFor({ timeout: 20_000 });
    await screenshot(page, 'portrait-refusal-notice-printed');
    await expect.poll(() => sims.printed.length, { timeout: 20_000 }).toBe(before + 1);
    const paper = sims.printed[before]!.receipt.replace(/\n/g, '');
    expect(paper).toContain('一次性告知单');
    expect(paper).toContain('普通护照换发补发');
    expect(paper).toContain('须由监护人陪同');
    expect(paper).toContain('依据');
    expect(paper).toContain('签发管理办法》第三条');
    expect(paper).toContain('12345');
    expect(paper).toContain('示例市公安局示例分局示例派出所');
    // Nothing about the child: not the name, not the number (the sample card's).
    expect(paper).not.toMatch(/欧阳|小龙/);
    expect(paper).not.toMatch(/\d{17}[\dX]/);

    // The kiosk evaluates again: an answer its rules accept is no refusal, and nothing prints.
    const accepted = (await callApi(page, 'printRefusal', {
      serviceId: 'passport-renewal',
      questionId: 'companion',
      answers: { companion: 'guardian' },
    })) as { ok: boolean; error?: { code: string } };
    expect(accepted).toMatchObject({ ok: false, error: { code: 'not_refused' } });
    expect(sims.printed.length).toBe(before + 1);
    await page.close();
  });
});
