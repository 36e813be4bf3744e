import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_NOW } from '../test-clock';

/*
 * The kiosk as a citizen's browser sees it: the real web host in its own
 * process, Debian's Chromium, a page at kiosk size. No test runner here, so
 * the benchmarks use it too.
 */

export const ROOT = resolve(__dirname, '..', '..');

/**
 * Web hosts still running. A bench or test that fails or is interrupted exits without
 * stopping its kiosks; they go with it instead of holding a port and a CPU for the next
 * run (Playwright does the same for the browsers it launched).
 */
const running = new Set<ChildProcess>();
let reaperInstalled = false;

function reapOnExit(): void {
  if (reaperInstalled) return;
  reaperInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => process.exit(128 + constants.signals[signal]));
}

export interface RunningKiosk {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the real web host (`dist/electron/web.cjs`, built by `npm run build`)
 * as its own process with a fresh data folder, and waits for its ready line.
 */
export async function startKiosk(
  options: {
    readonly config?: unknown;
    readonly env?: Record<string, string>;
    /** An existing data folder (e.g. one holding a damaged database); a fresh one otherwise. */
    readonly dataDir?: string;
    /** The instant the kiosk's clock starts at; TEST_NOW unless a test needs another day. */
    readonly clock?: string;
  } = {},
): Promise<RunningKiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    KIOSK_DATA_DIR: dataDir,
    ...options.env,
  };
  if (options.config !== undefined) {
    const configPath = join(dataDir, 'kiosk.json');
    writeFileSync(configPath, JSON.stringify(options.config, null, 2));
    env['KIOSK_CONFIG'] = configPath;
  } else {
    delete env['KIOSK_CONFIG'];
  }
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'dist', 'electron', 'web.cjs'),
      '--port',
      '0',
      '--clock',
      options.clock ?? TEST_NOW,
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  reapOnExit();
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // KIOSK_E2E_VERBOSE=1 shows the web host's log lines while a test runs.
    if (process.env['KIOSK_E2E_VERBOSE'] === '1') process.stderr.write(chunk);
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${stderr}`)), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('KIOSK_URL=')) {
        clearTimeout(timer);
        resolveUrl(line.slice('KIOSK_URL='.length));
      }
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Prompts are spoken without waiting for a first touch, as Electron is configured to.
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}

export type Orientation = 'portrait' | 'landscape';
export const VIEWPORTS: Record<Orientation, { width: number; height: number }> = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
};

export async function openKioskPage(
  browser: Browser,
  kiosk: RunningKiosk,
  orientation: Orientation = 'portrait',
): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[orientation], locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/** A config whose receipt printer is a real serial port (a PTY's kiosk end), the other devices as they were. */
export function withSerialPrinter(
  config: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const devices = (config['devices'] as { kind: string }[]).filter((d) => d.kind !== 'printer');
  return {
    ...config,
    devices: [
      ...devices,
      { id: 'printer-1', kind: 'printer', transport: { type: 'serial', path, baudRate: 115200 } },
    ],
  };
}

/** A config like the embedded default, with overrides (e.g. a short idle timeout). */
export function demoConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    station: {
      code: '110105001',
      name: '示例市公安局示例分局示例派出所',
      address: '示例市示例区便民路 1 号 自助服务区',
      phone: '010-00000000',
    },
    kioskId: 'E2E-01',
    demo: true,
    devices: [
      {
        id: 'idcard-1',
        kind: 'idcard',
        transport: { type: 'simulated' },
        options: { pollIntervalMs: 100 },
      },
      { id: 'scanner-1', kind: 'scanner', transport: { type: 'simulated' } },
      { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' } },
    ],
    staff: {
      // The demo PINs (technician 246810, guide 135790), as in the embedded default config.
      technicianPinHash:
        'scrypt$131072$8$1$JkhU2ICu7Edg4KNIVDRH+A==$IScr3l1VRwiHwtlNCGoUo8oNO+SbuEiwHWDfAarGK68=',
      guidePinHash:
        'scrypt$131072$8$1$PmxSLnECWkSaY2ZGXy6/FA==$+2g5w1IgYWnVa3EokgeBxWjfPvECma4bNLUz49ukzW8=',
    },
    backOffice: null,
    ...overrides,
  };
}
