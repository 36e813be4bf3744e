import type { ControlFacts } from './describe';

/**
 * The audio mode's reading order: every control and every passage a sighted
 * citizen would read, top to bottom, like a screen reader's browse mode. The
 * on-screen keyboards are left out: a blind citizen types on the keypad.
 */
const STOPS = [
  'button',
  'input:not([type="hidden"])',
  'textarea',
  'a[href]',
  'h1',
  'h2',
  'h3',
  '.notice',
  '.field-error',
  '.summary-row',
  '.identity-row',
  '.material-name',
  '.material-meta',
  '.screen-lead',
  'li',
  'p',
  '[data-audio-stop]',
].join(',');

const SKIPPED = '.keypad, .cn-keyboard, [aria-hidden="true"], [inert]';
const CONTROL = 'button, input, textarea, a[href]';

const clean = (text: string | null | undefined): string =>
  (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^[✓✗]\s*/, '')
    .trim();

/** Text of an element without `leaveOut` inside it (a mark drawn for the eye, a control read on its own). */
function textWithout(element: Element, leaveOut: string): string {
  if (element instanceof HTMLElement && element.querySelector(leaveOut) === null)
    return clean(element.innerText);
  const copy = element.cloneNode(true) as Element;
  for (const inner of copy.querySelectorAll(leaveOut)) inner.remove();
  // Parts drawn apart (a label and its hint) stay words apart.
  for (const part of copy.querySelectorAll('*')) part.append(' ');
  return clean(copy.textContent);
}

/** Text of a passage without the controls inside it (they are stops of their own). */
const passageText = (element: Element): string => textWithout(element, `${CONTROL}, ${SKIPPED}`);

const isControl = (element: Element): boolean => element.matches(CONTROL);

function visible(element: HTMLElement): boolean {
  if (element.closest(SKIPPED) !== null) return false;
  // Radio inputs are drawn by their card: the card's box counts.
  const box = element.matches('input[type="radio"], input[type="checkbox"]')
    ? (element.closest('label') ?? element)
    : element;
  return box.getClientRects().length > 0;
}

/** The stops of a screen, in document order, each passage once (not again through its parts). */
export function stopsIn(root: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const element of root.querySelectorAll<HTMLElement>(STOPS)) {
    if (!visible(element)) continue;
    if (!isControl(element)) {
      // A passage inside a passage already taken, or inside a control (a card's label), is not read twice.
      if (out.some((taken) => !isControl(taken) && taken.contains(element))) continue;
      const holder = element.parentElement?.closest(`${CONTROL}, label`) ?? null;
      if (holder !== null) continue;
      if (passageText(element) === '') continue;
    }
    out.push(element);
  }
  return out;
}

function labelledText(element: Element): string | null {
  const label = element.getAttribute('aria-label');
  if (label !== null && label.trim() !== '') return clean(label);
  const ids = element.getAttribute('aria-labelledby');
  if (ids === null) return null;
  // A label's marks for the eye (a material's ✓ or !) are not part of its name.
  const text = ids
    .split(/\s+/)
    .map((id) => {
      const label = element.ownerDocument.getElementById(id);
      return label === null ? '' : textWithout(label, '[aria-hidden="true"]');
    })
    .join(' ');
  return clean(text) || null;
}

function controlName(element: HTMLElement): string {
  const labelled = labelledText(element);
  if (labelled !== null) return labelled;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    const label = element.labels?.[0];
    if (label !== undefined) return passageText(label);
  }
  // What is drawn (a tile's parts as words apart, nothing a layout hides), as a sighted citizen reads it.
  return clean(element.innerText);
}

/** Whether a passage shows the citizen's own details (marked `data-personal` where it is drawn). */
const personal = (element: Element): boolean => element.closest('[data-personal]') !== null;

/** Reads what a stop is, for `describeControl`. */
export function factsOf(element: HTMLElement): ControlFacts {
  const name = controlName(element);
  if (element instanceof HTMLButtonElement) {
    const pressed = element.getAttribute('aria-pressed');
    return pressed === null
      ? { role: 'button', name, disabled: element.disabled }
      : { role: 'toggle', name, pressed: pressed === 'true', disabled: element.disabled };
  }
  if (element instanceof HTMLInputElement && element.type === 'radio') {
    const group = [
      ...element.ownerDocument.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
    ].filter((r) => r.name === element.name);
    return {
      role: 'radio',
      name,
      checked: element.checked,
      index: group.indexOf(element) + 1,
      count: group.length,
    };
  }
  if (element instanceof HTMLInputElement && element.type === 'checkbox')
    return { role: 'checkbox', name, checked: element.checked };
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
    return { role: 'textbox', name, value: element.value };
  if (element instanceof HTMLAnchorElement) return { role: 'link', name };
  if (/^H[1-6]$/.test(element.tagName)) return { role: 'heading', name: passageText(element) };
  // A notice is said whole, its links (an error summary's) included.
  const whole = element.matches('[role="alert"], [role="status"]');
  return {
    role: 'text',
    name: whole ? clean(element.textContent) : passageText(element),
    personal: personal(element),
  };
}

/** The labelled group a control sits in (a material's 带了 / 没有), or null. */
export function groupOf(element: Element): Element | null {
  const group = element.closest('[role="group"][aria-labelledby], [role="group"][aria-label]');
  return group !== null && group.closest('.assist-bar') === null ? group : null;
}

export const groupName = (group: Element): string => labelledText(group) ?? '';

/** Whether keys typed now belong to a text field. */
export const isTyping = (element: Element | null): boolean =>
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLInputElement &&
    !['radio', 'checkbox', 'button', 'submit'].includes(element.type));
