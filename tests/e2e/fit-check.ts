import type { Page } from 'playwright-core';

/**
 * Every control a citizen may touch must be reachable and whole: scrolled
 * into view it is not under another element (a sticky action bar, the demo
 * dock, an overlay), not cut off by the screen's edge or a clipping box, and
 * its label fits inside it. Returns one line per problem. The demo dock is
 * not part of a real kiosk and is left out; it is folded before checking.
 */
export async function fitProblems(page: Page, screen: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    // Scrolling each control into view moves the page: put every scroller back afterwards, for the screenshot.
    const scrolled = [document.scrollingElement, ...document.querySelectorAll('*')]
      .filter((el): el is Element => el !== null && (el.scrollTop !== 0 || el.scrollLeft !== 0))
      .map((el) => [el, el.scrollTop, el.scrollLeft] as const);
    const name = (el: Element): string => {
      const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 24);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${text}"`;
    };
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'button, input:not([type="radio"]):not([type="checkbox"]), textarea, select, a[href], [role="button"], canvas',
      ),
    ].filter((el) => {
      if (el.closest('.demo-dock, .demo-toggle, [inert], dialog:not([open])') !== null)
        return false;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return (
        style.visibility !== 'hidden' && style.display !== 'none' && r.width > 0 && r.height > 0
      );
    });
    // Controls behind an open modal are inert to the citizen: only the modal's own count.
    const modal = document.querySelector('dialog[open]');
    const checked = modal === null ? controls : controls.filter((el) => modal.contains(el));
    for (const el of checked) {
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.right > innerWidth + 1 || r.top < -1 || r.bottom > innerHeight + 1) {
        problems.push(
          `${name(el)} does not fit on the screen (${Math.round(r.width)}×${Math.round(r.height)} at ${Math.round(r.left)},${Math.round(r.top)})`,
        );
        continue;
      }
      // Inside, away from rounded corners: what a finger on the control would touch.
      const points: [number, number][] = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + r.width * 0.2, r.top + r.height * 0.25],
        [r.right - r.width * 0.2, r.top + r.height * 0.25],
        [r.left + r.width * 0.2, r.bottom - r.height * 0.25],
        [r.right - r.width * 0.2, r.bottom - r.height * 0.25],
      ];
      for (const [x, y] of points) {
        const top = document.elementFromPoint(x, y);
        if (top !== null && top !== el && !el.contains(top)) {
          problems.push(`${name(el)} is covered by ${name(top)}`);
          break;
        }
      }
      // A row of keys or choices is a group: a control that spills out of it looks broken and sits on its neighbours.
      const group = el.parentElement?.closest('[role="group"], [role="radiogroup"]');
      if (group !== null && group !== undefined) {
        const box = group.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1) {
          problems.push(`${name(el)} spills out of its group ${name(group)}`);
          continue;
        }
      }
      // A clipping ancestor (overflow hidden) that cuts the control.
      for (let p = el.parentElement; p !== null; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (
          style.overflowX !== 'hidden' &&
          style.overflowY !== 'hidden' &&
          style.overflow !== 'clip'
        )
          continue;
        const box = p.getBoundingClientRect();
        if (
          r.left < box.left - 1 ||
          r.right > box.right + 1 ||
          r.top < box.top - 1 ||
          r.bottom > box.bottom + 1
        ) {
          problems.push(`${name(el)} is cut off by ${name(p)}`);
          break;
        }
      }
      if (
        el.tagName === 'BUTTON' &&
        (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2)
      )
        problems.push(
          `${name(el)} label does not fit (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
        );
    }
    for (const el of document.querySelectorAll('*')) {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
    for (const [el, top, left] of scrolled) {
      el.scrollTop = top;
      el.scrollLeft = left;
    }
    return problems;
  });
  return found.map((p) => `${screen}: ${p}`);
}

/** The elements a screen promises in one view (every service on the home screen) are all on it without scrolling. */
export async function oneViewProblems(
  page: Page,
  screen: string,
  selector: string,
): Promise<string[]> {
  const found = await page.evaluate((sel) => {
    const problems: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight + 1 || r.left < 0 || r.right > innerWidth + 1)
        problems.push(
          `"${(el as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 24)}" is not in the first view (${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight})`,
        );
    }
    return problems;
  }, selector);
  return found.map((p) => `${screen}: ${p}`);
}

/** While typing, the question, the field and the whole keyboard are on the screen together, without scrolling. */
export async function typingProblems(page: Page, screen: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    window.scrollTo(0, 0);
    const problems: string[] = [];
    const parts = [
      ['the question', document.querySelector('h1')],
      ['the field', document.querySelector('#answer')],
      ['the keyboard', document.querySelector('.cn-keyboard, .keypad')],
    ] as const;
    const bar = document.querySelector('.action-bar')?.getBoundingClientRect();
    const bottom = bar === undefined ? innerHeight : Math.min(innerHeight, bar.top);
    // The page may start scrolled by focus: judge by the screen as the citizen sees it after the field got focus.
    document.querySelector<HTMLElement>('#answer')?.focus();
    for (const [label, el] of parts) {
      if (el === null) continue;
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > bottom + 1)
        problems.push(
          `${label} is not in view while typing (${Math.round(r.top)}–${Math.round(r.bottom)} of ${Math.round(bottom)})`,
        );
    }
    return problems;
  });
  return found.map((p) => `${screen}: ${p}`);
}

/** The demo dock is not on a real kiosk: folded for every check, opened to place or lift a card. */
export async function setDemoDock(page: Page, open: boolean): Promise<void> {
  // Behind a modal the dock cannot be reached (nor can it cover anything the modal holds).
  if ((await page.locator('dialog[open]').count()) > 0) return;
  const toggle = page.getByRole('button', { name: open ? '演示' : '收起', exact: true });
  if ((await toggle.count()) > 0) await toggle.click();
}
