import type { Locator } from 'playwright-core';

/**
 * The characters of an element as the screen shows them, left to right and
 * line by line (spaces left out): where bidi reordered a value, this differs
 * from its text. `20261207-Q4WZKR-F` shown as `Q4WZKR-F-20261207` on a
 * right-to-left screen reads back as the latter.
 */
export function visualText(element: Locator): Promise<string> {
  return element.evaluate((root) => {
    const chars: { ch: string; x: number; y: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const ch = text[i] ?? '';
        if (/\s/.test(ch)) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        chars.push({ ch, x: rect.left + rect.width / 2, y: Math.round(rect.top / 8) });
      }
    }
    chars.sort((a, b) => a.y - b.y || a.x - b.x);
    return chars.map((c) => c.ch).join('');
  });
}
