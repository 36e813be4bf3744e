import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoConfig, screenshot, startKiosk, withKioskPage } from './harness';
import { recordJourneyToReview } from './journey-steps';

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

describe('a damaged database at start-up', () => {
  it('refuses to start with a message for the technician, and keeps the file as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-corrupt-'));
    const garbage = Buffer.from('SQLite format 3\0'.padEnd(8192, '\u00a5'), 'latin1');
    writeFileSync(join(dataDir, 'kiosk.sqlite'), garbage);
    const started = startKiosk({ config: demoConfig(), dataDir });
    const failure = await started.then(
      () => new Error('the kiosk started on a damaged database'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).toMatch(/exited with 1/);
    expect(failure.message).toMatch(/终端无法启动/);
    expect(failure.message).toMatch(/kiosk\.sqlite is damaged/);
    expect(failure.message).toMatch(/Technician: copy the whole data folder/);
    expect(readFileSync(join(dataDir, 'kiosk.sqlite')).equals(garbage)).toBe(true);
  });
});
