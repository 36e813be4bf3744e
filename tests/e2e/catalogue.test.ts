import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../fleet/catalogue';
import { demoConfig, screenshot, withKioskPage } from './harness';

/**
 * A province's catalogue of 200 items (made from the shipped 16): the search
 * shows the best matches, not two hundred tiles, and says how many more one
 * letter away.
 */
const rules = writeCatalogue(join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'rules'), 200);

describe('a catalogue of 200 items in Chromium', () => {
  const ctx = withKioskPage({ config: demoConfig(), env: { KIOSK_RULES_DIR: rules } });

  it('one letter shows the best 24 and says how many more; more letters narrow to 护照', async () => {
    const { page } = ctx;
    await page.getByTestId('search-open').click();
    const search = page.getByTestId('service-search');
    const press = (key: string) =>
      search.locator('.keypad').getByRole('button', { name: key, exact: true }).click();
    const tiles = page.getByTestId('search-results').locator('[data-service]');
    await press('H');
    await expect.poll(() => tiles.count()).toBe(24);
    const more = page.getByTestId('search-more');
    const said = await more.innerText();
    expect(said).toMatch(/^还有 \d+ 项业务，继续输入字母可以缩小范围。$/);
    expect(Number(/\d+/.exec(said)?.[0])).toBeGreaterThan(100);
    await screenshot(page, 'portrait-31-search-catalogue-h');
    const elder = page.getByRole('button', { name: '长辈版', exact: true });
    await elder.click();
    await screenshot(page, 'portrait-31-search-catalogue-h-elder');
    await elder.click();
    await press('Z');
    // 护照 (hz) first; a second letter leaves a few dozen, the count says so.
    await expect
      .poll(() => tiles.first().getAttribute('data-service'))
      .toMatch(/^passport-first(-v\d+)?$/);
    const fewer = Number(/\d+/.exec(await more.innerText())?.[0]);
    expect(fewer).toBeGreaterThan(0);
    expect(fewer).toBeLessThan(50);
  });
});
