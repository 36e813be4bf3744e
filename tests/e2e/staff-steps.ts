import { sleep } from '../sleep';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Holds the kiosk emblem until the sign-in dialog opens (three seconds), as staff do. Not a
 * fixed wait: on a busy machine the page's own 3-s timer fires late, and a release after a
 * fixed 3.2 s came before it.
 */
export async function holdEmblem(page: Page): Promise<void> {
  const box = await page.getByTestId('staff-entry').boundingBox();
  await page.mouse.move(box!.x + 20, box!.y + 20);
  await page.mouse.down();
  try {
    await page.getByRole('dialog', { name: '工作人员登录' }).waitFor({ timeout: 15_000 });
  } finally {
    await page.mouse.up();
  }
}

/** Types a PIN on the sign-in dialog's keypad (choosing the role first when given) and waits for the answer. */
export async function typePin(
  page: Page,
  pin: string,
  role?: '大厅引导员' | '技术人员',
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '工作人员登录' });
  if (role !== undefined) await dialog.getByRole('radio', { name: role }).click();
  for (const digit of pin)
    await dialog.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
  await dialog.getByRole('button', { name: '登录' }).click();
  // The answer comes back from the main process (scrypt at N = 2^17, about 0.3 s here). Read
  // the field in one step: the dialog closes on success, and a count() followed by
  // inputValue() would wait forever for a field that went away in between.
  await expect
    .poll(
      () =>
        page.evaluate(() => document.querySelector<HTMLInputElement>('#staff-pin')?.value ?? ''),
      { timeout: 15_000 },
    )
    .toBe('');
  await sleep(300, 'the page settles after the sign-in');
}
