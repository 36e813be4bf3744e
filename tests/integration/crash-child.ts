import { serviceId } from '../service-id';
import { sleep } from '../sleep';
import { join } from 'node:path';
import { createLogger } from '../../electron/shared/log';
import { describeStartFailure } from '../../electron/kiosk/start-failure';
import { openStorage } from '../../electron/kiosk/storage';
import type { Clock } from '../../core/clock';
import { createPaymentDesk } from '../../electron/payment/desk';
import type { Logger } from '../../electron/shared/log';
import type { Storage } from '../../electron/kiosk/storage';
import { createPaymentStore } from '../../electron/store/payments';
import { createBackOfficeClient, type BackOfficeClient } from '../../electron/sync/client';
import { createSyncWorker } from '../../electron/sync/worker';
import { seededRandom } from '../seeded-random';
import { testClock } from '../test-clock';
import { applicationNoFor, sampleApplication } from '../fixtures/sample-application';

/**
 * The kiosk's storage and sync in a process of its own, for the crash test to
 * kill -9 at random moments: it enqueues applications (printing "C <number>"
 * after each commit) while the real sync worker sends them.
 * With `payments`, each application is paid for as a citizen would: an order
 * opened, a 付款码 presented, the order looked at until it settles, or the
 * citizen walks away; the open orders of the killed run are settled first.
 * Usage: crash-child <dataDir> <url> <caFile> <certFile> <keyFile> <target> <seed> [payments]
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
    mode = 'applications',
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
  if (mode === 'payments') {
    await payForEach(storage.value, client.value, clock, log, random, target);
    // Settled and done: the worker's timers and the client's sockets would keep the process alive.
    await worker.stop();
    process.exit(0);
  }
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

/** The payment round: an application stored, then paid for (or walked away from), again and again. */
async function payForEach(
  storage: Storage,
  client: BackOfficeClient,
  clock: Clock,
  log: Logger,
  random: () => number,
  target: number,
): Promise<void> {
  const desk = createPaymentDesk({
    store: createPaymentStore(storage.db),
    client,
    clock,
    audit: storage.audit,
    log,
    settings: { payingSeconds: 1 },
    isIdNumber: () => false,
  });
  // Whatever the killed run left open: its citizen is gone.
  await desk.settleAll();
  process.stdout.write('READY\n');
  while (storage.store.count() < target) {
    const applicationNo = applicationNoFor(Math.floor(random() * 32 ** 6));
    const sample = sampleApplication(applicationNo, { scans: 0, createdAt: clock.now() });
    if (!storage.store.insert(sample.meta, sample.payload, sample.attachments).ok) continue;
    process.stdout.write(`J ${applicationNo}\n`);
    const opened = await desk.open({
      applicationNo,
      serviceId: serviceId('hk-macau-endorsement'),
      items: [{ label: '香港一次有效签注', amountFen: 1500, basis: '发改价格〔2017〕1186号' }],
    });
    if (!opened.ok) continue;
    let order = opened.value;
    for (
      let attempt = 0;
      attempt < 3 && (order.state === 'created' || order.state === 'paying');
      attempt += 1
    ) {
      if (order.state === 'created') {
        const code = `13${String(Math.floor(random() * 1e16)).padStart(16, '0')}`;
        const paid =
          random() < 0.2
            ? await desk.payByQr(order.orderNo)
            : await desk.payByCode(order.orderNo, code);
        if (paid.ok) order = paid.value;
      }
      // The screen looks while the phone confirms; a citizen sometimes walks away meanwhile.
      for (let looks = 0; looks < 40 && order.state === 'paying'; looks += 1) {
        if (random() < 0.03) {
          const left = await desk.abandon(order.orderNo, 'left');
          if (left.ok) order = left.value;
          break;
        }
        await sleep(30, 'the payment platform answers in its own time');
        const seen = await desk.look(order.orderNo);
        if (seen.ok) order = seen.value;
      }
    }
    if (order.state === 'created' || order.state === 'paying')
      await desk.abandon(order.orderNo, 'left');
  }
  process.stdout.write('ENQUEUED\n');
}

main().catch((cause: unknown) => {
  process.stderr.write(`${cause instanceof Error ? cause.stack : String(cause)}\n`);
  process.exit(1);
});
