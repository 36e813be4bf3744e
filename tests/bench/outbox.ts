import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBackOffice } from '../backoffice/server';
import { backOfficeBody } from '../../core/back-office-body';
import { applicationNoFor, sampleApplication, sampleScan } from '../fixtures/sample-application';
import { startKioskSide, testPki, until } from '../integration/sync-harness';

const SCAN_BYTES = 200 * 1024;
const DRAIN_COUNT = 1000;
const CONCURRENCY = 4;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const scan = () => sampleScan(SCAN_BYTES);
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
  const office = await startBackOffice({
    dir: mkdtempSync(join(tmpdir(), 'bench-bo-')),
    pki: testPki(),
  });
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
}

/**
 * Draining 1,000 queued applications with two 200 KB scans each to the test
 * back office over loopback TLS, beside the same requests made by a bare
 * HTTPS client against the same server (a fresh instance, so both start from
 * an empty store) in the same run: the ratio is what the
 * outbox, the encryption and the bookkeeping cost.
 */
export async function benchDrain(): Promise<void> {
  const pki = testPki();
  const office = await startBackOffice({ dir: mkdtempSync(join(tmpdir(), 'bench-bo-')), pki });
  const kiosk = startKioskSide(office.url, { sync: { concurrency: CONCURRENCY } });
  for (let i = 0; i < DRAIN_COUNT; i += 1) {
    const application = sample(2);
    const saved = kiosk.store.insert(
      application.meta,
      application.payload,
      application.attachments,
    );
    if (!saved.ok) throw new Error(saved.error.message);
  }
  const mb = (DRAIN_COUNT * 2 * SCAN_BYTES) / 1_048_576;

  const start = performance.now();
  kiosk.worker.start();
  await until(
    () => kiosk.outbox.summary(kiosk.clock.now()).counts.accepted === DRAIN_COUNT,
    600_000,
    'drain',
  );
  const kioskSeconds = (performance.now() - start) / 1000;
  await kiosk.close();
  await office.stop();

  // The same server, the same three requests per application, from memory: no database, no crypto.
  const rawOffice = await startBackOffice({
    dir: mkdtempSync(join(tmpdir(), 'bench-bo-raw-')),
    pki,
  });
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
        `${rawOffice.url}/${path}`,
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
  const scans = [scan(), scan()];
  let next = 0;
  const rawStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < DRAIN_COUNT) {
        next += 1;
        const { meta: m, payload } = sample(0);
        for (const s of scans) {
          await send(
            'PUT',
            `applications/${m.applicationNo}/attachments/${s.id}`,
            Buffer.from(s.bytes),
            { 'Content-Type': 'image/jpeg', 'X-Content-SHA256': s.sha256 },
          );
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
  const rawSeconds = (performance.now() - rawStart) / 1000;
  agent.destroy();
  await rawOffice.stop();

  const kioskRate = DRAIN_COUNT / kioskSeconds;
  const rawRate = DRAIN_COUNT / rawSeconds;
  console.log(
    `drain ${DRAIN_COUNT} applications × two 200 KB scans over loopback mTLS: kiosk ${kioskRate.toFixed(1)} applications/s (${(mb / kioskSeconds).toFixed(1)} MB/s, ${kioskSeconds.toFixed(1)} s); ` +
      `bare HTTPS client ${rawRate.toFixed(1)} applications/s (${(mb / rawSeconds).toFixed(1)} MB/s); ratio ${(kioskRate / rawRate).toFixed(2)} (goal ≥ 0.8)`,
  );
}
