import { serviceId } from '../service-id';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPaymentDesk } from '../../electron/payment/desk';
import { createLogger } from '../../electron/shared/log';
import { createPaymentStore } from '../../electron/store/payments';
import { startBackOffice } from '../backoffice/server';
import { applicationNoFor } from '../fixtures/sample-application';
import { startKioskSide, testPki } from '../integration/sync-harness';
import { percentile } from './stats';

const ROUNDS = 200;
const ITEMS = [{ label: '香港一次有效签注', amountFen: 1500, basis: '发改价格〔2017〕1186号' }];
const CODE = '134567890123456789';

/**
 * What the kiosk adds to a payment beyond the back office's own answer: the
 * order written (fsynced) before each call and after each answer, the audit
 * entries, the state machine. Each round pays one order through the desk
 * (open + 付款码) and one through the bare client (create + pay, the same two
 * exchanges with nothing kept), alternately, on the same connection pool.
 */
export async function benchPayment(): Promise<void> {
  const officeDir = mkdtempSync(join(tmpdir(), 'bench-pay-bo-'));
  const office = await startBackOffice({ dir: officeDir, pki: testPki() });
  const kiosk = startKioskSide(office.url);
  const desk = createPaymentDesk({
    store: createPaymentStore(kiosk.db),
    client: kiosk.client,
    clock: kiosk.clock,
    audit: kiosk.audit,
    log: createLogger({
      quiet: true,
      file: join(kiosk.dir, 'logs', 'bench.log'),
      clock: kiosk.clock,
    }),
    settings: { payingSeconds: 60 },
    isIdNumber: () => false,
  });
  const bare: number[] = [];
  const viaDesk: number[] = [];
  const overhead: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const orderNo = `PO20260615${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`;
    const applicationNo = applicationNoFor(50_000 + i * 2);
    let start = performance.now();
    await kiosk.client.createPayment({
      orderNo,
      applicationNo,
      serviceId: 'hk-macau-endorsement',
      amountFen: 1500,
      items: ITEMS,
    });
    const paid = await kiosk.client.pay(orderNo, { method: 'code', authCode: CODE });
    const bareMs = performance.now() - start;
    if (paid.kind !== 'ok' || paid.value.state !== 'paid')
      throw new Error('the bare payment failed');
    start = performance.now();
    const opened = await desk.open({
      applicationNo: applicationNoFor(50_001 + i * 2),
      serviceId: serviceId('hk-macau-endorsement'),
      items: ITEMS,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const through = await desk.payByCode(opened.value.orderNo, CODE);
    const deskMs = performance.now() - start;
    if (!through.ok || through.value.state !== 'paid') throw new Error('the desk payment failed');
    bare.push(bareMs);
    viaDesk.push(deskMs);
    overhead.push(deskMs - bareMs);
  }
  for (const list of [bare, viaDesk, overhead]) list.sort((a, b) => a - b);
  const p95 = percentile(overhead, 95);
  console.log(
    `payment (open + 付款码, mTLS to the test back office): back office alone p50 ${percentile(bare, 50).toFixed(1)} ms p95 ${percentile(bare, 95).toFixed(1)} ms; through the kiosk p50 ${percentile(viaDesk, 50).toFixed(1)} ms p95 ${percentile(viaDesk, 95).toFixed(1)} ms; overhead p50 ${percentile(overhead, 50).toFixed(1)} ms p95 ${p95.toFixed(1)} ms (goal ≤ 300 ms${p95 > 300 ? ': MISSED' : ''}), ratio ${(percentile(viaDesk, 50) / percentile(bare, 50)).toFixed(2)} over ${ROUNDS} rounds`,
  );
  await kiosk.close();
  await office.stop();
  rmSync(kiosk.dir, { recursive: true, force: true });
  rmSync(officeDir, { recursive: true, force: true });
}
