import { join } from 'node:path';
import { createLogger } from '../../electron/shared/log';
import { describeStartFailure } from '../../electron/kiosk/start-failure';
import { openStorage } from '../../electron/kiosk/storage';
import { createBackOfficeClient } from '../../electron/sync/client';
import { createSyncWorker } from '../../electron/sync/worker';
import { seededRandom } from '../seeded-random';
import { testClock } from '../test-clock';
import { applicationNoFor, sampleApplication } from '../fixtures/sample-application';

/**
 * The kiosk's storage and sync in a process of its own, for the crash test to
 * kill -9 at random moments: it enqueues applications (printing "C <number>"
 * after each commit) while the real sync worker sends them.
 * Usage: crash-child <dataDir> <url> <caFile> <certFile> <keyFile> <target> <seed>
 */
async function main(): Promise<void> {
  const [
    dataDir = '',
    url = '',
    caFile = '',
    certFile = '',
    keyFile = '',
    targetText = '0',
    seedText = '1',
  ] = process.argv.slice(2);
  const random = seededRandom(Number(seedText));
  const target = Number(targetText);
  const clock = testClock();
  const log = createLogger({ quiet: true, file: join(dataDir, 'logs', 'kiosk.log'), clock });
  // The kiosk's own start-up: the integrity check must never mistake a kill -9 for lost data.
  const storage = await openStorage({ dataDir, log, clock });
  if (!storage.ok) throw new Error(describeStartFailure(storage.error));
  const { store, outbox, audit } = storage.value;
  const client = createBackOfficeClient({ url, caFile, certFile, keyFile }, 'KIOSK-CRASH', {
    timeoutMs: 2000,
    maxSockets: 5,
    clock,
  });
  if (!client.ok) throw new Error(client.error.message);
  const worker = createSyncWorker({
    outbox,
    client: client.value,
    settings: {
      concurrency: 4,
      heartbeatSeconds: 3600,
      retryBaseMs: 10,
      retryCapMs: 200,
      requestTimeoutMs: 2000,
      statusTimeoutMs: 1000,
    },
    kioskId: 'KIOSK-CRASH',
    stationCode: '110105001',
    version: 'crash-test',
    statusRetentionDays: 90,
    devices: () => [],
    log,
    audit,
    clock,
    random,
  });
  worker.start();
  process.stdout.write('READY\n');

  while (store.count() < target) {
    const applicationNo = applicationNoFor(Math.floor(random() * 32 ** 6));
    const sample = sampleApplication(applicationNo, {
      scans: 2,
      scanBytes: 4096,
      createdAt: clock.now(),
    });
    const saved = store.insert(sample.meta, sample.payload, sample.attachments);
    if (saved.ok) {
      process.stdout.write(`C ${applicationNo}\n`);
      worker.wake();
    }
    // Let the worker's requests and answers in between two inserts.
    await new Promise((r) => setImmediate(r));
  }
  process.stdout.write('ENQUEUED\n');
}

main().catch((cause: unknown) => {
  process.stderr.write(`${cause instanceof Error ? cause.stack : String(cause)}\n`);
  process.exit(1);
});
