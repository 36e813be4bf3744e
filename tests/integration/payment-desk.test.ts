import { serviceId } from '../service-id';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../core/clock';
import { toFen, type PaymentView } from '../../core/payment/order';
import { parseEntry } from '../../electron/audit/chain';
import { createPaymentDesk, type PaymentDesk } from '../../electron/payment/desk';
import { createLogger } from '../../electron/shared/log';
import { createPaymentStore } from '../../electron/store/payments';
import { checkIdNumber } from '../../rules/engine/id-number';
import { openApiChecker } from '../backoffice/openapi-check';
import type { PaymentFault } from '../backoffice/payments';
import { startBackOffice, type BackOffice } from '../backoffice/server';
import { applicationNoFor } from '../fixtures/sample-application';
import { TEST_NOW, TEST_TODAY } from '../test-clock';
import { startKioskSide, testPki, type KioskSide } from './sync-harness';

/**
 * The payment desk against the test back office's payment platform over
 * mutual TLS, one platform behaviour at a time. After each test the
 * platform's own ledger is compared with what the kiosk believes: no
 * application charged twice, none charged without the kiosk knowing it paid,
 * none marked paid without a charge.
 */
let office: BackOffice;
let kiosk: KioskSide;
let clock: ManualClock;
let desk: PaymentDesk;
let sequence = 9000;
const followsTheFile = openApiChecker();

const ENDORSEMENT_FEES = [
  { label: '香港一次有效签注', amountFen: toFen(15), basis: '发改价格〔2017〕1186号' },
  { label: '澳门一次有效签注', amountFen: toFen(15), basis: '发改价格〔2017〕1186号' },
];
const WECHAT_CODE = '134567890123456789';
const ALIPAY_CODE = '2856781234567890';

const makeDesk = (payingSeconds = 60): PaymentDesk =>
  createPaymentDesk({
    store: createPaymentStore(kiosk.db),
    client: kiosk.client,
    clock,
    audit: kiosk.audit,
    log: createLogger({ quiet: true, file: join(kiosk.dir, 'logs', 'payment.log'), clock }),
    settings: { payingSeconds },
    isIdNumber: (value) => checkIdNumber(value, TEST_TODAY) === null,
  });

beforeAll(async () => {
  office = await startBackOffice({
    dir: mkdtempSync(join(tmpdir(), 'payment-backoffice-')),
    pki: testPki(),
  });
  // Short enough that a slow answer after the charge times out on the kiosk's side.
  kiosk = startKioskSide(office.url, { sync: { requestTimeoutMs: 800 } });
  office.payments.setSlowMs(1500);
});
afterAll(async () => {
  await kiosk.close();
  await office.stop();
});
afterEach(() => {
  office.payments.behave();
  expect(
    office
      .exchanges()
      .filter((e) => e.fault === null)
      .flatMap(followsTheFile),
  ).toEqual([]);
  // The platform's ledger against the kiosk's orders, application by application.
  const store = createPaymentStore(kiosk.db);
  for (const [applicationNo, net] of office.payments.netByApplication()) {
    const orders = store.forApplication(applicationNo);
    const paid = orders.filter((o) => o.state === 'paid');
    expect(net, `${applicationNo} charged at most once`).toBeLessThanOrEqual(
      ENDORSEMENT_FEES.reduce((s, f) => s + f.amountFen, 0),
    );
    expect(paid.length, `${applicationNo}: money taken ⇔ the kiosk holds a paid order`).toBe(
      net > 0 ? 1 : 0,
    );
  }
});

const openOrder = async (): Promise<PaymentView> => {
  clock = manualClock(new Date(TEST_NOW));
  desk = makeDesk();
  sequence += 1;
  const opened = await desk.open({
    applicationNo: applicationNoFor(sequence),
    serviceId: serviceId('hk-macau-endorsement'),
    items: ENDORSEMENT_FEES,
  });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
};

const payWith = async (order: PaymentView, code: string): Promise<PaymentView> => {
  const paid = await desk.payByCode(order.orderNo, code);
  if (!paid.ok) throw new Error(paid.error.message);
  return paid.value;
};

const look = async (order: PaymentView): Promise<PaymentView> => {
  const seen = await desk.look(order.orderNo);
  if (!seen.ok) throw new Error(seen.error.message);
  return seen.value;
};

const charges = (order: PaymentView): number =>
  office.payments.ledger().filter((e) => e.orderNo === order.orderNo && e.kind === 'charge').length;

const fault = (...faults: PaymentFault[]): void => office.payments.queue(...faults);

describe('paying at the kiosk through the back office', () => {
  it('a 付款码 pays the order once, and the 财政电子票据 comes with it', async () => {
    const order = await openOrder();
    expect(order).toMatchObject({ state: 'created', amountFen: 3000 });
    const paid = await payWith(order, WECHAT_CODE);
    expect(paid).toMatchObject({ state: 'paid', method: 'code', reason: null });
    expect((await look(order)).receipt?.number).toMatch(/^FS\d{8}\d{8}$/);
    expect(charges(order)).toBe(1);
    // Opening again for the same application gives the paid order: never a second charge.
    const again = await desk.open({
      applicationNo: order.applicationNo,
      serviceId: serviceId('hk-macau-endorsement'),
      items: ENDORSEMENT_FEES,
    });
    expect(again.ok && again.value.orderNo).toBe(order.orderNo);
    const paidAgain = await desk.payByCode(order.orderNo, ALIPAY_CODE);
    expect(paidAgain.ok ? null : paidAgain.error.code).toBe('payment_settled');
    expect(charges(order)).toBe(1);
  });

  it('a URL, an identity number or garbage is named as what it is, and nothing is sent', async () => {
    const order = await openOrder();
    for (const [text, problem] of [
      ['https://u.wechat.com/abc', 'url'],
      ['110105198806150032', 'id_number'],
      ['hello', 'not_a_code'],
    ] as const) {
      const paid = await desk.payByCode(order.orderNo, text);
      expect(paid.ok ? null : paid.error).toMatchObject({
        code: 'payment_code_invalid',
        facts: { kind: problem },
      });
    }
    expect(office.payments.order(order.orderNo)?.state).toBe('created');
    expect((await look(order)).state).toBe('created');
  });

  it('an expired code takes nothing and the order waits for a fresh one', async () => {
    const order = await openOrder();
    fault('code_expired');
    expect(await payWith(order, WECHAT_CODE)).toMatchObject({
      state: 'created',
      reason: 'auth_code_expired',
    });
    expect(charges(order)).toBe(0);
    expect((await payWith(order, WECHAT_CODE)).state).toBe('paid');
    expect(charges(order)).toBe(1);
  });

  it('a refused charge (余额不足) fails the order; a new order for the same application pays once', async () => {
    const order = await openOrder();
    fault('declined');
    expect(await payWith(order, WECHAT_CODE)).toMatchObject({
      state: 'failed',
      reason: 'declined',
    });
    const next = await desk.open({
      applicationNo: order.applicationNo,
      serviceId: serviceId('hk-macau-endorsement'),
      items: ENDORSEMENT_FEES,
    });
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.orderNo).not.toBe(order.orderNo);
    expect((await payWith(next.value, ALIPAY_CODE)).state).toBe('paid');
    expect(desk.orderFor(order.applicationNo)?.orderNo).toBe(next.value.orderNo);
  });

  it('用户支付中: waits while the phone asks for the password, then paid', async () => {
    const order = await openOrder();
    fault('user_paying');
    expect((await payWith(order, WECHAT_CODE)).state).toBe('paying');
    expect((await look(order)).state).toBe('paying');
    expect((await look(order)).state).toBe('paying');
    expect((await look(order)).state).toBe('paid');
    expect(charges(order)).toBe(1);
  });

  it('a phone that never confirms is waited for a bounded time, then the order is cancelled', async () => {
    const order = await openOrder();
    fault('user_paying_never');
    expect((await payWith(order, WECHAT_CODE)).state).toBe('paying');
    clock.advance(59_000);
    expect((await look(order)).state).toBe('paying');
    clock.advance(2000);
    expect(await look(order)).toMatchObject({ state: 'cancelled', reason: 'wait_too_long' });
    expect(office.payments.order(order.orderNo)?.state).toBe('cancelled');
    expect(charges(order)).toBe(0);
  });

  it('an answer lost after the charge: the kiosk asks and finds it paid', async () => {
    const order = await openOrder();
    fault('lost_after_charge');
    expect((await payWith(order, WECHAT_CODE)).state).toBe('paying');
    expect((await look(order)).state).toBe('paid');
    expect(charges(order)).toBe(1);
  });

  it('an answer slower than the kiosk waits: asked, paid, and a second code charges nothing more', async () => {
    const order = await openOrder();
    fault('slow_after_charge');
    expect((await payWith(order, WECHAT_CODE)).state).toBe('paying');
    expect((await look(order)).state).toBe('paid');
    expect(charges(order)).toBe(1);
  });

  it('a pay delivered twice (a proxy retry) charges once', async () => {
    const order = await openOrder();
    fault('replayed');
    expect((await payWith(order, WECHAT_CODE)).state).toBe('paid');
    expect(charges(order)).toBe(1);
  });

  it('an answer about another order is not applied; asking settles it', async () => {
    const order = await openOrder();
    fault('wrong_order');
    expect((await payWith(order, WECHAT_CODE)).state).toBe('paying');
    const mismatches = readFileSync(join(kiosk.dir, 'audit', 'audit.jsonl'), 'utf8')
      .split('\n')
      .map(parseEntry)
      .filter(
        (e) => e?.action === 'payment.answer_mismatch' && e.fields['order'] === order.orderNo,
      );
    expect(mismatches.length).toBe(1);
    expect((await look(order)).state).toBe('paid');
  });

  it('a price the back office disputes fails the order before any money moves', async () => {
    const order = await openOrder();
    expect(order.state).toBe('created');
    clock = manualClock(new Date(TEST_NOW));
    fault('price_dispute');
    const disputed = await desk.open({
      applicationNo: applicationNoFor((sequence += 1)),
      serviceId: serviceId('hk-macau-endorsement'),
      items: ENDORSEMENT_FEES,
    });
    expect(disputed.ok && disputed.value).toMatchObject({
      state: 'failed',
      reason: 'amount_mismatch',
    });
    // A fee line the schedule does not know is refused the same way, without a fault.
    const unknown = await desk.open({
      applicationNo: applicationNoFor((sequence += 1)),
      serviceId: serviceId('hk-macau-endorsement'),
      items: [{ label: '香港一次有效签注', amountFen: 1400, basis: 'x' }],
    });
    expect(unknown.ok && unknown.value.reason).toBe('amount_mismatch');
  });

  it('a citizen who walks away: an open order is cancelled, a charged one reversed', async () => {
    const waiting = await openOrder();
    fault('user_paying_never');
    await payWith(waiting, WECHAT_CODE);
    const left = await desk.abandon(waiting.orderNo, 'left');
    expect(left.ok && left.value).toMatchObject({ state: 'cancelled', reason: 'left' });

    const charged = await openOrder();
    fault('lost_after_charge');
    expect((await payWith(charged, WECHAT_CODE)).state).toBe('paying');
    const gone = await desk.abandon(charged.orderNo, 'left');
    expect(gone.ok && gone.value.state).toBe('reversed');
    expect(office.payments.netByApplication().get(charged.applicationNo)).toBe(0);
  });

  it('a reversal the platform refuses leaves the order paid and listed for a person', async () => {
    const order = await openOrder();
    fault('lost_after_charge', 'reverse_refused');
    await payWith(order, WECHAT_CODE);
    const left = await desk.abandon(order.orderNo, 'window');
    expect(left.ok && left.value).toMatchObject({ state: 'paid', attention: 'reversal_refused' });
    expect(desk.unsettled().map((o) => o.orderNo)).toContain(order.orderNo);
  });

  it('a receipt issued late is fetched when asked again', async () => {
    const order = await openOrder();
    fault('receipt_late');
    expect(await payWith(order, WECHAT_CODE)).toMatchObject({ state: 'paid', receipt: null });
    expect((await look(order)).receipt).toBeNull();
    expect((await look(order)).receipt).toBeNull();
    expect((await look(order)).receipt?.number).toMatch(/^FS/);
  });

  it('after a restart, open orders are settled: paid stays paid, unpaid are cancelled', async () => {
    const paidOnTheWay = await openOrder();
    fault('lost_after_charge');
    await payWith(paidOnTheWay, WECHAT_CODE);
    const phoneWaiting = await openOrder();
    fault('user_paying_never');
    await payWith(phoneWaiting, ALIPAY_CODE);
    const neverSent = await openOrder();

    // A new desk on the same file, as after kill -9.
    const restarted = makeDesk();
    expect(await restarted.settleAll()).toBe(0);
    expect(restarted.orderFor(paidOnTheWay.applicationNo)?.state).toBe('paid');
    expect(restarted.orderFor(phoneWaiting.applicationNo)?.state).toBe('cancelled');
    expect(restarted.orderFor(neverSent.applicationNo)?.state).toBe('cancelled');
  });

  it('settling while a citizen pays leaves their order alone and cancels the one left behind', async () => {
    const left = await openOrder();
    const paying = await desk.open({
      applicationNo: applicationNoFor((sequence += 1)),
      serviceId: serviceId('hk-macau-endorsement'),
      items: ENDORSEMENT_FEES,
    });
    if (!paying.ok) throw new Error(paying.error.message);
    expect(await desk.settleAll((orderNo) => orderNo === paying.value.orderNo)).toBe(1);
    expect(desk.orderFor(left.applicationNo)?.state).toBe('cancelled');
    expect(desk.orderFor(paying.value.applicationNo)?.state).toBe('created');
    await desk.abandon(paying.value.orderNo, 'left');
  });

  it('C 扫 B: the kiosk shows the platform’s QR and the phone pays it', async () => {
    const order = await openOrder();
    const shown = await desk.payByQr(order.orderNo);
    expect(shown.ok && shown.value).toMatchObject({ state: 'paying', method: 'qr' });
    expect(shown.ok && shown.value.qr).toMatch(/^https:\/\/pay\.example\.gov\.cn\/qr\//);
    await look(order);
    await look(order);
    const paid = await look(order);
    expect(paid).toMatchObject({ state: 'paid', qr: null });
  });
});
