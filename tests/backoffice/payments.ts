import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../core/clock';
import { endorsementEnds } from '../../core/endorsement';
import { writeAtomically } from './files';
import { projectRoot } from '../project-root';

/**
 * The station's payment platform, as the back office fronts it
 * (backoffice-api.yaml, /payments and /endorsements), with the behaviour of a
 * real one: an order number is charged at most once whatever arrives twice; a
 * phone that waits for its owner's password; answers lost or late after the
 * money was taken; a reversal refused; the 财政电子票据 issued late. It keeps a
 * ledger of every charge and refund, from which a test counts double charges
 * and money lost, independently of what the kiosk believes.
 */

export const PAYMENT_FAULTS = [
  /** The phone asks for its password: `paying`, paid after a few queries (or never, if `never`). */
  'user_paying',
  /** The phone never confirms: `paying` until the kiosk gives up and reverses. */
  'user_paying_never',
  /** Charged, then the connection is closed without an answer. */
  'lost_after_charge',
  /** Charged, then the answer comes after `slowMs` (past the kiosk's timeout). */
  'slow_after_charge',
  /** The same pay arrives twice (a proxy's retry): handled twice, charged once. */
  'replayed',
  /** 余额不足: the charge is refused, the order failed. */
  'declined',
  /** The 付款码 expired (they live a minute): 422, nothing charged, another code may follow. */
  'code_expired',
  /** A cancel of a paid order is refused: the money stays taken, a person refunds it. */
  'reverse_refused',
  /** Paid, but the e-receipt is issued only after a few more queries. */
  'receipt_late',
  /** The answer is about another order (a mixed-up reply). */
  'wrong_order',
  /** The back office prices the order otherwise: 422 amount_mismatch on create. */
  'price_dispute',
] as const;
export type PaymentFault = (typeof PAYMENT_FAULTS)[number];

type Step = 'create' | 'pay' | 'query' | 'cancel';
const STEP_OF: Record<PaymentFault, readonly Step[]> = {
  user_paying: ['pay'],
  user_paying_never: ['pay'],
  lost_after_charge: ['pay'],
  slow_after_charge: ['pay'],
  replayed: ['pay'],
  declined: ['pay'],
  code_expired: ['pay'],
  reverse_refused: ['cancel'],
  receipt_late: ['pay'],
  wrong_order: ['pay', 'query'],
  price_dispute: ['create'],
};

type PlatformState = 'created' | 'paying' | 'paid' | 'failed' | 'cancelled' | 'reversed';

interface Order {
  orderNo: string;
  applicationNo: string;
  kioskId: string;
  serviceId: string;
  amountFen: number;
  items: { label: string; amountFen: number; basis: string }[];
  state: PlatformState;
  method: 'code' | 'qr' | null;
  paidAt: string | null;
  receipt: { number: string; url: string } | null;
  /** Queries until the phone confirms (user_paying); null: it never does. */
  confirmIn: number | null;
  /** Queries until the e-receipt is issued. */
  receiptIn: number;
  refuseReversal: boolean;
}

export interface LedgerEntry {
  readonly orderNo: string;
  readonly applicationNo: string;
  readonly kind: 'charge' | 'refund';
  readonly amountFen: number;
  readonly at: string;
}

export interface PlatformAnswer {
  readonly status: number;
  readonly body: unknown;
  /** Close the connection instead of answering (the answer is lost). */
  readonly drop?: boolean;
  /** Answer only after this long. */
  readonly delayMs?: number;
  /** Handle the request a second time before answering (a replay). */
  readonly replay?: boolean;
}

/** Every fee line the shipped rule files can charge, by its Chinese label: what the back office prices with. */
function priceList(): Map<string, Set<number>> {
  const prices = new Map<string, Set<number>>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const label = record.label as { 'zh-CN'?: unknown } | undefined;
    if (typeof record.amount === 'number' && typeof label?.['zh-CN'] === 'string')
      prices.set(
        label['zh-CN'],
        new Set([...(prices.get(label['zh-CN']) ?? []), Math.round(record.amount * 100)]),
      );
    Object.values(record).forEach(visit);
  };
  const dir = join(projectRoot(), 'rules', 'services');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
    visit(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  return prices;
}

export function createPaymentPlatform(options: {
  readonly dir: string;
  readonly clock: Clock;
  readonly random: () => number;
}) {
  const { clock, random } = options;
  const ordersDir = join(options.dir, 'payments');
  const endorsementsDir = join(options.dir, 'endorsements');
  for (const d of [ordersDir, endorsementsDir]) mkdirSync(d, { recursive: true });
  const ledgerFile = join(options.dir, 'ledger.jsonl');
  const prices = priceList();
  let queued: PaymentFault[] = [];
  let chaos: { rate: number; faults: readonly PaymentFault[] } | null = null;
  let slowMs = 3000;
  let receipts = 0;
  const referPermits = new Set<string>();

  const file = (orderNo: string): string =>
    join(ordersDir, `${orderNo.replace(/[^\w-]/g, '_')}.json`);
  const load = (orderNo: string): Order | null =>
    existsSync(file(orderNo)) ? (JSON.parse(readFileSync(file(orderNo), 'utf8')) as Order) : null;
  const save = (order: Order): void => {
    writeAtomically(file(order.orderNo), JSON.stringify(order));
  };
  const book = (order: Order, kind: 'charge' | 'refund'): void => {
    const entry: LedgerEntry = {
      orderNo: order.orderNo,
      applicationNo: order.applicationNo,
      kind,
      amountFen: order.amountFen,
      at: clock.now().toISOString(),
    };
    writeFileSync(ledgerFile, `${JSON.stringify(entry)}\n`, { flag: 'a' });
  };
  const ledger = (): LedgerEntry[] =>
    existsSync(ledgerFile)
      ? readFileSync(ledgerFile, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as LedgerEntry)
      : [];

  /** The fault this step draws, if any: queued ones first (in order), then chaos. */
  const faultFor = (step: Step): PaymentFault | null => {
    const index = queued.findIndex((f) => STEP_OF[f].includes(step));
    if (index >= 0) {
      const [fault] = queued.splice(index, 1);
      return fault ?? null;
    }
    if (chaos === null || random() >= chaos.rate) return null;
    const fault = chaos.faults[Math.floor(random() * chaos.faults.length)] ?? null;
    return fault !== null && STEP_OF[fault].includes(step) ? fault : null;
  };

  const issueReceipt = (order: Order): void => {
    receipts += 1;
    const number = `FS${order.paidAt?.slice(0, 10).replaceAll('-', '') ?? ''}${String(receipts).padStart(8, '0')}`;
    order.receipt = { number, url: `https://pjcy.example.gov.cn/einvoice/${number}` };
  };

  const charge = (order: Order, fault: PaymentFault | null): void => {
    if (order.state === 'paid') return; // an order number is charged once
    order.state = 'paid';
    order.paidAt = clock.now().toISOString();
    order.receiptIn = fault === 'receipt_late' ? 2 : 0;
    if (order.receiptIn === 0) issueReceipt(order);
    book(order, 'charge');
  };

  const view = (order: Order, extra: Record<string, unknown> = {}) => ({
    orderNo: order.orderNo,
    state: order.state,
    ...extra,
  });

  const problem = (status: number, code: string, reason: string): PlatformAnswer => ({
    status,
    body: { reason, code },
  });

  /** A mixed-up reply: the same shape, about an order that is not the one asked. */
  const mixedUp = (body: Record<string, unknown>): Record<string, unknown> => ({
    ...body,
    orderNo: `PO${String(Math.floor(random() * 1e12)).padStart(12, '0')}X`,
  });

  return {
    /** POST /payments: prices the order again from the rule files' fee lines; idempotent by order number. */
    create(kioskId: string, raw: unknown): PlatformAnswer {
      const body = raw as Partial<Order> | null;
      if (
        body === null ||
        typeof body.orderNo !== 'string' ||
        typeof body.applicationNo !== 'string' ||
        typeof body.amountFen !== 'number' ||
        !Array.isArray(body.items)
      )
        return problem(400, 'bad_request', '支付订单数据不完整');
      const existing = load(body.orderNo);
      if (existing !== null) {
        if (existing.amountFen !== body.amountFen || existing.applicationNo !== body.applicationNo)
          return problem(409, 'idempotency_conflict', '同一订单号对应了不同的订单');
        return { status: 200, body: view(existing, { amountFen: existing.amountFen }) };
      }
      const fault = faultFor('create');
      const priced = body.items.every(
        (item) => prices.get(item.label)?.has(item.amountFen) === true,
      );
      const sum = body.items.reduce((total, item) => total + item.amountFen, 0);
      if (fault === 'price_dispute' || !priced || sum !== body.amountFen)
        return problem(422, 'amount_mismatch', '金额与收费标准不符');
      const order: Order = {
        orderNo: body.orderNo,
        applicationNo: body.applicationNo,
        kioskId,
        serviceId: typeof body.serviceId === 'string' ? body.serviceId : '',
        amountFen: body.amountFen,
        items: body.items,
        state: 'created',
        method: null,
        paidAt: null,
        receipt: null,
        confirmIn: 0,
        receiptIn: 0,
        refuseReversal: false,
      };
      save(order);
      return { status: 201, body: view(order, { amountFen: order.amountFen }) };
    },

    /** POST /payments/{orderNo}/pay: B 扫 C with an auth code, or C 扫 B (a QR to show). */
    pay(orderNo: string, raw: unknown): PlatformAnswer {
      const order = load(orderNo);
      if (order === null) return problem(404, 'unknown_order', '无此订单');
      const how = raw as { method?: unknown; authCode?: unknown } | null;
      if (how?.method !== 'code' && how?.method !== 'qr')
        return problem(400, 'bad_request', '支付方式不明');
      if (order.state !== 'created' && order.state !== 'paying')
        return { status: 200, body: view(order) };
      const fault = faultFor('pay');
      order.method = how.method;
      if (how.method === 'qr') {
        // The citizen scans it; the phone confirms after a couple of looks (or never).
        order.state = 'paying';
        order.confirmIn = fault === 'user_paying_never' ? null : 2;
        save(order);
        return {
          status: 200,
          body: view(order, { qr: `https://pay.example.gov.cn/qr/${order.orderNo}` }),
        };
      }
      if (typeof how.authCode !== 'string' || !/^\d{16,24}$/.test(how.authCode))
        return problem(422, 'auth_code_invalid', '付款码无效');
      switch (fault) {
        case 'code_expired':
          return problem(422, 'auth_code_expired', '付款码已过期，请刷新后重新出示');
        case 'declined':
          order.state = 'failed';
          save(order);
          return { status: 200, body: view(order, { reason: 'declined' }) };
        case 'user_paying':
        case 'user_paying_never':
          order.state = 'paying';
          order.confirmIn = fault === 'user_paying_never' ? null : 2;
          save(order);
          return { status: 200, body: view(order) };
        case 'lost_after_charge':
          charge(order, null);
          save(order);
          return { status: 200, body: view(order), drop: true };
        case 'slow_after_charge':
          charge(order, null);
          save(order);
          return { status: 200, body: view(order), delayMs: slowMs };
        case 'replayed':
        case 'receipt_late':
        case 'wrong_order':
        case 'reverse_refused':
        case 'price_dispute':
        case null:
          charge(order, fault);
          save(order);
          return {
            status: 200,
            body: fault === 'wrong_order' ? mixedUp(view(order)) : view(order),
            ...(fault === 'replayed' ? { replay: true } : {}),
          };
      }
    },

    /** GET /payments/{orderNo}: where it stands; a waiting phone confirms, a late receipt comes. */
    query(orderNo: string): PlatformAnswer {
      const order = load(orderNo);
      if (order === null) return problem(404, 'unknown_order', '无此订单');
      if (order.state === 'paying' && order.confirmIn !== null) {
        if (order.confirmIn <= 0) charge(order, null);
        else order.confirmIn -= 1;
      } else if (order.state === 'paid' && order.receipt === null) {
        if (order.receiptIn <= 0) issueReceipt(order);
        else order.receiptIn -= 1;
      }
      save(order);
      const body = view(order, { paidAt: order.paidAt, receipt: order.receipt });
      return { status: 200, body: faultFor('query') === 'wrong_order' ? mixedUp(body) : body };
    },

    /** POST /payments/{orderNo}/cancel: closes an unpaid order, reverses a paid one (unless refused). */
    cancel(orderNo: string): PlatformAnswer {
      const order = load(orderNo);
      if (order === null) return problem(404, 'unknown_order', '无此订单');
      const fault = faultFor('cancel');
      switch (order.state) {
        case 'created':
        case 'paying':
          order.state = 'cancelled';
          break;
        case 'paid':
          if (fault === 'reverse_refused' || order.refuseReversal) {
            order.refuseReversal = true;
            break;
          }
          order.state = 'reversed';
          book(order, 'refund');
          break;
        case 'failed':
        case 'cancelled':
        case 'reversed':
          break;
      }
      save(order);
      return { status: 200, body: view(order) };
    },

    /**
     * POST /endorsements: 再次签注 for a paid order of the same application, with
     * 人证核验 passed. G and L are issued at once (written to the permit's chip);
     * T, S, Q and D need their materials seen at the window: referred.
     */
    endorse(raw: unknown): PlatformAnswer {
      const body = raw as {
        applicationNo?: unknown;
        orderNo?: unknown;
        permitNumber?: unknown;
        kind?: unknown;
        trips?: unknown;
        identityCheck?: { score?: unknown; threshold?: unknown };
      } | null;
      if (
        body === null ||
        typeof body.applicationNo !== 'string' ||
        typeof body.orderNo !== 'string' ||
        typeof body.permitNumber !== 'string' ||
        typeof body.kind !== 'string' ||
        typeof body.trips !== 'string'
      )
        return problem(400, 'bad_request', '签注申请数据不完整');
      const done = join(endorsementsDir, `${body.applicationNo.replace(/[^\w-]/g, '_')}.json`);
      if (existsSync(done)) return { status: 200, body: JSON.parse(readFileSync(done, 'utf8')) };
      const order = load(body.orderNo);
      if (order === null || order.applicationNo !== body.applicationNo || order.state !== 'paid')
        return problem(409, 'not_paid', '该申请的签注费尚未缴纳');
      const score = Number(body.identityCheck?.score);
      const threshold = Number(body.identityCheck?.threshold);
      if (!(score >= threshold)) return problem(409, 'identity_not_verified', '未通过人证核验');
      const today = clock.now().toISOString().slice(0, 10);
      const answer =
        ['G', 'L'].includes(body.kind) && !referPermits.has(body.permitNumber)
          ? {
              applicationNo: body.applicationNo,
              result: 'issued',
              kind: body.kind,
              trips: body.trips,
              validFrom: today,
              validUntil: endorsementEnds(today, body.trips),
            }
          : {
              applicationNo: body.applicationNo,
              result: 'referred',
              reason: ['G', 'L'].includes(body.kind)
                ? '通行证信息需人工核对'
                : '探亲、商务、其他签注需窗口审核材料',
              workingDays: 7,
            };
      writeFileSync(done, JSON.stringify(answer));
      return { status: answer.result === 'issued' ? 201 : 200, body: answer };
    },

    /** The next requests at their steps draw these faults, in order. */
    queue(...faults: PaymentFault[]): void {
      queued.push(...faults);
    },
    /** From now on a share `rate` of the steps draws one of `faults` (where it applies). */
    chaos(rate: number, faults: readonly PaymentFault[]): void {
      chaos = { rate, faults };
    },
    behave(): void {
      queued = [];
      chaos = null;
    },
    setSlowMs(ms: number): void {
      slowMs = ms;
    },
    /** Permits whose endorsement is referred to the window (a record that needs a person). */
    referPermit(permitNumber: string): void {
      referPermits.add(permitNumber);
    },
    order: (orderNo: string) => load(orderNo),
    orders: (): Order[] =>
      readdirSync(ordersDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(ordersDir, f), 'utf8')) as Order),
    ledger,
    /** Net money taken per application (charges less refunds), in fen. */
    netByApplication(): Map<string, number> {
      const net = new Map<string, number>();
      for (const e of ledger())
        net.set(
          e.applicationNo,
          (net.get(e.applicationNo) ?? 0) + (e.kind === 'charge' ? e.amountFen : -e.amountFen),
        );
      return net;
    },
  };
}

export type PaymentPlatform = ReturnType<typeof createPaymentPlatform>;
