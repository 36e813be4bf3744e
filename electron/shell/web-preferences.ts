/** A subset of Electron's WebPreferences, typed here so the policy is testable without Electron. */
export interface KioskWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly devTools: boolean;
  readonly disableDialogs: true;
  readonly autoplayPolicy: 'no-user-gesture-required';
  readonly disableBlinkFeatures: 'Auxclick';
}

/**
 * The renderer gets no Node, runs sandboxed and isolated from the preload,
 * and has devtools only in development builds. Spoken prompts must play
 * without a tap first, hence the autoplay policy.
 */
export function webPreferencesFor(options: {
  readonly preload: string;
  readonly packaged: boolean;
}): KioskWebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !options.packaged,
    disableDialogs: true,
    autoplayPolicy: 'no-user-gesture-required',
    // A middle click must not open anything, even a link we never render.
    disableBlinkFeatures: 'Auxclick',
  };
}

export interface LaunchOptions {
  /** `--windowed`: a normal window for development instead of full-screen kiosk mode. */
  readonly windowed: boolean;
  /** Set by our own relaunch after repeated renderer crashes. */
  readonly relaunchAttempt: number;
  /** `--clock=<ISO instant>`: run at another date (tests, demos); a packaged kiosk ignores it. */
  readonly clock: string | null;
  /** `--demo`: a packaged kiosk runs the demo config on purpose instead of refusing to start without one. */
  readonly demo: boolean;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchOptions {
  const attempt = argv.find((a) => a.startsWith('--relaunch-attempt='));
  const n = attempt === undefined ? 0 : Number(attempt.split('=')[1]);
  return {
    windowed: argv.includes('--windowed'),
    relaunchAttempt: Number.isInteger(n) && n > 0 ? n : 0,
    clock: argv.find((a) => a.startsWith('--clock='))?.slice('--clock='.length) ?? null,
    demo: argv.includes('--demo'),
  };
}

export interface KioskWindowOptions {
  readonly kiosk: boolean;
  readonly fullscreen: boolean;
  readonly frame: boolean;
  readonly autoHideMenuBar: true;
  readonly width: number;
  readonly height: number;
  readonly show: false;
  readonly backgroundColor: string;
  readonly title: string;
  readonly webPreferences: KioskWebPreferences;
}

export function windowOptionsFor(
  launch: LaunchOptions,
  webPreferences: KioskWebPreferences,
): KioskWindowOptions {
  return {
    kiosk: !launch.windowed,
    fullscreen: !launch.windowed,
    frame: launch.windowed,
    autoHideMenuBar: true,
    width: 1080,
    height: launch.windowed ? 1000 : 1920,
    show: false,
    backgroundColor: '#f4f7fb',
    title: '公安便民服务自助终端',
    webPreferences,
  };
}
