import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStorage } from '../../electron/kiosk/storage';
import { createLogger } from '../../electron/shared/log';
import { createBackOfficeClient } from '../../electron/sync/client';
import { createSyncWorker } from '../../electron/sync/worker';
import { makeTestPki } from '../backoffice/certs';
import { demoConfig, startKiosk } from '../e2e/kiosk-process';
import { applicationNoFor, sampleApplication } from '../fixtures/sample-application';
import { testClock } from '../test-clock';
import { backOfficeProcess, drainByBareClient } from './outbox';
import { median } from './stats';

/** A week without the back office at a busy kiosk: BENCH_WEEK_APPLICATIONS (10,000) with two scans each. */
const APPLICATIONS = Number(process.env['BENCH_WEEK_APPLICATIONS'] ?? 10_000);
const SCAN_BYTES = 100 * 1024;
const STARTS = 3;
const DRAIN_ROUNDS = 5;
/**
 * Sent per round: 1,000, or less from a smaller queue (each round takes the next ones, and a
 * round's last few in flight are accepted after it is timed: a sixth is left as slack).
 */
const DRAINED = Math.min(1000, Math.floor(APPLICATIONS / (DRAIN_ROUNDS + 1)));
const KIOSK_ID = 'KIOSK-T1';

const du = (dir: string): number =>
  Number(spawnSync('du', ['-sb', dir], { encoding: 'utf8' }).stdout.split('\t')[0] ?? 0);

/** The kiosk's own store, filled as a week of citizens would have (synchronous off while filling: the filling is not measured). */
async function fillWeek(dataDir: string): Promise<number> {
  const clock = testClock();
  const storage = await openStorage({ dataDir, log: createLogger({ quiet: true }), clock });
  if (!storage.ok) throw new Error(storage.error.message);
  const { db, store, audit } = storage.value;
  db.exec('PRAGMA synchronous = OFF');
  const start = performance.now();
  for (let i = 1; i <= APPLICATIONS; i += 1) {
    const sample = sampleApplication(applicationNoFor(500_000 + i), {
      scans: 2,
      scanBytes: SCAN_BYTES,
      createdAt: clock.now(),
    });
    const saved = store.insert(sample.meta, sample.payload, sample.attachments);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  const seconds = (performance.now() - start) / 1000;
  audit.close();
  db.close();
  return seconds;
}

/** The web host from spawn to its ready line, and its resident memory then: the kiosk a citizen can use. */
async function startUp(
  dataDir: string,
  config: Record<string, unknown>,
): Promise<{ ms: number; rssMb: number }> {
  const start = performance.now();
  const kiosk = await startKiosk({ dataDir, config });
  const ms = performance.now() - start;
  const status = readFileSync(`/proc/${kiosk.process.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  await kiosk.stop();
  return { ms, rssMb: rssKb / 1024 };
}

/** The next DRAINED of the week's queue sent by the kiosk's sync worker to a fresh back office: seconds taken. */
async function drainFromTheWeek(dataDir: string, officeDir: string): Promise<number> {
  const pki = makeTestPki(join(officeDir, 'pki'));
  const office = await backOfficeProcess(officeDir, KIOSK_ID);
  const clock = testClock();
  const log = createLogger({ quiet: true });
  const storage = await openStorage({ dataDir, log, clock });
  if (!storage.ok) throw new Error(storage.error.message);
  const certs = pki.client(KIOSK_ID);
  const client = createBackOfficeClient(
    { url: office.url, caFile: pki.caFile, certFile: certs.certFile, keyFile: certs.keyFile },
    KIOSK_ID,
    { timeoutMs: 30_000, maxSockets: 9, clock },
  );
  if (!client.ok) throw new Error(client.error.message);
  const { outbox, audit, db } = storage.value;
  // Counted as the answers come, not by polling the outbox: a summary of 10,000 rows every
  // 100 ms would be the bench's cost charged to the kiosk.
  let accepted = 0;
  let drained: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (drained = resolve));
  const real = client.value;
  const worker = createSyncWorker({
    outbox,
    client: {
      ...real,
      submit: async (body, key) => {
        const outcome = await real.submit(body, key);
        if (outcome.kind === 'ok' && ++accepted === DRAINED) drained();
        return outcome;
      },
    },
    settings: {
      concurrency: 4,
      heartbeatSeconds: 3600,
      retryBaseMs: 2000,
      retryCapMs: 300_000,
      requestTimeoutMs: 30_000,
      statusTimeoutMs: 3000,
    },
    kioskId: KIOSK_ID,
    stationCode: '110105001',
    version: 'bench',
    statusRetentionDays: 90,
    devices: () => [],
    log,
    audit,
    clock,
  });
  spawnSync('sync');
  const start = performance.now();
  worker.start();
  await done;
  const seconds = (performance.now() - start) / 1000;
  await worker.stop();
  audit.close();
  db.close();
  await office.stop();
  return seconds;
}

/**
 * A week offline: APPLICATIONS queued on one kiosk with two 100 KB scans each
 * (the kiosk's own store and encryption), then what it costs — disk, start-up
 * to the ready line and memory (vs an empty kiosk, the same config with a back
 * office that does not answer), and the drain rate from that deep queue once
 * the back office is back, against a bare HTTPS client sending the same.
 */
export async function benchWeekOffline(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-week-'));
  try {
    const week = join(root, 'week');
    const empty = join(root, 'empty');
    mkdirSync(empty, { mode: 0o700 });
    const fillSeconds = await fillWeek(week);
    const bytes = du(week);
    const pki = makeTestPki(join(root, 'office', 'pki'));
    const certs = pki.client(KIOSK_ID);
    // A back office that does not answer: the week is not over yet.
    const config = demoConfig({
      kioskId: KIOSK_ID,
      backOffice: {
        url: 'https://127.0.0.1:9/kiosk/v1',
        caFile: pki.caFile,
        certFile: certs.certFile,
        keyFile: certs.keyFile,
      },
    });
    const starts = { empty: [] as number[], week: [] as number[] };
    const rss = { empty: [] as number[], week: [] as number[] };
    for (let i = 0; i < STARTS; i += 1) {
      for (const [name, dir] of [
        ['empty', empty],
        ['week', week],
      ] as const) {
        const s = await startUp(dir, config);
        starts[name].push(s.ms);
        rss[name].push(s.rssMb);
      }
    }
    const free = statfsSync(week);
    const freeMb = (free.bavail * free.bsize) / 1_048_576;
    // Alternating rounds (two shared cores make one noisy): the kiosk sends the next DRAINED of its
    // queue to a fresh back office, then the bare client the same number; the median ratio is the figure.
    const rounds: { kiosk: number; bare: number }[] = [];
    for (let round = 0; round < DRAIN_ROUNDS; round += 1) {
      const kiosk = await drainFromTheWeek(week, join(root, `office-${round}`));
      const bare = await drainByBareClient(join(root, `bare-${round}`), DRAINED, SCAN_BYTES);
      rounds.push({ kiosk, bare });
    }
    const ratios = rounds.map((r) => r.bare / r.kiosk);
    const kioskSeconds = median(rounds.map((r) => r.kiosk));
    const bareSeconds = median(rounds.map((r) => r.bare));
    const startWeek = median(starts.week);
    console.log(
      `week offline: ${APPLICATIONS.toLocaleString('en')} applications × two ${SCAN_BYTES / 1024} KB scans queued ` +
        `(filled in ${fillSeconds.toFixed(0)} s) take ${(bytes / 1_048_576).toFixed(0)} MB ` +
        `(${(bytes / APPLICATIONS / 1024).toFixed(0)} KB each; ${freeMb.toFixed(0)} MB still free here, ` +
        `the kiosk refuses new applications below storage.minFreeMb, 200 MB by default)`,
    );
    console.log(
      `week offline: start-up to the ready line ${startWeek.toFixed(0)} ms (goal ≤ 2000 ms) vs ` +
        `${median(starts.empty).toFixed(0)} ms empty (median of ${STARTS}); memory after start ` +
        `${median(rss.week).toFixed(0)} MB vs ${median(rss.empty).toFixed(0)} MB`,
    );
    console.log(
      `week offline: ${DRAIN_ROUNDS} × ${DRAINED} of the queue drained at ${(DRAINED / kioskSeconds).toFixed(1)} ` +
        `applications/s (median) vs a bare HTTPS client's ${(DRAINED / bareSeconds).toFixed(1)}: ratio ` +
        `${median(ratios).toFixed(2)} (rounds ${rounds.map((r) => `${(DRAINED / r.kiosk).toFixed(0)}/${(DRAINED / r.bare).toFixed(0)} = ${(r.bare / r.kiosk).toFixed(2)}`).join(', ')}; goal ≥ 0.8)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
