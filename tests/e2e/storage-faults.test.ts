import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  demoConfig,
  launchChromium,
  screenshot,
  startKiosk,
  VIEWPORTS,
  withKioskPage,
} from './harness';
import { recordJourneyToReview } from './journey-steps';
import { keyFingerprint } from '../../electron/store/integrity';

describe('a kiosk short of disk space', () => {
  // More free space than any test machine has: the kiosk must consider itself full.
  const ctx = withKioskPage({ config: demoConfig({ storage: { minFreeMb: 1_000_000_000 } }) });

  it('tells the citizen before they confirm, and keeps their answers', async () => {
    const { page } = ctx;
    await recordJourneyToReview(page);
    const warning = page.getByTestId('storage-low');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toContain('本机存储空间不足');
    await expect(page.getByRole('button', { name: '确认提交' }).isDisabled()).resolves.toBe(true);
    // The answers are still on the review screen to take to the counter.
    await expect(page.locator('main').innerText()).resolves.toContain('13900005555');
    await screenshot(page, 'portrait-67-review-disk-low');
    // And the main process refuses too, whatever the screen does.
    const answer = await page.evaluate(
      async () =>
        (await (
          await fetch('/api/checkStorage', { method: 'POST', body: '{}' })
        ).json()) as unknown,
    );
    expect(answer).toMatchObject({ ok: true, value: { ok: false } });
  });
});

describe('a kiosk that cannot start', () => {
  let browser: Browser | null = null;
  afterAll(async () => {
    await browser?.close();
  });

  /** Starts a web host that cannot start and opens its page, as a citizen would find it. */
  const outOfService = async (
    options: Parameters<typeof startKiosk>[0],
    shot: string,
  ): Promise<{ text: string; stop: () => Promise<void> }> => {
    const kiosk = await startKiosk(options);
    browser ??= await launchChromium();
    const page = await browser.newPage({ viewport: VIEWPORTS.portrait });
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1, name: '本机暂停服务' }).waitFor();
    await screenshot(page, shot);
    const text = await page.locator('main').innerText();
    await page.close();
    return { text, stop: () => kiosk.stop() };
  };

  it('says it is out of service when the database is damaged, with the technician’s steps, and keeps the file as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-corrupt-'));
    const garbage = Buffer.from('SQLite format 3\0'.padEnd(8192, '\u00a5'), 'latin1');
    writeFileSync(join(dataDir, 'kiosk.sqlite'), garbage);
    const { text, stop } = await outOfService(
      { config: demoConfig(), dataDir },
      'portrait-68-out-of-service-database',
    );
    await stop();
    expect(text).toContain('请到窗口办理');
    expect(text).toContain('This kiosk is out of service');
    expect(text).toMatch(/\[database\/database_corrupt\]/);
    expect(text).toMatch(/kiosk\.sqlite is damaged/);
    expect(text).toMatch(/Technician: copy the whole data folder/);
    expect(readFileSync(join(dataDir, 'kiosk.sqlite')).equals(garbage)).toBe(true);
  });

  it('names every wrong field of a bad config file on the notice', async () => {
    const { text, stop } = await outOfService(
      { config: demoConfig({ kioskId: 'has spaces', backOffice: { url: 'http://x' } }) },
      'portrait-69-out-of-service-config',
    );
    await stop();
    expect(text).toMatch(/\[config\/config_invalid\]/);
    expect(text).toContain('kioskId');
    expect(text).toContain('backOffice');
  });

  it('says it is out of service when applications are missing from the database, and writes no new key', async () => {
    // A kiosk that stored five applications with this key; the database holding them is gone.
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-missing-'));
    const key = randomBytes(32);
    mkdirSync(join(dataDir, 'keys'), { mode: 0o700 });
    writeFileSync(join(dataDir, 'keys', 'data.key'), key, { mode: 0o600 });
    writeFileSync(
      join(dataDir, 'integrity.json'),
      JSON.stringify({
        version: 1,
        everStored: 5,
        keyFingerprint: keyFingerprint(key),
        lastApplicationNo: '20260615-7K3M9Q-4',
        since: '2026-06-01T08:00:00.000Z',
      }),
    );
    const { text, stop } = await outOfService(
      { config: demoConfig(), dataDir },
      'portrait-70-out-of-service-integrity',
    );
    await stop();
    expect(text).toContain('请到窗口办理');
    expect(text).toMatch(/\[integrity\/applications_missing\]/);
    expect(text).toContain('holds 0 application(s) but 5 were stored');
    expect(text).toContain('20260615-7K3M9Q-4');
    expect(text).toContain('accept-loss');
    expect(readFileSync(join(dataDir, 'keys', 'data.key')).equals(key)).toBe(true);
  });
});
