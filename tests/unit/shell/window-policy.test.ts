import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../../electron/shell/csp';
import { isKioskUrl, KIOSK_START_URL, permissionDecision } from '../../../electron/shell/origin';
import { planRecovery } from '../../../electron/shell/recovery';
import { resolveStaticFile } from '../../../electron/shell/static-files';
import {
  parseLaunchArgs,
  webPreferencesFor,
  windowOptionsFor,
} from '../../../electron/shell/web-preferences';

describe('webPreferencesFor', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    const prefs = webPreferencesFor({ preload: '/app/preload.cjs', packaged: true });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/preload.cjs',
    });
  });

  it('turns devtools off in a packaged build and on in development', () => {
    expect(webPreferencesFor({ preload: 'p', packaged: true }).devTools).toBe(false);
    expect(webPreferencesFor({ preload: 'p', packaged: false }).devTools).toBe(true);
  });
});

describe('window options', () => {
  const prefs = webPreferencesFor({ preload: 'p', packaged: true });
  it('opens full-screen kiosk mode without a frame by default', () => {
    const options = windowOptionsFor(parseLaunchArgs(['electron', '.']), prefs);
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      show: false,
    });
  });
  it('opens a normal window with --windowed for development', () => {
    const options = windowOptionsFor(parseLaunchArgs(['electron', '.', '--windowed']), prefs);
    expect(options).toMatchObject({ kiosk: false, fullscreen: false, frame: true });
  });
  it('reads the relaunch attempt our own relaunch passes, and ignores junk', () => {
    expect(parseLaunchArgs(['x', '--relaunch-attempt=3']).relaunchAttempt).toBe(3);
    expect(parseLaunchArgs(['x', '--relaunch-attempt=-1']).relaunchAttempt).toBe(0);
    expect(parseLaunchArgs(['x', '--relaunch-attempt=abc']).relaunchAttempt).toBe(0);
  });
});

describe('kiosk origin and permissions', () => {
  it('recognises only the kiosk page as the kiosk', () => {
    expect(isKioskUrl(KIOSK_START_URL)).toBe(true);
    expect(isKioskUrl('app://kiosk/assets/index.js')).toBe(true);
    expect(isKioskUrl('app://evil/index.html')).toBe(false);
    expect(isKioskUrl('https://kiosk/index.html')).toBe(false);
    expect(isKioskUrl('file:///etc/passwd')).toBe(false);
    expect(isKioskUrl('')).toBe(false);
    expect(isKioskUrl(undefined)).toBe(false);
    expect(isKioskUrl('not a url')).toBe(false);
  });

  it('grants the camera to the kiosk page only, and nothing else to anyone', () => {
    expect(permissionDecision('media', KIOSK_START_URL, ['video'])).toBe(true);
    expect(permissionDecision('media', KIOSK_START_URL, ['audio'])).toBe(false);
    expect(permissionDecision('media', KIOSK_START_URL, ['video', 'audio'])).toBe(false);
    expect(permissionDecision('media', 'https://example.com/', ['video'])).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
      'openExternal',
    ]) {
      expect(permissionDecision(permission, KIOSK_START_URL)).toBe(false);
    }
  });
});

describe('content security policy', () => {
  it('allows only the kiosk bundle: no inline script, no remote origin, no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(securityHeaders()['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('renderer recovery', () => {
  it('reloads for the first failures, then relaunches with a doubling, capped delay', () => {
    const now = 1_000_000;
    expect(planRecovery([], now, 0)).toEqual({ action: 'reload' });
    expect(planRecovery([now - 1000, now - 500], now, 0)).toEqual({ action: 'reload' });
    expect(planRecovery([now - 3000, now - 2000, now - 1000], now, 0)).toEqual({
      action: 'relaunch',
      delayMs: 2000,
      attempt: 1,
    });
    expect(planRecovery([now - 3000, now - 2000, now - 1000], now, 3)).toEqual({
      action: 'relaunch',
      delayMs: 16000,
      attempt: 4,
    });
    expect(planRecovery([now - 3000, now - 2000, now - 1000], now, 30)).toMatchObject({
      delayMs: 300_000,
    });
  });
  it('forgets failures older than the window', () => {
    const now = 10_000_000;
    expect(planRecovery([now - 600_000, now - 500_000, now - 400_000], now, 0)).toEqual({
      action: 'reload',
    });
  });
});

describe('static files', () => {
  it('serves index.html for / and files inside the root', () => {
    expect(resolveStaticFile('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(resolveStaticFile('/srv/r', '/assets/a.js?v=1')).toBe('/srv/r/assets/a.js');
  });
  it('refuses to leave the root, encoded or not', () => {
    expect(resolveStaticFile('/srv/r', '/../etc/passwd')).toBeNull();
    expect(resolveStaticFile('/srv/r', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticFile('/srv/r', '/..%2fsecret')).toBeNull();
    expect(resolveStaticFile('/srv/r', '/a%00.js')).toBeNull();
    expect(resolveStaticFile('/srv/r', '/%E0%A4%A')).toBeNull();
  });
});
