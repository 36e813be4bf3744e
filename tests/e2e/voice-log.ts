import type { Page } from 'playwright-core';

/**
 * Every utterance the kiosk makes from now on, as its voice bar shows it
 * (sentences joined by " | "), pushed to the array returned. One entry per
 * utterance (the bar counts them), even when two say the same words.
 */
export async function listenTo(page: Page): Promise<string[]> {
  const heard: string[] = [];
  await page.exposeFunction('__heard', (text: string) => heard.push(text));
  await page.evaluate(() => {
    const report = (window as unknown as { __heard: (text: string) => void }).__heard;
    new MutationObserver(() => {
      const text = document.querySelector('[data-spoken]')?.getAttribute('data-spoken') ?? '';
      if (text !== '') report(text);
    }).observe(document.body, {
      attributes: true,
      subtree: true,
      attributeFilter: ['data-spoken-count'],
    });
  });
  return heard;
}
