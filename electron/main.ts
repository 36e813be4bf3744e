import {
  app,
  powerSaveBlocker,
  protocol,
  safeStorage,
  session,
  type BrowserWindow,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '../core/clock';
import { createDispatch } from './api/dispatch';
import { bindIpc, forwardEvents } from './api/ipc';
import { resolveDataDir, resolveRulesDir } from './kiosk/paths';
import { cliArguments, readStdin, runCli } from './cli/commands';
import { configSource } from './kiosk/config-source';
import { keepBeating } from './kiosk/heartbeat';
import { launchKiosk } from './kiosk/launch';
import { describeStartFailure } from './kiosk/start-failure';
import { APP_VERSION } from './kiosk/version';
import { createLogger } from './shared/log';
import { securityHeaders } from './shell/csp';
import { isKioskUrl, KIOSK_HOST, KIOSK_SCHEME, permissionDecision } from './shell/origin';
import { outOfServiceCss, outOfServicePage, OUT_OF_SERVICE_CSS_PATH } from './shell/out-of-service';
import { servedFile } from './api/boot-data';
import { contentTypeFor, resolveStaticFile } from './shell/static-files';
import { chromiumSwitches } from './shell/chromium-switches';
import { launchClock } from './shell/launch-clock';
import { parseLaunchArgs } from './shell/web-preferences';
import { createKioskWindow, printKioskPage } from './window';

/**
 * The Electron main process: one kiosk window on a locked-down custom scheme,
 * the kiosk service behind IPC, and recovery when the renderer fails.
 */
// Everything the kiosk writes is its own: files 0600, folders 0700 (the unit sets it too).
process.umask(0o077);
const launch = parseLaunchArgs(process.argv);
const cli = cliArguments(process.argv);

if (cli !== null) {
  // `police-kiosk readiness` and friends over SSH: no window, no display (the launcher adds
  // --ozone-platform=headless), and not the single instance — the kiosk may be running.
  void runTechnicianCommand(cli).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  for (const [name] of chromiumSwitches(process.platform)) app.commandLine.appendSwitch(name);
  protocol.registerSchemesAsPrivileged([
    { scheme: KIOSK_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app
    .whenReady()
    .then(start)
    .catch((cause: unknown) => {
      // Whatever failed, the hall sees the out-of-service notice, never the desktop.
      const reason = describeStartFailure({
        stage: 'unexpected',
        code: 'start_crashed',
        message: cause instanceof Error ? cause.message : String(cause),
      });
      process.stderr.write(`The kiosk cannot start (终端无法启动): ${reason}\n`);
      showOutOfService(reason, createLogger(), systemClock);
    });
}

async function runTechnicianCommand(args: readonly string[]): Promise<number> {
  try {
    return await runCli(
      args,
      {
        env: process.env,
        clock: systemClock,
        packaged: app.isPackaged,
        appRoot: app.isPackaged ? process.resourcesPath : app.getAppPath(),
        dataDirFallback: app.getPath('userData'),
        exists: existsSync,
        engineDir: __dirname,
      },
      {
        out: (text) => process.stdout.write(`${text}\n`),
        err: (text) => process.stderr.write(`${text}\n`),
        stdin: readStdin,
      },
    );
  } catch (cause) {
    process.stderr.write(`${cause instanceof Error ? cause.message : String(cause)}\n`);
    return 1;
  }
}

/** The system clock, or a development launch's `--clock` (ignored when packaged). */
function processClock(): Clock {
  const clock = launchClock(launch.clock, app.isPackaged);
  if (clock.ok) return clock.value.clock;
  process.stderr.write(`${clock.error.message}; running on the system clock\n`);
  return systemClock;
}

async function start(): Promise<void> {
  // app.asar (packaged) or the repository root (npm start): dist/ and rules/ sit beside main.cjs's parent.
  const appRoot = app.getAppPath();
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  const clock = processClock();
  const log = createLogger({ file: join(dataDir, 'logs', 'kiosk.log'), clock });
  const rulesDir = resolveRulesDir(process.env, app.isPackaged ? process.resourcesPath : appRoot);
  let window: BrowserWindow | null = null;
  const service = await launchKiosk({
    config: configSource({
      packaged: app.isPackaged,
      demo: launch.demo,
      env: process.env,
      exists: existsSync,
    }),
    systemPrinter: { print: (printerName) => printKioskPage(window, printerName) },
    dataDir,
    rulesDir,
    version: APP_VERSION,
    log,
    clock,
    packaged: app.isPackaged,
    // The systemd unit sets it (/run/police-kiosk/heartbeat.json): its watchdog and `police-kiosk readiness` read it.
    ...(process.env['KIOSK_HEARTBEAT_FILE']
      ? { heartbeatFile: process.env['KIOSK_HEARTBEAT_FILE'] }
      : {}),
    // The data key is wrapped by the OS keyring; a basic_text backend is refused unless the config allows a key file.
    dataKey: (config) => ({
      kind: 'safe-storage',
      wrapper: safeStorage,
      platform: process.platform,
      allowKeyFile: config.storage.allowKeyFile,
    }),
  });
  if (!service.ok) {
    const reason = describeStartFailure(service.error);
    process.stderr.write(`The kiosk cannot start (终端无法启动): ${reason}\n`);
    log.error('app.cannot_start', { stage: service.error.stage, code: service.error.code });
    showOutOfService(reason, log, clock);
    return;
  }

  const dispatch = createDispatch(service.value.handlers, log, service.value.access);
  // Every response of the app:// handlers carries shell/csp.ts's policy (default-src 'self').
  const rendererRoot = join(appRoot, 'dist', 'renderer');
  protocol.handle(KIOSK_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === KIOSK_HOST ? resolveStaticFile(rendererRoot, url.pathname) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await servedFile(file, dispatch);
      return new Response(body, {
        headers: { ...securityHeaders(), 'Content-Type': contentTypeFor(file) },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(permissionDecision(permission, contents.getURL(), mediaTypes));
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permissionDecision(
        permission,
        requestingOrigin,
        details.mediaType ? [details.mediaType] : [],
      ),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isKioskUrl(url)) event.preventDefault();
    });
  });

  bindIpc(dispatch);
  service.value.subscribe(forwardEvents(() => window?.webContents ?? null));

  const relaunch = (delayMs: number, attempt: number): void => {
    log.error('app.relaunch_scheduled', { delayMs, attempt });
    // The machine's timer on purpose: the shell restarts the process it lives in, in real time.
    // eslint-disable-next-line no-restricted-syntax
    setTimeout(() => {
      const args = process.argv.slice(1).filter((a) => !a.startsWith('--relaunch-attempt='));
      app.relaunch({ args: [...args, `--relaunch-attempt=${attempt}`] });
      app.exit(0);
    }, delayMs);
  };
  window = createKioskWindow({
    preload: join(__dirname, 'preload.cjs'),
    packaged: app.isPackaged,
    launch,
    log,
    clock,
    technicianUnlocked: () => service.value.technicianUnlocked(),
    relaunch,
  });
  // A kiosk screen never dims or sleeps while the kiosk runs.
  powerSaveBlocker.start('prevent-display-sleep');
  log.info('app.ready', { version: APP_VERSION, windowed: launch.windowed });

  app.on('second-instance', () => {
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void service.value.stop().finally(() => app.quit());
  });
}

/**
 * The kiosk cannot start: rather than leave the desktop showing, the kiosk
 * window says "out of service" to citizens and why to the technician, still
 * locked down. Nothing personal is in the reason (paths and error codes).
 */
function showOutOfService(
  reason: string,
  log: ReturnType<typeof createLogger>,
  clock: Clock,
): void {
  protocol.handle(KIOSK_SCHEME, (request) => {
    const css = new URL(request.url).pathname === OUT_OF_SERVICE_CSS_PATH;
    return new Response(css ? outOfServiceCss : outOfServicePage(reason), {
      headers: {
        ...securityHeaders(),
        'Content-Type': css ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8',
      },
    });
  });
  createKioskWindow({
    preload: join(__dirname, 'preload.cjs'),
    packaged: app.isPackaged,
    launch,
    log,
    clock,
    technicianUnlocked: () => false,
    // Restarting would meet the same problem: stay on the notice until a technician acts.
    relaunch: () => undefined,
  });
  powerSaveBlocker.start('prevent-display-sleep');
  // Alive and saying why: the watchdog leaves it be, `police-kiosk readiness` shows the reason.
  const heartbeatFile = process.env['KIOSK_HEARTBEAT_FILE'];
  if (heartbeatFile) {
    keepBeating(
      heartbeatFile,
      () => ({
        status: 'out_of_service',
        at: clock.now().toISOString(),
        pid: process.pid,
        version: APP_VERSION,
        reason,
      }),
      log,
      clock,
    );
  }
  app.on('window-all-closed', () => app.quit());
}
