/** The parts of Electron's `Input` (before-input-event) the policy looks at. */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly code?: string;
  readonly alt: boolean;
  readonly control: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

export type LockdownDecision = 'allow' | 'block';

const FUNCTION_KEYS_BLOCKED = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12']);
/** With Ctrl (or Cmd): close, quit, reload, print, save, open, new window/tab, view source, find, zoom, devtools. */
// prettier-ignore
const CTRL_KEYS_BLOCKED = new Set([
  'w', 'q', 'r', 'p', 's', 'o', 'n', 't', 'u', 'f', 'g', 'h', 'j', 'l', 'd', 'e', 'k',
  '+', '=', '-', '_', '0', 'tab', 'pageup', 'pagedown', 'f4',
]);
// prettier-ignore
const NAVIGATION_KEYS = new Set([
  'browserback', 'browserforward', 'browserrefresh', 'browserhome', 'browsersearch',
  'browserfavorites', 'browserstop', 'contextmenu', 'help', 'launchmail', 'launchapp1', 'launchapp2',
]);

/**
 * Which keys a citizen's (or a stray USB keyboard's) input may not deliver:
 * anything that closes, reloads, prints, opens devtools, zooms or navigates
 * away. A technician who has unlocked diagnostics gets every key.
 */
export function lockdownPolicy(
  input: KeyInput,
  state: { readonly technicianUnlocked: boolean },
): LockdownDecision {
  if (state.technicianUnlocked) return 'allow';
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return 'allow';
  const key = input.key.toLowerCase();
  if (FUNCTION_KEYS_BLOCKED.has(input.key)) return 'block';
  if (NAVIGATION_KEYS.has(key)) return 'block';
  if (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright' || key === 'home'))
    return 'block';
  if ((input.control || input.meta) && CTRL_KEYS_BLOCKED.has(key)) return 'block';
  // Ctrl+Shift+I/J/C/M/Delete: devtools, inspector, device mode, clear data.
  if ((input.control || input.meta) && input.shift) return 'block';
  // The Windows/Super key alone opens the start menu on some shells.
  if (key === 'meta' || key === 'os') return 'block';
  return 'allow';
}
