import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyShippedRules,
  setFirstFee,
  signRules,
  testAuthority,
  trustedKey,
} from '../rule-bundles';
import {
  demoConfig,
  launchChromium,
  openKioskPage,
  screenshot,
  startKiosk,
  withBackOfficeAndKioskPage,
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
const authority = testAuthority('city-2026');
const requireSigned = { rules: { signature: 'required', trustedKeys: [trustedKey(authority)] } };

const signAs = (rules: string, version: string): void => void signRules(rules, authority, version);
/** 驾驶证遗失补领's fee, edited in the rules folder. */
const setFee = (rules: string, amount: number): void =>
  setFirstFee(rules, 'driving-licence-replacement', amount);
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

describe('signed rule bundles in a kiosk that requires them', () => {
  const config = demoConfig(requireSigned);
  const rules = copyShippedRules();
  const dataDir = join(rules, '..', 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  let browser: Browser;
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
  beforeAll(async () => {
    signAs(rules, '2026.12.1');
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
    setFee(rules, 12);
    await withKiosk(async (page) => {
      const notice = page.getByTestId('rules-last-good');
      await expect(notice.innerText()).resolves.toContain('未通过签名校验');
      await expect(notice.innerText()).resolves.toContain('2026.12.1');
      await screenshot(page, 'portrait-41-home-rules-last-good');
      await expect(feeOnReview(page)).resolves.toBe('￥10.00');
    });
  });

  it('applies the change once the authority signs it as a newer version: the slip shows the new fee', async () => {
    signAs(rules, '2026.12.2');
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

describe('a newer signed bundle from the back office', () => {
  const rules = copyShippedRules();
  signAs(rules, '2026.12.1');
  const ctx = withBackOfficeAndKioskPage(
    { heartbeatSeconds: 5 },
    { config: requireSigned, env: { KIOSK_RULES_DIR: rules } },
  );

  it('waits for the citizen at the screen to finish, then serves the new fee to the next one', async () => {
    const { page, office, kiosk } = ctx;
    const s = steps(page);
    const incoming = join(kiosk.dataDir, 'rules-incoming');
    // A citizen is mid-journey when the station publishes 2026.12.2 (fee ￥12).
    await s.start('driving-licence-replacement', 'adult');
    await s.choose('没有，是丢失了');
    await s.next();
    const newer = copyShippedRules();
    setFee(newer, 12);
    signAs(newer, '2026.12.2');
    office.publishRules(newer);
    await expect.poll(() => existsSync(incoming), { timeout: 20_000 }).toBe(true);
    // Fetched and verified, but not applied under her feet: her slip keeps the fee she was shown.
    await s.keys('13800005678');
    await s.next();
    await s.next();
    await s.h1('请核对您的申请');
    await s.submit();
    await s.h1('提交成功');
    await expect(s.main()).resolves.toContain('￥10.00');
    await s.finish();
    // Between sessions: applied, and the incoming copy is gone.
    await expect.poll(() => existsSync(incoming), { timeout: 10_000 }).toBe(false);
    await expect(feeOnReview(page)).resolves.toBe('￥12.00');
    await s.submit();
    await s.h1('提交成功');
    await expect(s.main()).resolves.toContain('￥12.00');
    await s.finish();
    expect(office.requests().rules).toBeGreaterThanOrEqual(1);
  });

  it('fetches the newest bundle again when its good copy was deleted, and the back office sees the rollback', async () => {
    const { office, kiosk } = ctx;
    const good = join(kiosk.dataDir, 'rules-bundle', 'bundle.json');
    const version = () =>
      existsSync(good)
        ? (JSON.parse(readFileSync(good, 'utf8')) as { version: string }).version
        : null;
    expect(version()).toBe('2026.12.2');
    await kiosk.stop();
    // A local user removes the floor: the package's own (older) bundle is all that is left.
    rmSync(join(kiosk.dataDir, 'rules-bundle'), { recursive: true });
    const again = await startKiosk({
      config: JSON.parse(readFileSync(join(kiosk.dataDir, 'kiosk.json'), 'utf8')),
      dataDir: kiosk.dataDir,
      env: { KIOSK_RULES_DIR: rules },
    });
    try {
      await expect.poll(version, { timeout: 20_000 }).toBe('2026.12.2');
      expect(office.rollbacks()).toEqual([
        { kioskId: 'E2E-01', asked: '2026.12.1', delivered: '2026.12.2' },
      ]);
    } finally {
      await again.stop();
    }
  });
});
