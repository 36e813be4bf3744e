import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeTestPki } from '../backoffice/certs';
import { startBackOffice } from '../backoffice/server';
import { backOfficeBody } from '../../core/back-office-body';
import { applicationNoFor, sampleApplication, sampleScan } from '../fixtures/sample-application';
import { startKioskSide, testPki, until } from '../integration/sync-harness';
import { median, percentile } from './stats';

const SCAN_BYTES = 200 * 1024;
const DRAIN_COUNT = 1000;
const CONCURRENCY = 4;

let sequence = 0;
const sample = (scans: number) => {
  sequence += 1;
  return sampleApplication(applicationNoFor(sequence), {
    scans,
    scanBytes: SCAN_BYTES,
  });
};

/** What a citizen waits for between "confirm" and the slip: one committed, fsynced transaction. */
export async function benchEnqueue(): Promise<void> {
  const officeDir = mkdtempSync(join(tmpdir(), 'bench-bo-'));
  const office = await startBackOffice({ dir: officeDir, pki: testPki() });
  const kiosk = startKioskSide(office.url);
  for (const [label, attachments] of [
    ['no scans', 0],
    ['two 200 KB scans', 2],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const application = sample(attachments);
      const start = performance.now();
      const saved = kiosk.store.insert(
        application.meta,
        application.payload,
        application.attachments,
      );
      samples.push(performance.now() - start);
      if (!saved.ok) throw new Error(saved.error.message);
    }
    samples.sort((a, b) => a - b);
    console.log(
      `enqueue (SQLite WAL, synchronous=FULL, AES-256-GCM, ${label}): p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms over ${samples.length}`,
    );
  }
  await kiosk.close();
  await office.stop();
  rmSync(kiosk.dir, { recursive: true, force: true });
  rmSync(officeDir, { recursive: true, force: true });
}

/**
 * The test back office in a process of its own (`tests/backoffice/cli.ts`), as a
 * station's is on a machine of its own: its work does not share the kiosk's event
 * loop. Certificates from `pkiDir`, which the caller made with `makeTestPki`.
 */
export async function backOfficeProcess(
  dir: string,
  kioskId = 'KIOSK-T1',
): Promise<{ readonly url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      'build/scripts/run-ts.mjs',
      'tests/backoffice/cli.ts',
      '--dir',
      dir,
      '--port',
      '0',
      '--kiosk',
      kioskId,
    ],
    { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const found = /listening at (\S+)/.exec(seen);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`back office exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Seconds the kiosk's sync worker takes to drain DRAIN_COUNT queued applications. */
async function drainByKiosk(dir: string): Promise<number> {
  const pki = makeTestPki(join(dir, 'pki'));
  const office = await backOfficeProcess(dir);
  const kiosk = startKioskSide(office.url, { sync: { concurrency: CONCURRENCY }, pki });
  for (let i = 0; i < DRAIN_COUNT; i += 1) {
    const application = sample(2);
    const saved = kiosk.store.insert(
      application.meta,
      application.payload,
      application.attachments,
    );
    if (!saved.ok) throw new Error(saved.error.message);
  }
  // Both timed runs start with nothing waiting to be written back (the 400 MB just queued was).
  spawnSync('sync');
  const start = performance.now();
  kiosk.worker.start();
  await until(
    () => kiosk.outbox.summary(kiosk.clock.now()).counts.accepted === DRAIN_COUNT,
    600_000,
    'drain',
    // The queue's summary is a query over the whole outbox: asked every 20 ms it took ~3% of the kiosk's loop.
    100,
  );
  const seconds = (performance.now() - start) / 1000;
  await kiosk.close();
  await office.stop();
  // 800 MB a round between the two: a few benches would fill the disk.
  rmSync(kiosk.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

/** The same server, the same three requests per application, from memory: no database, no crypto. */
export async function drainByBareClient(
  dir: string,
  count = DRAIN_COUNT,
  scanBytes = SCAN_BYTES,
): Promise<number> {
  const pki = makeTestPki(join(dir, 'pki'));
  const office = await backOfficeProcess(dir);
  const client = pki.client('KIOSK-T1');
  const agent = new Agent({
    ca: readFileSync(pki.caFile),
    cert: readFileSync(client.certFile),
    key: readFileSync(client.keyFile),
    keepAlive: true,
    maxSockets: CONCURRENCY,
  });
  const send = (
    method: string,
    path: string,
    body: Buffer,
    headers: Record<string, string>,
  ): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(
        `${office.url}/${path}`,
        {
          method,
          agent,
          headers: { 'X-Kiosk-Id': 'KIOSK-T1', 'Content-Length': String(body.length), ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode !== undefined && res.statusCode < 300
              ? resolve()
              : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const scans = [sampleScan(scanBytes), sampleScan(scanBytes)].map((s) => ({
    ...s,
    body: Buffer.from(s.bytes),
  }));
  let next = 0;
  spawnSync('sync');
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next += 1;
        const { meta: m, payload } = sample(0);
        for (const s of scans) {
          await send('PUT', `applications/${m.applicationNo}/attachments/${s.id}`, s.body, {
            'Content-Type': 'image/jpeg',
            'X-Content-SHA256': s.sha256,
          });
        }
        const attachments = scans.map((s) => ({ ...s, size: s.bytes.length }));
        const body = Buffer.from(
          JSON.stringify(
            backOfficeBody(m, payload, attachments, { kioskId: 'BENCH', stationCode: '110105001' }),
          ),
        );
        await send('POST', 'applications', body, {
          'Content-Type': 'application/json',
          'Idempotency-Key': m.idempotencyKey,
        });
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  await office.stop();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

const DRAIN_ROUNDS = 3;

/**
 * Draining 1,000 queued applications with two 200 KB scans each to the test
 * back office (in its own process, as a station's is on its own machine) over
 * loopback TLS, beside the same requests made by a bare HTTPS client against
 * the same server (a fresh instance each time, so both start from an empty
 * store): the ratio is what the outbox, the encryption and the bookkeeping
 * cost. Two shared cores make one round noisy (±0.08 seen), so the kiosk and
 * the bare client take turns for DRAIN_ROUNDS rounds and the median is the figure.
 */
export async function benchDrain(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-drain-'));
  const rounds: { kiosk: number; bare: number }[] = [];
  for (let round = 0; round < DRAIN_ROUNDS; round += 1) {
    const kiosk = await drainByKiosk(join(root, `kiosk-${round}`));
    const bare = await drainByBareClient(join(root, `bare-${round}`));
    rounds.push({ kiosk, bare });
  }
  rmSync(root, { recursive: true, force: true });
  const kioskSeconds = median(rounds.map((r) => r.kiosk));
  const rawSeconds = median(rounds.map((r) => r.bare));
  const ratios = rounds.map((r) => r.bare / r.kiosk);
  const mb = (DRAIN_COUNT * 2 * SCAN_BYTES) / 1_048_576;
  const kioskRate = DRAIN_COUNT / kioskSeconds;
  const rawRate = DRAIN_COUNT / rawSeconds;
  console.log(
    `drain ${DRAIN_COUNT} applications × two 200 KB scans over loopback mTLS to a back office in its own process (median of ${DRAIN_ROUNDS} rounds): kiosk ${kioskRate.toFixed(1)} applications/s (${(mb / kioskSeconds).toFixed(1)} MB/s, ${kioskSeconds.toFixed(1)} s); ` +
      `bare HTTPS client ${rawRate.toFixed(1)} applications/s (${(mb / rawSeconds).toFixed(1)} MB/s); ratio ${median(ratios).toFixed(2)} (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≥ 0.8)`,
  );
}
