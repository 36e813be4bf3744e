import { sleep } from '../sleep';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot, smallestTarget } from './harness';

export type Mode = 'normal' | 'elder';

/**
 * axe-core on the screen as it is now (the demo dock is not part of a real
 * kiosk): WCAG 2.2 A/AA, and in 长辈版 also the 7:1 enhanced contrast. Returns
 * the serious and critical findings, and a touch target below the mode's
 * floor, in words a person can act on.
 */
export async function axe(page: Page, mode: Mode, screen: string): Promise<string[]> {
  expect(await page.locator('html').getAttribute('data-mode'), screen).toBe(mode);
  await page.evaluate(() => document.fonts.ready);
  // Let transitions settle so contrast is measured on the final colours.
  await sleep(250, 'transitions in the page run on its own timers');
  const builder = new AxeBuilder({ page: page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('.demo-dock');
  if (mode === 'elder')
    builder.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
  const results = await builder.analyze();
  // axe really looked: many rules passed, and in 长辈版 the 7:1 rule was among them.
  const ran = [...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id);
  expect(results.passes.length, screen).toBeGreaterThan(15);
  expect(ran, screen).toContain('color-contrast');
  if (mode === 'elder') expect(ran, screen).toContain('color-contrast-enhanced');
  await screenshot(page, `a11y-${mode}-${screen}`);
  // Touch targets: 60 px in normal mode, 80 px in 长辈版 (the demo dock is not the kiosk's).
  const smallest = await smallestTarget(page);
  const floor = mode === 'elder' ? 80 : 60;
  const small =
    Math.min(smallest.width, smallest.height) < floor
      ? [
          `${screen}: touch target "${smallest.label}" ${smallest.width}×${smallest.height} px < ${floor}`,
        ]
      : [];
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`,
      ),
    )
    .concat(small);
}
