import type { ServiceId } from '../../core/ids';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock';
import {
  checkPaymentCode,
  isFinal,
  paymentReasonOf,
  transition,
  type BackOfficePaymentState,
  type PaymentCodeProblem,
  type PaymentEvent,
  type PaymentItem,
  type PaymentReason,
  type PaymentView,
} from '../../core/payment/order';
import { err, errFacts, ok, type Result } from '../../core/result';
import type { ContractError } from '../../core/api/error-facts';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../shared/log';
import type { PaymentPatch, PaymentRecord, PaymentStore } from '../store/payments';
import type { BackOfficeClient } from '../sync/client';

/** The back office's payment endpoints (electron/sync/backoffice-api.yaml, /payments). */
export type PaymentClient = Pick<
  BackOfficeClient,
  'createPayment' | 'pay' | 'queryPayment' | 'cancelPayment'
>;

export type PaymentErrorCode =
  'payment_unavailable' | 'payment_code_invalid' | 'payment_unknown' | 'payment_settled';

export type PaymentError = ContractError<PaymentErrorCode>;
/** What every method but payByCode may answer. */
export type OrderError = ContractError<Exclude<PaymentErrorCode, 'payment_code_invalid'>>;

export interface PaymentSettings {
  /** How long the kiosk waits for the citizen's phone (a password, a confirmation) before it reverses. */
  readonly payingSeconds: number;
}

const view = (record: PaymentRecord): PaymentView => ({
  orderNo: record.orderNo,
  applicationNo: record.applicationNo,
  amountFen: record.amountFen,
  state: record.state,
  attention: record.attention,
  method: record.method,
  qr: isFinal(record.state) ? null : record.qr,
  paidAt: record.paidAt,
  receipt: record.receipt,
  reason: record.reason,
  items: [...record.items],
});

const CODE_MESSAGES: Record<PaymentCodeProblem, string> = {
  url: 'a web address, not a payment code',
  id_number: 'an identity number, not a payment code',
  not_a_code: 'not a payment code',
};

/** An order number: the day, then 16 random hex digits (the platform's idempotency key). */
const newOrderNo = (clock: Clock): string =>
  `PO${clock.now().toISOString().slice(0, 10).replaceAll('-', '')}${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`;

/**
 * Money moving exactly once. The order is written before the first call and
 * after every answer; every answer moves it only through `transition`; an
 * answer about another order is never applied; the platform charges an order
 * number at most once, so a pay sent twice (a retry, a second code) cannot
 * charge twice, and an application never has a second order while one is
 * open or paid. A lost or late answer leaves the order where it was and the
 * next query settles it. Orders a citizen left — walked away, chose the
 * window, the kiosk was killed mid-payment — are cancelled, or reversed if
 * the money went through; an order found paid after a restart stays paid
 * (its application was stored before the order existed).
 */
export interface PaymentDeskDeps {
  readonly store: PaymentStore;
  readonly client: PaymentClient | null;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly log: Logger;
  readonly settings: PaymentSettings;
  readonly isIdNumber: (value: string) => boolean;
}

type Extra = Pick<PaymentPatch, 'qr' | 'paidAt' | 'receipt' | 'reason'>;

/** The order's record: one event moves it, and what changed is audited. */
function orderLedger(deps: PaymentDeskDeps) {
  const { store, clock, audit, log } = deps;
  const now = (): string => clock.now().toISOString();
  const update = (orderNo: string, patch: PaymentPatch): PaymentRecord =>
    store.update(orderNo, patch, now());
  /** Moves an order by one event, records what changed; says whether to (again) cancel. */
  const apply = (
    record: PaymentRecord,
    event: PaymentEvent,
    extra: Extra = {},
  ): { record: PaymentRecord; cancel: boolean } => {
    const next = transition(record.state, event);
    const patch: PaymentPatch = {
      state: next.state,
      ...(next.attention === null ? {} : { attention: next.attention }),
      ...(next.state === 'paying' && record.state !== 'paying' ? { payingSince: now() } : {}),
      ...(next.state === 'created' ? { payingSince: null, qr: null } : {}),
      ...extra,
    };
    const updated = update(record.orderNo, patch);
    if (next.state !== record.state)
      audit.record(event.kind === 'answer' ? 'system' : 'citizen', `payment.${next.state}`, {
        order: record.orderNo,
        application: record.applicationNo,
        amountFen: record.amountFen,
        from: record.state,
        ...(next.attention === null ? {} : { attention: next.attention }),
        ...(updated.reason === null ? {} : { reason: updated.reason }),
      });
    return { record: updated, cancel: next.cancel };
  };

  /** An answer about `orderNo` only: one about another order is the back office's fault, never applied. */
  const sameOrder = (record: PaymentRecord, answered: string): boolean => {
    if (answered === record.orderNo) return true;
    audit.record('system', 'payment.answer_mismatch', { order: record.orderNo, answered });
    log.warn('payment.answer_mismatch', { order: record.orderNo });
    return false;
  };

  const answer = (
    record: PaymentRecord,
    to: 'pay' | 'query' | 'cancel',
    state: BackOfficePaymentState | 'unknown_order',
    extra: Extra = {},
  ) => apply(record, { kind: 'answer', to, state }, extra);

  return { now, update, apply, sameOrder, answer };
}

type Ledger = ReturnType<typeof orderLedger>;

/** What the kiosk asks the payment platform (through the back office) about an order, and how each answer moves it. */
function platformCalls(deps: PaymentDeskDeps, ledger: Ledger) {
  const { client, audit, log } = deps;
  const { apply, sameOrder, answer } = ledger;
  const cancel = async (record: PaymentRecord): Promise<PaymentRecord> => {
    if (client === null) return record;
    const said = await client.cancelPayment(record.orderNo);
    switch (said.kind) {
      case 'ok':
        if (!sameOrder(record, said.value.orderNo)) return record;
        return answer(record, 'cancel', said.value.state).record;
      case 'not_found':
        // The order never reached the back office: nothing was charged.
        return answer(record, 'cancel', 'unknown_order').record;
      case 'rejected':
      case 'attention':
      case 'retry':
        log.warn('payment.cancel_unanswered', { order: record.orderNo, kind: said.kind });
        return record;
    }
  };

  /** Asks the back office where the order stands and moves it; cancels again where it must. */
  const query = async (record: PaymentRecord): Promise<PaymentRecord> => {
    if (client === null) return record;
    const said = await client.queryPayment(record.orderNo);
    let moved: { record: PaymentRecord; cancel: boolean };
    switch (said.kind) {
      case 'not_found':
        moved = answer(record, 'query', 'unknown_order');
        break;
      case 'ok': {
        if (!sameOrder(record, said.value.orderNo)) return record;
        const { state, paidAt, receipt } = said.value;
        moved = answer(record, 'query', state, {
          ...(paidAt === undefined || paidAt === null ? {} : { paidAt }),
          ...(receipt === undefined || receipt === null || record.receipt !== null
            ? {}
            : { receipt }),
        });
        break;
      }
      case 'rejected':
      case 'attention':
      case 'retry':
        return record;
    }
    if (moved.record.receipt !== null && record.receipt === null)
      audit.record('system', 'payment.receipt', {
        order: record.orderNo,
        receipt: moved.record.receipt.number,
      });
    return moved.cancel ? cancel(moved.record) : moved.record;
  };

  const abandon = async (record: PaymentRecord, why: PaymentReason): Promise<PaymentRecord> => {
    if (isFinal(record.state)) return record;
    const moved = apply(record, { kind: 'abandon' }, { reason: why });
    return moved.cancel ? cancel(moved.record) : moved.record;
  };

  /** Announces an order (again): a create lost on the way must arrive before its payment. */
  const announce = async (record: PaymentRecord): Promise<PaymentRecord> => {
    if (client === null) return record;
    const created = await client.createPayment({
      orderNo: record.orderNo,
      applicationNo: record.applicationNo,
      serviceId: record.serviceId,
      amountFen: record.amountFen,
      items: record.items,
    });
    switch (created.kind) {
      case 'ok':
        if (!sameOrder(record, created.value.orderNo)) return record;
        if (created.value.amountFen !== record.amountFen)
          return answer(record, 'query', 'failed', { reason: 'amount_mismatch' }).record;
        return record;
      case 'rejected':
        // The back office priced it otherwise, or refused it: nothing was charged.
        log.warn('payment.create_refused', { order: record.orderNo, code: created.code ?? null });
        return answer(record, 'query', 'failed', {
          reason: paymentReasonOf(created.code ?? 'other'),
        }).record;
      case 'retry':
      case 'attention':
      case 'not_found':
        log.warn('payment.create_unanswered', { order: record.orderNo, kind: created.kind });
        return record;
    }
  };

  return { cancel, query, abandon, announce };
}

type PayHow = { readonly method: 'code'; readonly authCode: string } | { readonly method: 'qr' };

function findOrder(store: PaymentStore, orderNo: string): Result<PaymentRecord, OrderError> {
  const record = store.get(orderNo);
  return record === null ? err('payment_unknown', `no payment order ${orderNo}`) : ok(record);
}

/** Shared by both ways to pay: refuse a settled order, announce it, write `paying`, then send. */
async function payWith(
  deps: PaymentDeskDeps,
  ledger: Ledger,
  calls: ReturnType<typeof platformCalls>,
  orderNo: string,
  how: PayHow,
): Promise<Result<PaymentView, OrderError>> {
  const { client, audit, log } = deps;
  const { apply, update, sameOrder, answer } = ledger;
  const found = findOrder(deps.store, orderNo);
  if (!found.ok) return found;
  if (client === null) return err('payment_unavailable', 'no back office is configured');
  let record = found.value;
  if (isFinal(record.state)) return err('payment_settled', `order ${orderNo} is ${record.state}`);
  if (record.state === 'cancelling')
    return err('payment_settled', `order ${orderNo} is being cancelled`);
  if (record.state === 'created') {
    record = await calls.announce(record);
    if (isFinal(record.state)) return ok(view(record));
  }
  // Written before it goes: a kiosk killed now knows a payment may be under way.
  apply(record, { kind: 'pay_sent' }, { reason: null });
  record = update(orderNo, { method: how.method });
  const said = await client.pay(orderNo, how);
  switch (said.kind) {
    case 'ok':
      if (sameOrder(record, said.value.orderNo))
        record = answer(record, 'pay', said.value.state, {
          ...(how.method === 'qr' ? { qr: said.value.qr ?? null } : {}),
          reason: paymentReasonOf(said.value.reason),
        }).record;
      else record = update(orderNo, { reason: 'wrong_order' });
      break;
    case 'rejected':
      // A refused 付款码 (expired, not valid): the platform took nothing; another code may follow.
      record = answer(record, 'pay', 'created', {
        reason: paymentReasonOf(said.code ?? 'auth_code_invalid'),
      }).record;
      audit.record('citizen', 'payment.code_refused', {
        order: orderNo,
        problem: record.reason ?? 'other',
      });
      break;
    case 'not_found':
    case 'attention':
    case 'retry':
      // Lost or late: still `paying`; the screen's next look asks the back office.
      log.warn('payment.pay_unanswered', { order: orderNo, kind: said.kind });
      break;
  }
  return ok(view(record));
}

export function createPaymentDesk(deps: PaymentDeskDeps) {
  const { store, client, clock, audit, settings } = deps;
  const ledger = orderLedger(deps);
  const calls = platformCalls(deps, ledger);
  const { now } = ledger;
  const { query, abandon, announce } = calls;
  const find = (orderNo: string): Result<PaymentRecord, OrderError> => findOrder(store, orderNo);
  const payWithHere = (orderNo: string, how: PayHow): Promise<Result<PaymentView, OrderError>> =>
    payWith(deps, ledger, calls, orderNo, how);

  return {
    available: client !== null,

    /**
     * The application's order for its fee lines: the one already paid or still
     * open if there is one (never a second charge), else a new one, stored
     * first, then announced to the back office, which prices it again.
     */
    async open(order: {
      readonly applicationNo: string;
      readonly serviceId: ServiceId;
      readonly items: readonly PaymentItem[];
    }): Promise<Result<PaymentView, OrderError>> {
      if (client === null) return err('payment_unavailable', 'no back office is configured');
      for (const existing of store.forApplication(order.applicationNo)) {
        const settled = existing.state === 'cancelling' ? await query(existing) : existing;
        if (settled.state === 'paid' || !isFinal(settled.state)) return ok(view(settled));
      }
      const amountFen = order.items.reduce((sum, item) => sum + item.amountFen, 0);
      const record = store.create({ ...order, orderNo: newOrderNo(clock), amountFen, now: now() });
      audit.record('citizen', 'payment.opened', {
        order: record.orderNo,
        application: record.applicationNo,
        amountFen,
      });
      return ok(view(await announce(record)));
    },

    /** B 扫 C: the citizen's 付款码, as the kiosk's scanner read it (never stored). */
    async payByCode(orderNo: string, text: string): Promise<Result<PaymentView, PaymentError>> {
      const code = checkPaymentCode(text, deps.isIdNumber);
      if (!code.ok) {
        audit.record('citizen', 'payment.code_refused', { order: orderNo, problem: code.problem });
        return errFacts('payment_code_invalid', CODE_MESSAGES[code.problem], {
          kind: code.problem,
        });
      }
      return payWithHere(orderNo, { method: 'code', authCode: code.code });
    },

    /** C 扫 B: a QR the citizen scans with the phone. */
    payByQr: (orderNo: string): Promise<Result<PaymentView, OrderError>> =>
      payWithHere(orderNo, { method: 'qr' }),

    /**
     * Where the order stands now, asking the back office while it is open: the
     * screen calls it while it waits. Past the wait for the phone, the kiosk
     * stops waiting and cancels (reverses, if the money went through meanwhile).
     */
    async look(orderNo: string): Promise<Result<PaymentView, OrderError>> {
      const found = find(orderNo);
      if (!found.ok) return found;
      let record = found.value;
      if (!isFinal(record.state) || (record.state === 'paid' && record.receipt === null))
        record = await query(record);
      const since = record.payingSince === null ? null : Date.parse(record.payingSince);
      if (
        record.state === 'paying' &&
        since !== null &&
        clock.nowMs() - since > settings.payingSeconds * 1000
      )
        record = await abandon(record, 'wait_too_long');
      return ok(view(record));
    },

    /** The citizen walked away, chose the window, or the session ended: cancel, or reverse. */
    async abandon(orderNo: string, why: PaymentReason): Promise<Result<PaymentView, OrderError>> {
      const found = find(orderNo);
      if (!found.ok) return found;
      return ok(view(await abandon(found.value, why)));
    },

    /** The application's order that counts: the paid one, else the newest. */
    orderFor(applicationNo: string): PaymentView | null {
      const orders = store.forApplication(applicationNo);
      const chosen = orders.find((o) => o.state === 'paid') ?? orders[0];
      return chosen === undefined ? null : view(chosen);
    },

    /**
     * At start and after each heartbeat: every open order but the one the
     * citizen at the screen is paying belongs to someone who is gone, so it is asked about
     * and then cancelled, or reversed if the money went through while it was
     * cancelling; one found paid stays paid. Paid orders get their receipt
     * when the platform issues it. Returns how many are still open.
     */
    async settleAll(inUse: (orderNo: string) => boolean = () => false): Promise<number> {
      if (client !== null) {
        for (const record of store.unsettled()) {
          // The citizen at the screen is still paying this one: theirs to finish or leave.
          if (isFinal(record.state) || inUse(record.orderNo)) continue;
          const asked = await query(record);
          if (!isFinal(asked.state)) await abandon(asked, 'left');
        }
        for (const record of store.paidWithoutReceipt()) await query(record);
      }
      return store.unsettled().filter((r) => !isFinal(r.state)).length;
    },

    /** Open orders and paid ones a person must refund (a refused reversal): the guide's and technician's list. */
    unsettled: (): PaymentView[] => store.unsettled().map(view),
  };
}

export type PaymentDesk = ReturnType<typeof createPaymentDesk>;
