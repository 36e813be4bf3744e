import { BrowserWindow } from 'electron';
import type { Logger } from './shared/log';
import type { Clock } from '../core/clock';
import { err, ok, type Result } from '../core/result';
import { lockdownPolicy } from './shell/lockdown';
import { isKioskUrl, KIOSK_START_URL } from './shell/origin';
import { a4FormPrintOptions } from './shell/print-options';
import { planRecovery } from './shell/recovery';
import { windowOptionsFor, webPreferencesFor, type LaunchOptions } from './shell/web-preferences';

export interface KioskWindowDeps {
  readonly preload: string;
  readonly packaged: boolean;
  readonly launch: LaunchOptions;
  readonly log: Logger;
  /** Crash-rate arithmetic: how many failures in how long. */
  readonly clock: Clock;
  readonly technicianUnlocked: () => boolean;
  /** Called when reloading is no longer enough: relaunch the app after `delayMs`. */
  readonly relaunch: (delayMs: number, attempt: number) => void;
}

/** The one kiosk window: full screen, no menu, locked down, and self-healing when its renderer dies. */
export function createKioskWindow(deps: KioskWindowDeps): BrowserWindow {
  // The options come from pure functions (shell/web-preferences.ts), checked at run time by
  // `npm run check:electron` and unit-tested in window-policy.test.ts.
  const window = new BrowserWindow(
    windowOptionsFor(
      deps.launch,
      webPreferencesFor({ preload: deps.preload, packaged: deps.packaged }),
    ),
  );
  window.setMenu(null);
  const contents = window.webContents;

  contents.on('before-input-event', (event, input) => {
    if (lockdownPolicy(input, { technicianUnlocked: deps.technicianUnlocked() }) === 'block') {
      event.preventDefault();
    }
  });
  contents.on('will-navigate', (event, url) => {
    if (!isKioskUrl(url)) {
      event.preventDefault();
      deps.log.warn('window.navigation_blocked', { scheme: url.split(':')[0] ?? '' });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isKioskUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const failures: number[] = [];
  const recover = (why: string): void => {
    const now = deps.clock.nowMs();
    const plan = planRecovery(failures, now, deps.launch.relaunchAttempt);
    failures.push(now);
    deps.log.error('window.renderer_failed', { why, action: plan.action });
    switch (plan.action) {
      case 'reload':
        if (!window.isDestroyed()) void window.loadURL(KIOSK_START_URL);
        return;
      case 'relaunch':
        deps.relaunch(plan.delayMs, plan.attempt);
        return;
    }
  };
  contents.on('render-process-gone', (_event, details) => recover(details.reason));
  window.on('unresponsive', () => recover('unresponsive'));

  window.once('ready-to-show', () => window.show());
  void window.loadURL(KIOSK_START_URL);
  return window;
}

/**
 * Prints the kiosk page on a system printer without a dialog; the page's print
 * stylesheet leaves only the A4 application form.
 */
export function printKioskPage(
  window: BrowserWindow | null,
  printerName: string | null,
): Promise<Result<{ printer: string }>> {
  if (window === null || window.isDestroyed())
    return Promise.resolve(err('no_window', 'the kiosk window is not open'));
  return new Promise((resolve) => {
    window.webContents.print(a4FormPrintOptions(printerName), (success, failureReason) =>
      resolve(
        success
          ? ok({ printer: printerName ?? 'default' })
          : err('print_failed', failureReason || 'the printer refused the job'),
      ),
    );
  });
}
