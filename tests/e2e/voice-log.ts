import type { Page } from 'playwright-core';
import { wavFacts, type WavFacts } from '../wav-facts';

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

/** One sentence the kiosk's own voice was asked to say, and the sound it gave back. */
export interface Synthesized {
  readonly text: string;
  readonly locale: string;
  readonly personal: boolean;
  readonly sound: WavFacts | null;
}

/**
 * Every sentence the page sends to the kiosk's own voice (synthesizeSpeech on
 * the web host) from now on, with the WAV that came back read for its length
 * and loudness; `sound` is null when the call failed.
 */
export function synthesizedOn(page: Page): Synthesized[] {
  const said: Synthesized[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/synthesizeSpeech')) return;
    const asked = response.request().postDataJSON() as {
      text: string;
      locale: string;
      personal: boolean;
    };
    void response
      .json()
      .then((answer: { ok: boolean; value?: { base64: string } }) => {
        const sound =
          answer.ok && answer.value !== undefined
            ? wavFacts(new Uint8Array(Buffer.from(answer.value.base64, 'base64')))
            : null;
        said.push({ ...asked, sound });
      })
      .catch(() => said.push({ ...asked, sound: null }));
  });
  return said;
}
