import { generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestFor, writeBundle } from '../../rules/bundle-files';
import {
  demoConfig,
  launchChromium,
  openKioskPage,
  ROOT,
  screenshot,
  startKiosk,
  type RunningKiosk,
} from './harness';
import { steps } from './journey-steps';
import type { Browser } from 'playwright-core';

/**
 * A kiosk that requires signed rules, as a packaged one does: the city's
 * authority signs the bundle; someone changes a fee without signing again and
 * the kiosk keeps the reviewed fee, saying so to staff; signed again with a
 * newer version, the new fee is on the next citizen's slip.
 */
describe('signed rule bundles in a kiosk that requires them', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const trusted = {
    id: 'city-2026',
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
  const config = demoConfig({ rules: { signature: 'required', trustedKeys: [trusted] } });
  const base = mkdtempSync(join(tmpdir(), 'signed-rules-'));
  const rules = join(base, 'rules');
  const dataDir = join(base, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  const licenceFile = join(rules, 'services', 'driving-licence-replacement.json');
  let browser: Browser;

  const signAs = (version: string): void => {
    const manifest = manifestFor(rules, {
      version,
      reviewedBy: '示例市公安局法制支队 审核员',
      reviewedAt: '2026-06-01',
      issuer: '示例市公安局',
    });
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    writeBundle(rules, bytes, trusted.id, sign(null, bytes, privateKey));
  };
  const setFee = (amount: number): void => {
    const rule = JSON.parse(readFileSync(licenceFile, 'utf8')) as {
      fee: { items: { amount: number }[] };
    };
    rule.fee.items[0]!.amount = amount;
    writeFileSync(licenceFile, JSON.stringify(rule, null, 2));
  };
  /** Starts the kiosk on the same data folder, as a restart between sessions would. */
  async function withKiosk(body: (page: Page) => Promise<void>): Promise<void> {
    const kiosk: RunningKiosk = await startKiosk({
      config,
      dataDir,
      env: { KIOSK_RULES_DIR: rules },
    });
    try {
      await body(await openKioskPage(browser, kiosk));
    } finally {
      await kiosk.stop();
    }
  }
  /** 驾驶证遗失补领 to its review screen: the fee the citizen would pay. */
  async function feeOnReview(page: Page): Promise<string> {
    const s = steps(page);
    await s.start('driving-licence-replacement', 'adult');
    await s.choose('没有，是丢失了');
    await s.next();
    await s.keys('13800005678');
    await s.next();
    await s.next();
    await s.h1('请核对您的申请');
    return (await s.main()).match(/￥\d+\.\d\d/)?.[0] ?? '';
  }

  beforeAll(async () => {
    for (const part of ['services', 'calendar', 'common.json'])
      cpSync(join(ROOT, 'rules', part), join(rules, part), { recursive: true });
    signAs('2026.12.1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the signed bundle: every service, no notice', async () => {
    await withKiosk(async (page) => {
      await steps(page).h1('您好！请选择要办理的业务');
      expect(await page.locator('.service-tile').count()).toBeGreaterThanOrEqual(16);
      await expect(page.getByTestId('rules-last-good').count()).resolves.toBe(0);
      await expect(feeOnReview(page)).resolves.toBe('￥10.00');
    });
  });

  it('refuses a fee changed without a new signature, keeps the reviewed fee, and tells staff', async () => {
    setFee(12);
    await withKiosk(async (page) => {
      const notice = page.getByTestId('rules-last-good');
      await expect(notice.innerText()).resolves.toContain('未通过签名校验');
      await expect(notice.innerText()).resolves.toContain('2026.12.1');
      await screenshot(page, 'portrait-41-home-rules-last-good');
      await expect(feeOnReview(page)).resolves.toBe('￥10.00');
    });
  });

  it('applies the change once the authority signs it as a newer version: the slip shows the new fee', async () => {
    signAs('2026.12.2');
    await withKiosk(async (page) => {
      await expect(page.getByTestId('rules-last-good').count()).resolves.toBe(0);
      await expect(feeOnReview(page)).resolves.toBe('￥12.00');
      const s = steps(page);
      await s.submit();
      await s.h1('提交成功');
      await expect(s.main()).resolves.toContain('￥12.00');
    });
  });
});
