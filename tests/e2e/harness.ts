import type { Clock } from '../../core/clock';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { makeTestPki } from '../backoffice/certs';
import { startBackOffice, type BackOffice } from '../backoffice/server';
import { writeDocumentCameraY4m } from '../fixtures/document-camera';
import {
  demoConfig,
  launchChromium,
  openKioskPage,
  ROOT,
  startKiosk,
  type Orientation,
  type RunningKiosk,
} from './kiosk-process';

export {
  demoConfig,
  launchChromium,
  openKioskPage,
  ROOT,
  startKiosk,
  VIEWPORTS,
  withSerialPrinter,
  type Orientation,
  type RunningKiosk,
} from './kiosk-process';

export const SCREENSHOTS = join(ROOT, 'tests', 'artifacts', 'screenshots');

export interface BackOfficeKioskFixture extends KioskFixture {
  readonly office: BackOffice;
}

/**
 * For a describe block or a file: the real test back office over mutual TLS, a demo
 * kiosk (E2E-01) syncing to it with the test's own `sync` settings (heartbeat,
 * retries), and the kiosk open in Chromium; all stopped after the tests.
 */
export function withBackOfficeAndKioskPage(
  sync: Record<string, unknown>,
  more: {
    readonly config?: Record<string, unknown>;
    readonly env?: Record<string, string>;
    /** More Chromium switches, e.g. a fake camera. */
    readonly chromiumArgs?: readonly string[];
    /** The back office's own clock (the machine's by default). */
    readonly officeClock?: Clock;
  } = {},
): BackOfficeKioskFixture {
  const fixture = {} as { office: BackOffice; kiosk: RunningKiosk; browser: Browser; page: Page };
  beforeAll(async () => {
    const pki = makeTestPki(mkdtempSync(join(tmpdir(), 'e2e-pki-')));
    fixture.office = await startBackOffice({
      dir: mkdtempSync(join(tmpdir(), 'e2e-backoffice-')),
      pki,
      ...(more.officeClock === undefined ? {} : { clock: more.officeClock }),
    });
    const client = pki.client('E2E-01');
    fixture.kiosk = await startKiosk({
      config: demoConfig({
        backOffice: {
          url: fixture.office.url,
          caFile: pki.caFile,
          certFile: client.certFile,
          keyFile: client.keyFile,
        },
        sync,
        ...more.config,
      }),
      ...(more.env === undefined ? {} : { env: more.env }),
    });
    fixture.browser = await launchChromium(more.chromiumArgs);
    fixture.page = await openKioskPage(fixture.browser, fixture.kiosk);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.kiosk?.stop();
    await fixture.office?.stop();
  });
  return fixture;
}

/** Calls a kiosk method over the web host's HTTP API from the page, as the screen would (e.g. demoScan). */
export async function callApi(page: Page, method: string, body: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, b]) =>
      (await (
        await fetch(`/api/${m}`, { method: 'POST', body: JSON.stringify(b) })
      ).json()) as unknown,
    [method, body] as const,
  );
}

/** Saves a full-page PNG under tests/artifacts/screenshots for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * The page's HTML without the demo dock, whose fictional sample names are
 * meant to stay on screen: what is left must hold nothing of the last citizen.
 */
export async function kioskDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('.demo-dock')?.remove();
    return copy.outerHTML;
  });
}

export interface KioskFixture {
  readonly kiosk: RunningKiosk;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * For a describe block: starts a web host and opens the kiosk in Chromium
 * before its tests, and stops both after them. Read the fields inside tests.
 */
export function withKioskPage(
  options: {
    readonly config?: unknown;
    readonly orientation?: Orientation;
    /** More Chromium switches, e.g. a fake document camera. */
    readonly chromiumArgs?: readonly string[];
    /** The web host's environment beside the test's (KIOSK_RULES_DIR for another catalogue). */
    readonly env?: Record<string, string>;
  } = {},
): KioskFixture {
  const fixture = {} as { kiosk: RunningKiosk; browser: Browser; page: Page };
  beforeAll(async () => {
    fixture.kiosk = await startKiosk({
      ...(options.config === undefined ? {} : { config: options.config }),
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    fixture.browser = await launchChromium(options.chromiumArgs);
    fixture.page = await openKioskPage(fixture.browser, fixture.kiosk, options.orientation);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.kiosk?.stop();
  });
  return fixture;
}

/**
 * Which of `needles` are still reachable in the renderer's JS heap after a
 * full garbage collection, read from a V8 heap snapshot: the proof that a
 * wiped session left nothing in the page's memory, not only in its DOM.
 */
export async function heapStrings(page: Page, needles: readonly string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
    return needles.filter((needle) => snapshot.strings.some((s) => s.includes(needle)));
  } finally {
    await cdp.detach();
  }
}

/**
 * The demo kiosk with a UVC document camera, and the Chromium switches that
 * make its fake capture device play a generated A4 page (written once per run).
 */
export function withDocumentCamera(): { config: unknown; chromiumArgs: string[] } {
  const video = join(mkdtempSync(join(tmpdir(), 'fake-camera-')), 'document.y4m');
  writeDocumentCameraY4m(video);
  return {
    config: demoConfig({
      devices: [
        ...(demoConfig()['devices'] as unknown[]),
        { id: 'camera-1', kind: 'camera', transport: { type: 'uvc' } },
      ],
    }),
    chromiumArgs: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  };
}

/** The smallest touch target on the citizen's screen (the demo dock is not part of a real kiosk). */
export async function smallestTarget(
  page: Page,
): Promise<{ width: number; height: number; label: string }> {
  return page.evaluate(() => {
    let smallest = { width: Infinity, height: Infinity, label: '' };
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, [role="button"], input, textarea',
    )) {
      if (el.closest('.demo-dock') !== null || el.offsetParent === null) continue;
      // A visually hidden radio is tapped through its label, which is the target.
      const target = el instanceof HTMLInputElement ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (Math.min(r.width, r.height) < Math.min(smallest.width, smallest.height)) {
        smallest = {
          width: Math.round(r.width),
          height: Math.round(r.height),
          label: (target.innerText || el.getAttribute('aria-label') || el.id).slice(0, 30),
        };
      }
    }
    return smallest;
  });
}
