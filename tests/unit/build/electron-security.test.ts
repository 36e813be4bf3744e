import { describe, expect, it } from 'vitest';
import {
  checkCsp,
  checkFile,
  checkProject,
  type SourceFile,
} from '../../../build/scripts/electron-security';
import { contentSecurityPolicy } from '../../../electron/shell/csp';

const file = (path: string, text: string): SourceFile => ({ path, text });
const rules = (f: SourceFile) => checkFile(f).map((x) => x.rule);

/** Each rule of `npm run check:electron` catches what it is for, and lets the kiosk's own code pass. */
describe('the Electron security check', () => {
  it('refuses unsafe web preferences wherever they are written', () => {
    const prefs = file(
      'shell/x.ts',
      `export const p = { nodeIntegration: true, contextIsolation: false, sandbox: false,
        webSecurity: false, webviewTag: true, enableBlinkFeatures: 'Foo', spellcheck: true };`,
    );
    expect(checkFile(prefs).map((f) => f.message)).toEqual([
      'nodeIntegration: true is not allowed',
      'contextIsolation: false is not allowed',
      'sandbox: false is not allowed',
      'webSecurity: false is not allowed',
      'webviewTag: true is not allowed',
      "enableBlinkFeatures: 'Foo' is not allowed",
    ]);
    expect(
      rules(file('shell/x.ts', 'const p = { sandbox: true, nodeIntegration: false };')),
    ).toEqual([]);
  });

  it('refuses code and content the kiosk did not ship', () => {
    expect(
      rules(
        file(
          'main.ts',
          `w.webContents.executeJavaScript('x'); shell.openExternal(url); w.loadFile('a.html');
           w.loadURL('https://example.com'); import '@electron/remote';`,
        ),
      ),
    ).toEqual([
      'FORBIDDEN_CALL',
      'FORBIDDEN_CALL',
      'FORBIDDEN_CALL',
      'LOAD_ONLY_THE_KIOSK',
      'NO_REMOTE',
    ]);
    expect(rules(file('main.ts', "import x from '@electron/remote';"))).toEqual(['NO_REMOTE']);
    expect(rules(file('window.ts', 'void window.loadURL(KIOSK_START_URL);'))).toEqual([]);
  });

  it('keeps windows, IPC and the page bridge each in their one place', () => {
    expect(rules(file('kiosk/x.ts', 'new BrowserWindow({})'))).toEqual(['MISPLACED_CALL']);
    expect(rules(file('window.ts', 'new BrowserWindow(windowOptionsFor(a, b))'))).toEqual([]);
    expect(rules(file('kiosk/x.ts', 'ipcMain.handle("x", (event) => 1)'))).toEqual([
      'MISPLACED_CALL',
      'IPC_SENDER_CHECKED',
    ]);
    // A handle() of another object (a zod schema, a map) is not IPC.
    expect(rules(file('kiosk/x.ts', 'cache.handle(request)'))).toEqual([]);
    expect(
      rules(file('preload.ts', "contextBridge.exposeInMainWorld('kiosk', { ipcRenderer })")),
    ).toEqual(['NO_RAW_IPC_IN_PAGE']);
  });

  it('asks that navigation, new windows, webviews and permissions are decided by the kiosk', () => {
    expect(checkProject([file('main.ts', 'app.whenReady()')]).map((f) => f.rule)).toEqual([
      'NEW_WINDOWS_DENIED',
      'NAVIGATION_GUARDED',
      'PERMISSIONS_DECIDED',
      'PERMISSIONS_DECIDED',
      'WEBVIEWS_REFUSED',
    ]);
  });

  it('accepts the kiosk’s CSP and refuses inline, eval, remote hosts and a missing default', () => {
    expect(checkCsp(contentSecurityPolicy())).toEqual([]);
    expect(
      checkCsp("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'"),
    ).toEqual([
      "script-src must be 'self', is 'self' 'unsafe-eval'",
      "base-uri must be 'none', is (missing)",
      "frame-ancestors must be 'none', is (missing)",
      "script-src allows 'unsafe-eval'",
    ]);
    expect(checkCsp('default-src *; img-src https://cdn.example')).toContain(
      'default-src allows *',
    );
  });
});
