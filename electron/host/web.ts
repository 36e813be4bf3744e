import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatch } from '../api/dispatch';
import { createWebBinding } from '../api/web-binding';
import { defaultDataDir, resolveDataDir, resolveRulesDir } from '../kiosk/paths';
import { configSource } from '../kiosk/config-source';
import { launchKiosk } from '../kiosk/launch';
import { keepBeating } from '../kiosk/heartbeat';
import { describeStartFailure } from '../kiosk/start-failure';
import { APP_VERSION } from '../kiosk/version';
import { createLogger } from '../shared/log';
import { launchClock } from '../shell/launch-clock';

/**
 * `npm run start:web`: the whole kiosk in a plain browser. Serves the built
 * renderer and the kiosk service on 127.0.0.1 and prints exactly one line,
 * `KIOSK_URL=http://127.0.0.1:<port>/?token=<token>`, when it is ready.
 */
async function main(): Promise<number> {
  // Everything the kiosk writes is its own: files 0600, folders 0700.
  process.umask(0o077);
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      // Tests and demos: run at another date. See shell/launch-clock.ts.
      clock: { type: 'string' },
    },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a number from 0 to 65535, got "${values.port}"\n`);
    return 2;
  }

  // The bundle lives in dist/electron/; the app root is two levels up.
  const appRoot = resolve(__dirname, '..', '..');
  const dataDir = resolveDataDir(
    process.env,
    defaultDataDir(process.env, process.platform, homedir()),
  );
  // Inside a package the host runs from app.asar: a packaged kiosk keeps the system clock.
  const clock = launchClock(values.clock ?? null, __dirname.includes('app.asar'));
  if (!clock.ok) {
    process.stderr.write(`${clock.error.message}\n`);
    return 2;
  }
  const log = createLogger({ file: join(dataDir, 'logs', 'kiosk.log'), clock: clock.value.clock });
  if (clock.value.note !== 'system') log.warn('app.clock', { clock: clock.value.note });

  const service = await launchKiosk({
    // The web host is a development host: without KIOSK_CONFIG it runs the demo.
    config: configSource({ packaged: false, demo: true, env: process.env, exists: () => false }),
    dataDir,
    rulesDir: resolveRulesDir(process.env, appRoot),
    version: APP_VERSION,
    log,
    clock: clock.value.clock,
    ...(process.env['KIOSK_HEARTBEAT_FILE']
      ? { heartbeatFile: process.env['KIOSK_HEARTBEAT_FILE'] }
      : {}),
  });
  let stopBeating: (() => void) | null = null;
  if (!service.ok) {
    // As Electron does: the browser shows the out-of-service notice with the reason.
    const reason = describeStartFailure(service.error);
    process.stderr.write(`The kiosk cannot start (终端无法启动): ${reason}\n`);
    log.error('app.cannot_start', { stage: service.error.stage, code: service.error.code });
    const heartbeatFile = process.env['KIOSK_HEARTBEAT_FILE'];
    if (heartbeatFile) {
      stopBeating = keepBeating(
        heartbeatFile,
        () => ({
          status: 'out_of_service',
          at: clock.value.clock.now().toISOString(),
          pid: process.pid,
          version: APP_VERSION,
          reason,
        }),
        log,
        clock.value.clock,
      );
    }
  }

  const token = randomBytes(24).toString('base64url');
  const server = createWebBinding({
    content: service.ok
      ? {
          kind: 'kiosk',
          dispatch: createDispatch(service.value.handlers, log, service.value.access),
          subscribe: service.value.subscribe,
          staticDir: join(appRoot, 'dist', 'renderer'),
        }
      : { kind: 'out_of_service', reason: describeStartFailure(service.error) },
    token,
    log,
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  log.info('web.ready', { port: actualPort, outOfService: !service.ok });
  process.stdout.write(`KIOSK_URL=http://127.0.0.1:${actualPort}/?token=${token}\n`);

  await new Promise<void>((resolveStop) => {
    const stop = (): void => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log.info('web.stopping', {});
  server.close();
  if (service.ok) await service.value.stop();
  stopBeating?.();
  return service.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    process.stderr.write(
      `The kiosk web host failed: ${cause instanceof Error ? cause.stack : String(cause)}\n`,
    );
    process.exit(1);
  },
);
